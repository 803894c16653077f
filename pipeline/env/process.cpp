// Runs an external program with input, output and a time limit.
#include "env/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string_view>

extern char** environ;

namespace renaksi {

namespace {

using Clock = std::chrono::steady_clock;

// How long a killed child may take to be reaped: SIGKILL cannot be caught, so this is only
// spent on a child stuck in the kernel; past it the child is left (and the run says so).
constexpr std::chrono::milliseconds kReapGrace{2000};
// While the program runs, how often it is checked for having exited (it may have closed its
// pipes, or left children holding them).
constexpr int kExitCheckMs = 20;

// A pipe's two ends, closed when it goes out of scope.
struct Pipe {
  int fd[2] = {-1, -1};
  bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
  void close(int i) {
    if (fd[i] >= 0) ::close(fd[i]);  // a pipe's close cannot fail in a way worth retrying (EINTR closes it on Linux)
    fd[i] = -1;
  }
  ~Pipe() {
    close(0);
    close(1);
  }
  Pipe() = default;
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
};

struct SpawnActions {
  posix_spawn_file_actions_t a;
  bool ok = posix_spawn_file_actions_init(&a) == 0;
  ~SpawnActions() {
    if (ok) posix_spawn_file_actions_destroy(&a);
  }
};

struct SpawnAttr {
  posix_spawnattr_t a;
  bool ok = posix_spawnattr_init(&a) == 0;
  ~SpawnAttr() {
    if (ok) posix_spawnattr_destroy(&a);
  }
};

// This process's environment with `overrides` ("NAME=value") replacing or adding variables; the
// pointers stay valid as long as `overrides` and `environ` do.
std::vector<char*> child_environment(const std::vector<std::string>& overrides) {
  std::vector<char*> envp;
  auto name_of = [](std::string_view entry) { return entry.substr(0, entry.find('=')); };
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    bool replaced = false;
    for (const auto& o : overrides) replaced = replaced || name_of(o) == name_of(entry);
    if (!replaced) envp.push_back(*e);
  }
  for (const auto& o : overrides) envp.push_back(const_cast<char*>(o.c_str()));
  envp.push_back(nullptr);
  return envp;
}

bool set_nonblocking(int fd) {
  int flags = ::fcntl(fd, F_GETFL);
  return flags >= 0 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

// True once the child has exited; it stays a zombie (WNOWAIT), so its process group id cannot
// be reused before the group is killed.
bool has_exited(pid_t pid) {
  siginfo_t info{};
  int rc;
  do rc = ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
  while (rc < 0 && errno == EINTR);
  return rc < 0 || info.si_pid == pid;  // rc < 0: ECHILD, nothing left to wait for
}

void kill_group(pid_t pid) {
  // ESRCH (nothing left in the group) is the only expected failure and needs nothing.
  if (::kill(-pid, SIGKILL) < 0 && errno != ESRCH) (void)::kill(pid, SIGKILL);
}

void sleep_ms(int ms) {
  timespec ts{0, static_cast<long>(ms) * 1000000L};
  while (::nanosleep(&ts, &ts) < 0 && errno == EINTR) {
  }
}

// Reaps the child, waiting at most `grace`; false when it could not be reaped in that time.
bool reap(pid_t pid, std::chrono::milliseconds grace, int& status) {
  const auto until = Clock::now() + grace;
  for (;;) {
    pid_t got = ::waitpid(pid, &status, WNOHANG);
    if (got == pid) return true;
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return false;  // ECHILD: reaped elsewhere, nothing to report
    if (Clock::now() >= until) return false;
    sleep_ms(5);
  }
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          std::chrono::milliseconds timeout, const std::vector<std::string>& env_overrides,
                          std::size_t max_output) {
  ProcessResult r;
  const auto deadline = Clock::now() + std::max(timeout, std::chrono::milliseconds(0));
  if (argv.empty()) {
    r.error = "no program given";
    return r;
  }
  Pipe in, out, err;
  if (!in.open() || !out.open() || !err.open()) {
    r.error = std::string("cannot create pipes: ") + std::strerror(errno);
    return r;
  }
  SpawnActions actions;
  SpawnAttr attr;
  if (!actions.ok || !attr.ok || posix_spawn_file_actions_adddup2(&actions.a, in.fd[0], 0) != 0 ||
      posix_spawn_file_actions_adddup2(&actions.a, out.fd[1], 1) != 0 ||
      posix_spawn_file_actions_adddup2(&actions.a, err.fd[1], 2) != 0 ||
      posix_spawnattr_setflags(&attr.a, POSIX_SPAWN_SETPGROUP) != 0 || posix_spawnattr_setpgroup(&attr.a, 0) != 0) {
    r.error = "cannot prepare the program's start";
    return r;
  }
  // A program that stops reading its input must not kill renaksi: writes then fail with EPIPE.
  if (::signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
    r.error = std::string("cannot ignore SIGPIPE: ") + std::strerror(errno);
    return r;
  }

  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  std::vector<char*> envp = child_environment(env_overrides);
  int rc = posix_spawnp(&pid, args[0], &actions.a, &attr.a, args.data(), envp.data());
  if (rc != 0) {
    r.error = std::strerror(rc);
    return r;
  }
  r.started = true;
  in.close(0);
  out.close(1);
  err.close(1);
  if (!set_nonblocking(in.fd[1]) || !set_nonblocking(out.fd[0]) || !set_nonblocking(err.fd[0])) {
    r.error = std::string("cannot make the pipes non-blocking: ") + std::strerror(errno);
    kill_group(pid);
    int status = 0;
    reap(pid, kReapGrace, status);
    return r;
  }

  size_t written = 0;
  if (input.empty()) in.close(1);
  std::array<char, 65536> buf;
  bool exited = false;  // the child has exited (not yet reaped)
  bool killed = false;  // renaksi killed it: its status means nothing
  // Runs until the child has exited and both pipes are at their end (so nothing it wrote is
  // lost), or until the deadline or the output cap.
  while (!exited || out.fd[0] >= 0 || err.fd[0] >= 0) {
    // Rounded up: truncated, the last fraction of a millisecond read as none, and the program
    // was stopped before its time was up (a test measured 299.98 ms of a 300 ms limit).
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      r.timed_out = true;
      killed = true;
      break;
    }
    if (!exited && has_exited(pid)) {
      exited = true;
      // Whatever it left behind in its group (a lingering child holding the pipes) goes too.
      kill_group(pid);
      in.close(1);
    }
    if (exited && out.fd[0] < 0 && err.fd[0] < 0) break;  // all it wrote has been read
    std::array<pollfd, 3> fds{{{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}, {in.fd[1], POLLOUT, 0}}};
    // Short waits while the child runs, so an exit with closed pipes is seen promptly.
    const int wait = static_cast<int>(std::min<long long>(left.count(), exited ? left.count() : kExitCheckMs));
    int n = ::poll(fds.data(), fds.size(), wait);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      r.error = std::string("poll failed: ") + std::strerror(errno);
      killed = true;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[static_cast<size_t>(i)].fd < 0 || !(fds[static_cast<size_t>(i)].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      Pipe& p = i == 0 ? out : err;
      ssize_t got = ::read(p.fd[0], buf.data(), buf.size());
      if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (got <= 0) {
        p.close(0);
        continue;
      }
      const size_t size = static_cast<size_t>(got);
      if (i == 0) {
        if (r.out.size() + size > max_output) {
          r.output_too_large = true;
          break;
        }
        // Grown by doubling, but never past the cap: an endless stream costs at most the cap.
        // (libstdc++'s reserve on a non-empty string may itself double past what is asked, so
        // a fresh string is reserved to the exact size and the bytes moved over.)
        if (r.out.size() + size > r.out.capacity()) {
          std::string grown;
          grown.reserve(std::min(max_output, std::max(r.out.capacity() * 2, r.out.size() + size)));
          grown.append(r.out);
          r.out.swap(grown);
        }
        r.out.append(buf.data(), size);
      } else if (r.err.size() < limits::kMaxPandocErrorBytes) {
        r.err.append(buf.data(), std::min(size, limits::kMaxPandocErrorBytes - r.err.size()));
      }
    }
    if (r.output_too_large) {
      killed = true;
      break;
    }
    if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t put = ::write(in.fd[1], input.data() + written, input.size() - written);
      if (put > 0) written += static_cast<size_t>(put);
      if (put < 0 && errno != EAGAIN && errno != EINTR) in.close(1);  // the program stopped reading
      if (written == input.size()) in.close(1);
    }
  }
  in.close(1);
  out.close(0);
  err.close(0);
  if (killed) kill_group(pid);
  int status = 0;
  if (!reap(pid, kReapGrace, status)) {
    if (r.error.empty()) r.error = "the program could not be reaped after it was killed";
    return r;
  }
  if (!killed) {
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  }
  return r;
}

}  // namespace renaksi
