// The renaksi command as a user runs it: output, messages and exit codes.
#include <gtest/gtest.h>

#include <array>
#include <regex>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include "support/paths.h"

namespace renaksi {
namespace {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

CommandResult run(const std::string& args) {
  testing::TempDir dir("cli");
  const auto out_file = dir.path() / "out", err_file = dir.path() / "err";
  std::string cmd = "cd '" + testing::source_dir().string() + "' && '" + testing::binary() + "' " + args + " >'" +
                    out_file.string() + "' 2>'" + err_file.string() + "'";
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::stringstream o, e;
  o << std::ifstream(out_file).rdbuf();
  e << std::ifstream(err_file).rdbuf();
  r.out = o.str();
  r.err = e.str();
  return r;
}

TEST(Cli, HelpListsTheCommandsAndExitsZero) {
  CommandResult r = run("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("check"), std::string::npos);
  EXPECT_NE(r.out.find("Exit status"), std::string::npos);
  CommandResult c = run("check --help");
  EXPECT_EQ(c.exit_code, 0);
  EXPECT_NE(c.out.find("--fail-on-warnings"), std::string::npos);
}

TEST(Cli, VersionPrintsNameAndVersion) {
  CommandResult r = run("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, std::string("renaksi ") + RENAKSI_VERSION_STRING + "\n");
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").exit_code, 2);
  EXPECT_EQ(run("frobnicate").exit_code, 2);
  EXPECT_EQ(run("check").exit_code, 2);
  EXPECT_EQ(run("check --no-such-flag content/nap-2018-2020").exit_code, 2);
  CommandResult missing = run("check content/no-such-plan");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no-such-plan"), std::string::npos);
}

TEST(Cli, CleanPlanExitsZeroWithASummary) {
  CommandResult r = run("check content/nap-2018-2020");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("Final"), std::string::npos);
  EXPECT_NE(r.out.find("0 errors, 0 warnings"), std::string::npos);
}

TEST(Cli, WarningsPassUnlessFailOnWarnings) {
  CommandResult r = run("check content/nap-2020-2022");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("warning[C012]"), std::string::npos);
  EXPECT_EQ(run("check --fail-on-warnings content/nap-2020-2022").exit_code, 1);
}

TEST(Cli, ErrorsExitOneAndEveryProblemIsPrintedInCompilerForm) {
  namespace fs = std::filesystem;
  testing::TempDir dir("cli-errors");
  const fs::path base = testing::fixtures_dir() / "check" / "base";
  const fs::path a = dir.path() / "a", b = dir.path() / "b";
  fs::copy(base, a, fs::copy_options::recursive);
  fs::copy(base, b, fs::copy_options::recursive);
  // a: two broken dates in one file; b: no organisations.xml. Both folders are checked.
  std::string text;
  {
    std::stringstream ss;
    ss << std::ifstream(a / "commitments" / "01.xml").rdbuf();
    text = ss.str();
  }
  text.replace(text.find("2019-06-30"), 10, "2019-06-31");
  text.replace(text.find("2020-06-30"), 10, "2020-13-01");
  std::ofstream(a / "commitments" / "01.xml") << text;
  fs::remove(b / "organisations.xml");

  CommandResult r = run("check '" + a.string() + "' '" + b.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  std::istringstream lines(r.err);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count)
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(^[^:]+\.xml(:\d+(:\d+)?)?: (error|warning)\[[LC]\d{3}\]: .+)")))
        << line;
  EXPECT_EQ(count, 3) << r.err;
  EXPECT_NE(r.err.find("01.xml:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error[C001]: '2019-06-31' is not a real calendar date"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("organisations.xml: error[L001]"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("Final, 1 commitment, 2 errors, 0 warnings"), std::string::npos) << r.out;
}

TEST(Cli, CodesListsTheCatalogue) {
  CommandResult r = run("codes");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("C005"), std::string::npos);
  EXPECT_NE(r.out.find("L002"), std::string::npos);
}

}  // namespace
}  // namespace renaksi
