// Runs an external program with input, output and a time limit.
#include "env/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string_view>

extern char** environ;

namespace renaksi {

namespace {

// A pipe's two ends, closed when it goes out of scope.
struct Pipe {
  int fd[2] = {-1, -1};
  bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
  void close(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  ~Pipe() {
    close(0);
    close(1);
  }
};

struct SpawnActions {
  posix_spawn_file_actions_t a;
  SpawnActions() { posix_spawn_file_actions_init(&a); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&a); }
};

struct SpawnAttr {
  posix_spawnattr_t a;
  SpawnAttr() { posix_spawnattr_init(&a); }
  ~SpawnAttr() { posix_spawnattr_destroy(&a); }
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

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          std::chrono::milliseconds timeout, const std::vector<std::string>& env_overrides) {
  ProcessResult r;
  Pipe in, out, err;
  if (!in.open() || !out.open() || !err.open()) {
    r.error = std::string("cannot create pipes: ") + std::strerror(errno);
    return r;
  }
  SpawnActions actions;
  posix_spawn_file_actions_adddup2(&actions.a, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions.a, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions.a, err.fd[1], 2);
  SpawnAttr attr;
  posix_spawnattr_setflags(&attr.a, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr.a, 0);

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
  ::fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  ::signal(SIGPIPE, SIG_IGN);

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  size_t written = 0;
  if (input.empty()) in.close(1);
  std::array<char, 65536> buf;
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      r.timed_out = true;
      ::kill(-pid, SIGKILL);
      break;
    }
    std::array<pollfd, 3> fds{{{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}, {in.fd[1], POLLOUT, 0}}};
    int n = ::poll(fds.data(), fds.size(), static_cast<int>(left.count()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = ::read(fds[i].fd, buf.data(), buf.size());
      if (got > 0)
        (i == 0 ? r.out : r.err).append(buf.data(), static_cast<size_t>(got));
      else if (got == 0 || errno != EAGAIN)
        (i == 0 ? out : err).close(0);
    }
    if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t put = ::write(in.fd[1], input.data() + written, input.size() - written);
      if (put > 0) written += static_cast<size_t>(put);
      if (put < 0 && errno != EAGAIN) in.close(1);  // the program stopped reading
      if (written == input.size()) in.close(1);
    }
  }
  in.close(1);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!r.timed_out) {
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  }
  return r;
}

}  // namespace renaksi
