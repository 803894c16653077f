// Tests of running an external program with input, output and a time limit.
#include "env/process.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>

namespace renaksi {
namespace {

using namespace std::chrono_literals;

TEST(RunProcess, PassesInputAndCollectsOutput) {
  ProcessResult r = run_process({"tr", "a-z", "A-Z"}, "hello", 5000ms);
  ASSERT_TRUE(r.started);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "HELLO");
}

TEST(RunProcess, LargeInputAndOutputDoNotDeadlock) {
  std::string big(4 << 20, 'x');
  ProcessResult r = run_process({"cat"}, big, 20000ms);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.size(), big.size());
}

TEST(RunProcess, ReportsExitCodeAndStandardError) {
  ProcessResult r = run_process({"sh", "-c", "echo oops >&2; exit 7"}, "", 5000ms);
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_EQ(r.err, "oops\n");
}

TEST(RunProcess, EnvironmentOverridesReplaceAndAddVariables) {
  ::setenv("RENAKSI_TEST_KEPT", "kept", 1);
  ::setenv("RENAKSI_TEST_REPLACED", "old", 1);
  ProcessResult r = run_process({"sh", "-c", "echo \"$RENAKSI_TEST_KEPT $RENAKSI_TEST_REPLACED $RENAKSI_TEST_ADDED\"; env | grep -c RENAKSI_TEST_REPLACED"},
                                "", 5000ms, {"RENAKSI_TEST_REPLACED=new", "RENAKSI_TEST_ADDED=added"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "kept new added\n1\n");
  ::unsetenv("RENAKSI_TEST_KEPT");
  ::unsetenv("RENAKSI_TEST_REPLACED");
}

TEST(RunProcess, AMissingProgramIsNotStarted) {
  ProcessResult r = run_process({"/no/such/program"}, "", 5000ms);
  EXPECT_FALSE(r.started);
  EXPECT_FALSE(r.error.empty());
}

TEST(RunProcess, KillsAProgramThatRunsTooLong) {
  auto start = std::chrono::steady_clock::now();
  ProcessResult r = run_process({"sh", "-c", "sleep 20 & sleep 20"}, "", 200ms);
  EXPECT_TRUE(r.timed_out);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

// Open descriptors of this process.
int open_fds() {
  int n = 0;
  if (DIR* d = ::opendir("/proc/self/fd")) {
    while (::readdir(d)) ++n;
    ::closedir(d);
  }
  return n;
}

// True when this process has no child left (none running, no zombie).
bool no_children() {
  int status = 0;
  return ::waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD;
}

TEST(RunProcess, TheLimitHoldsWhenTheProgramClosesItsPipesAndLingers) {
  // Before: once both pipes closed, renaksi waited for the program without a deadline (30 s).
  auto start = std::chrono::steady_clock::now();
  ProcessResult r = run_process({"sh", "-c", "exec >&- 2>&-; exec sleep 30"}, "", 300ms);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_GE(took, 300ms);
  EXPECT_LT(took, 1500ms);
  EXPECT_TRUE(no_children());
}

TEST(RunProcess, WhatTheProgramLeavesBehindIsKilledWhenItExits) {
  // A child in the background keeps the pipes open; the program itself is done.
  auto start = std::chrono::steady_clock::now();
  ProcessResult r = run_process({"sh", "-c", "sleep 30 & echo done"}, "", 10000ms);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "done\n");
  EXPECT_TRUE(no_children());
}

TEST(RunProcess, OutputPastTheCapStopsTheProgram) {
  auto start = std::chrono::steady_clock::now();
  ProcessResult r = run_process({"yes"}, "", 10000ms, {}, 1 << 20);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_TRUE(r.output_too_large);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_LE(r.out.size(), size_t{1} << 20);
  EXPECT_LE(r.out.capacity(), size_t{1} << 20);  // never grown past the cap
  EXPECT_TRUE(no_children());
}

TEST(RunProcess, OutputOfExactlyTheCapIsKept) {
  ProcessResult r = run_process({"head", "-c", "1000", "/dev/zero"}, "", 5000ms, {}, 1000);
  EXPECT_FALSE(r.output_too_large);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.size(), 1000u);
}

TEST(RunProcess, StandardErrorIsCappedAndTheProgramGoesOn) {
  ProcessResult r = run_process({"sh", "-c", "head -c 5000000 /dev/zero >&2; echo ok"}, "", 10000ms);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "ok\n");
  EXPECT_EQ(r.err.size(), limits::kMaxPandocErrorBytes);
}

TEST(RunProcess, AProgramThatDoesNotReadItsInputIsNoProblem) {
  std::string big(8 << 20, 'x');
  ProcessResult r = run_process({"sh", "-c", "exec 0<&-; echo ok"}, big, 10000ms);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "ok\n");
}

TEST(RunProcess, ASignalIsReported) {
  ProcessResult r = run_process({"sh", "-c", "kill -TERM $$"}, "", 5000ms);
  EXPECT_EQ(r.signal, SIGTERM);
  EXPECT_FALSE(r.timed_out);
}

TEST(RunProcess, NoDescriptorIsLeftOpen) {
  const int before = open_fds();
  run_process({"/no/such/program"}, "", 1000ms);
  run_process({"sh", "-c", "echo x; exit 1"}, "in", 1000ms);
  run_process({"sh", "-c", "exec >&- 2>&-; exec sleep 30"}, "", 100ms);
  run_process({"yes"}, "", 1000ms, {}, 1000);
  EXPECT_EQ(open_fds(), before);
  EXPECT_TRUE(no_children());
}

}  // namespace
}  // namespace renaksi
