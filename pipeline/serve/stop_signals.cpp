// SIGINT and SIGTERM through a pipe.
#include "serve/stop_signals.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace renaksi::serve {

namespace {

std::atomic<int> g_write_end{-1};
struct sigaction g_old_int {};
struct sigaction g_old_term {};

extern "C" void on_stop_signal(int) {
  const int saved = errno;
  const int fd = g_write_end.load();
  if (fd >= 0) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(fd, &byte, 1);  // a full pipe already says "stop"
  }
  errno = saved;
}

}  // namespace

StopSignals::StopSignals() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return;
  read_end_ = UniqueFd(fds[0]);
  write_end_ = UniqueFd(fds[1]);
  g_write_end.store(write_end_.get());
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND | SA_RESTART;  // the second Ctrl-C ends the process as usual
  ok_ = ::sigaction(SIGINT, &sa, &g_old_int) == 0 && ::sigaction(SIGTERM, &sa, &g_old_term) == 0;
}

StopSignals::~StopSignals() {
  // Back as they were; nothing is written to the pipe once it is closed. (A destructor has no
  // one to tell if sigaction fails, which it does only for a bad signal number.)
  g_write_end.store(-1);
  if (!read_end_) return;
  static_cast<void>(::sigaction(SIGINT, &g_old_int, nullptr));
  static_cast<void>(::sigaction(SIGTERM, &g_old_term, nullptr));
}

bool StopSignals::wait(std::chrono::milliseconds timeout) {
  if (seen_) return true;
  if (!read_end_) return false;
  pollfd p{.fd = read_end_.get(), .events = POLLIN, .revents = 0};
  const int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (n > 0 && (p.revents & POLLIN)) {
    char buf[16];
    while (::read(read_end_.get(), buf, sizeof buf) > 0) {
    }  // nonblocking: ends when the pipe is empty (at most its 64 KiB)
    seen_ = true;
  }
  return seen_;
}

}  // namespace renaksi::serve
