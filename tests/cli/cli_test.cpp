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

// Runs renaksi from the source folder with `env` (assignments) before it.
CommandResult run_with_env(const std::string& env, const std::string& args) {
  testing::TempDir dir("cli");
  const auto out_file = dir.path() / "out", err_file = dir.path() / "err";
  std::string cmd = "cd '" + testing::source_dir().string() + "' && " + env + "'" + testing::binary() + "' " + args + " >'" +
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

CommandResult run(const std::string& args) { return run_with_env("", args); }

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

TEST(Cli, BuildDumpsTheComposedEdition) {
  testing::TempDir dir("cli-dump");
  CommandResult r = run("build content/nap-2018-2020 --dump=document --edition=en --cache-dir '" + dir.path().string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("document nap-2018-2020 edition=en langs=en final\n")) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("Commitment 10: Quality Improvement of Public Service Complaints Resolution"), std::string::npos);
  CommandResult bad = run("build content/nap-2018-2020 --dump=document --edition=fr --cache-dir '" + dir.path().string() + "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("editions: id en bilingual"), std::string::npos) << bad.err;
}

TEST(Cli, ASecondBuildWithUnchangedProseStartsNoPandoc) {
  testing::TempDir dir("cli-cache");
  const auto log = dir.path() / "pandoc.log";
  const auto wrapper = dir.path() / "pandoc-wrapper";
  std::ofstream(wrapper) << "#!/bin/sh\necho \"$*\" >> '" << log.string() << "'\nexec pandoc \"$@\"\n";
  std::filesystem::permissions(wrapper, std::filesystem::perms::owner_all);
  const std::string cmd = "build content/nap-2018-2020 --timings --cache-dir '" + (dir.path() / "cache").string() + "'";
  const std::string env = "RENAKSI_PANDOC='" + wrapper.string() + "' ";
  // Pandoc runs that parse prose (to JSON); the DOCX pass adds one run per language edition.
  auto runs = [&](const std::string& to = "-t json") {
    std::ifstream in(log);
    int n = 0;
    for (std::string line; std::getline(in, line);) n += line.find(to) != std::string::npos;
    return n;
  };
  CommandResult first = run_with_env(env, cmd);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(runs(), 1);
  EXPECT_NE(first.out.find("1 Pandoc run"), std::string::npos) << first.out;
  CommandResult second = run_with_env(env, cmd);
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(runs(), 1);
  EXPECT_NE(second.out.find("0 Pandoc runs"), std::string::npos) << second.out;
  EXPECT_EQ(runs("-t docx"), 4);
  for (const char* pass : {"load", "check", "prose", "locale", "compose", "total"})
    EXPECT_NE(second.out.find(std::string("  ") + pass), std::string::npos) << pass;
}

TEST(Cli, StopAfterRunsOnlyThePassesUpToIt) {
  CommandResult r = run("build content/nap-2018-2020 --stop-after=check --timings");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  check"), std::string::npos);
  EXPECT_EQ(r.out.find("  prose"), std::string::npos);
  EXPECT_EQ(run("build content/nap-2018-2020 --stop-after=nothing").exit_code, 2);
}

TEST(Cli, CodesListsTheCatalogue) {
  CommandResult r = run("codes");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("C005"), std::string::npos);
  EXPECT_NE(r.out.find("L002"), std::string::npos);
}

}  // namespace
}  // namespace renaksi
