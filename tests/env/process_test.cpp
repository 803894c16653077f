// Tests of running an external program with input, output and a time limit.
#include "env/process.h"

#include <gtest/gtest.h>

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
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

}  // namespace
}  // namespace renaksi
