// `renaksi serve` as a user runs it: a small plan built and served on 127.0.0.1 at a port the
// system picks, pages fetched, a commitment edited and built again with --watch, a broken edit
// that leaves the last good site served, and a clean stop. Every wait is bounded, and the
// child is killed whatever happens.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "support/command.h"
#include "support/paths.h"

extern char** environ;

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A child process with its standard output and error read through one pipe; killed and reaped
// when the object goes, if it has not ended.
class Child {
 public:
  explicit Child(const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    read_end_ = fds[0];
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
  }
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (read_end_ >= 0) ::close(read_end_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  bool started() const { return pid_ > 0; }
  const std::string& output() const { return out_; }

  // Reads until `text` appears after `from` in the output, or `limit` passes; where it starts, or npos.
  size_t wait_for(const std::string& text, size_t from, std::chrono::seconds limit) {
    const Clock::time_point end = Clock::now() + limit;
    while (true) {  // each pass reads or waits; ends at the deadline or the end of the output
      const size_t at = out_.find(text, from);
      if (at != std::string::npos) return at;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
      if (left <= 0 || !read_some(static_cast<int>(left))) return std::string::npos;
    }
  }

  // SIGTERM, then the exit code (waiting at most `limit`); -1 when it had to be killed.
  int stop(std::chrono::seconds limit) { return wait(limit, true); }

  // The exit code of a child that ends by itself (waiting at most `limit`); -1 when it did not.
  int wait(std::chrono::seconds limit, bool terminate = false) {
    if (pid_ <= 0) return -1;
    if (terminate) ::kill(pid_, SIGTERM);
    const Clock::time_point end = Clock::now() + limit;
    while (Clock::now() < end) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        pid_ = -1;
        while (read_some(0)) {
        }  // what it wrote last (the pipe holds at most 64 KiB)
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      read_some(50);
    }
    return -1;
  }

 private:
  // Waits at most `ms` for output; false at its end (or on an error) or when nothing came.
  bool read_some(int ms) {
    pollfd p{.fd = read_end_, .events = POLLIN, .revents = 0};
    if (::poll(&p, 1, ms) <= 0) return false;
    char buf[4096];
    const ssize_t n = ::read(read_end_, buf, sizeof buf);
    if (n <= 0) return false;
    out_.append(buf, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int read_end_ = -1;
  std::string out_;
};

// Whether something listens on `port` at 127.0.0.1 and nowhere else (/proc/net/tcp and tcp6).
bool listens_on_loopback_only(int port) {
  char hex_port[8];
  std::snprintf(hex_port, sizeof hex_port, ":%04X", port);
  bool loopback = false, other = false;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream in(table);
    for (std::string line; std::getline(in, line);) {
      std::istringstream fields(line);
      std::string slot, local, remote, state;
      fields >> slot >> local >> remote >> state;
      if (state != "0A" || !local.ends_with(hex_port)) continue;  // 0A: LISTEN
      (local == std::string("0100007F") + hex_port ? loopback : other) = true;
    }
  }
  return loopback && !other;
}

TEST(ServeCommand, ServesBuildsAgainOnChangeAndKeepsTheLastGoodSite) {
  testing::TempDir dir("serve-command");
  const fs::path plan = testing::copy_base_plan(dir);
  const fs::path commitment = plan / "commitments" / "01.xml";
  Child child({testing::binary(), "serve", plan.string(), "--out", (dir.path() / "out").string(), "--cache-dir",
               (dir.path() / "cache").string(), "--port", "0", "--watch"});
  ASSERT_TRUE(child.started());
  const size_t serving = child.wait_for("serving ", 0, std::chrono::seconds(90));
  ASSERT_NE(serving, std::string::npos) << child.output();
  std::smatch m;
  const std::string line = child.output().substr(serving, child.output().find('\n', serving) - serving);
  ASSERT_TRUE(std::regex_search(line, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/"))) << line;
  const int port = std::stoi(m[1]);
  EXPECT_TRUE(listens_on_loopback_only(port));

  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(5, 0);
  auto home = client.Get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200);
  EXPECT_EQ(home->get_header_value("Content-Type"), "text/html; charset=utf-8");
  auto page = client.Get("/en/fixture-plan/1-first/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("First commitment"), std::string::npos);
  auto css = client.Get("/assets/site.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  auto missing = client.Get("/en/no-such-page/");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto up = client.Get("/%2e%2e/plan/plan.xml");
  ASSERT_TRUE(up);
  EXPECT_EQ(up->status, 403);

  // An edit is built again: only the plan that changed is laid out.
  testing::replace_once(commitment, "First commitment</text>", "First commitment, edited</text>");
  const size_t rebuilt = child.wait_for("built in", serving, std::chrono::seconds(60));
  ASSERT_NE(rebuilt, std::string::npos) << child.output();
  EXPECT_NE(child.output().find("1 plan laid out", rebuilt), std::string::npos) << child.output();
  auto edited = client.Get("/en/fixture-plan/1-first/");
  ASSERT_TRUE(edited);
  EXPECT_NE(edited->body.find("First commitment, edited"), std::string::npos);

  // A broken edit: its diagnostics are printed and the last good site stays.
  std::ofstream(commitment, std::ios::app) << "<broken";
  const size_t failed = child.wait_for("the build failed", rebuilt, std::chrono::seconds(60));
  ASSERT_NE(failed, std::string::npos) << child.output();
  EXPECT_NE(child.output().find("01.xml:", rebuilt), std::string::npos) << child.output();
  auto still = client.Get("/en/fixture-plan/1-first/");
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);
  EXPECT_NE(still->body.find("First commitment, edited"), std::string::npos);

  EXPECT_EQ(child.stop(std::chrono::seconds(10)), 0) << child.output();
  EXPECT_NE(child.output().find("stopped"), std::string::npos) << child.output();
}

TEST(ServeCommand, APortInUseIsSaidBeforeBuilding) {
  httplib::Server holder;
  const int port = holder.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  testing::TempDir dir("serve-port");
  // A child with a bounded wait: should the port be taken after all, it is killed, not waited on.
  Child child({testing::binary(), "serve", "content", "--out", (dir.path() / "out").string(), "--port", std::to_string(port)});
  ASSERT_TRUE(child.started());
  const size_t said = child.wait_for("cannot listen on 127.0.0.1:" + std::to_string(port), 0, std::chrono::seconds(30));
  EXPECT_NE(said, std::string::npos) << child.output();
  // It ends by itself (a SIGTERM here could reach it before it exits, slowly under a sanitizer).
  EXPECT_EQ(child.wait(std::chrono::seconds(30)), 2) << child.output();
  EXPECT_FALSE(fs::exists(dir.path() / "out"));  // nothing was built
}

}  // namespace
}  // namespace renaksi
