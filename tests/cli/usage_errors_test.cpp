// Every mistake on the command line that CLI11 catches, said in renaksi's words: a missing
// folder, an unknown or misplaced option, a value that is not one; exit code 2 and no library
// wording.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "support/paths.h"

namespace renaksi {
namespace {

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// run_cli in this process, from the source folder (the paths below are relative to it).
Result run(std::vector<std::string> args) {
  args.insert(args.begin(), "renaksi");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  const std::filesystem::path was = std::filesystem::current_path();
  std::filesystem::current_path(testing::source_dir());
  std::ostringstream out, err;
  Result r;
  r.exit_code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  std::filesystem::current_path(was);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// Phrases of CLI11's own messages (CLI/Error.hpp, CLI/Validators.hpp) that must never reach a user.
const char* const kLibraryWording[] = {
    "Run with --help", "The following argument", "is required", "A subcommand", "Could not convert",
    "required but received", "At Most", "At least", "Expected exactly", "excludes", "requires", "not in range",
    "Value ", "Directory is actually", "File does not exist", "Path does not exist", "is actually a",
    "not an allowed value", "Should be true/false", "too many inputs", "disallowed flag", "INT", "TEXT"};

void expect_ours(const Result& r, const std::string& expected) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, expected + "\n");
  EXPECT_EQ(r.out, "");
  for (const char* phrase : kLibraryWording) EXPECT_EQ(r.err.find(phrase), std::string::npos) << phrase << " in " << r.err;
}

TEST(CliUsage, AMistypedCommandGetsASuggestion) {
  expect_ours(run({"bild"}),
              "renaksi: 'bild' is not a command; did you mean 'build'? (commands: check, build, validate, submission, serve, template, import, import-comments, diff, codes)");
  expect_ours(run({"serv"}),
              "renaksi: 'serv' is not a command; did you mean 'serve'? (commands: check, build, validate, submission, serve, template, import, import-comments, diff, codes)");
}

TEST(CliUsage, AMissingPositional) {
  expect_ours(run({"build"}), "renaksi build: which folder? A plan folder, or a folder of plan folders (content/)");
  expect_ours(run({"check"}), "renaksi check: which plan folder? A plan folder (plan.xml, organisations.xml, commitments/)");
  expect_ours(run({"validate"}), "renaksi validate: which file? An OGP-submission XML file");
  expect_ours(run({"submission"}),
              "renaksi submission: which plan folder? A plan folder (plan.xml, organisations.xml, commitments/)");
}

TEST(CliUsage, AnUnknownOptionGetsASuggestion) {
  expect_ours(run({"build", "content", "--otu", "x"}), "renaksi build: unknown option '--otu'; did you mean '--out'?");
  expect_ours(run({"serve", "--wach"}), "renaksi serve: unknown option '--wach'; did you mean '--watch'?");
  expect_ours(run({"build", "content", "--timigns"}), "renaksi build: unknown option '--timigns'; did you mean '--timings'?");
  expect_ours(run({"build", "content", "--stop-afer=pdf"}),
              "renaksi build: unknown option '--stop-afer'; did you mean '--stop-after'?");
  expect_ours(run({"check", "-x", "content/nap-2018-2020"}),
              "renaksi check: unknown option '-x' ('renaksi check --help' lists its options)");
  expect_ours(run({"build", "content", "--frobnicate"}),
              "renaksi build: unknown option '--frobnicate' ('renaksi build --help' lists its options)");
}

TEST(CliUsage, AnOptionOfAnotherCommandOrBeforeTheCommand) {
  expect_ours(run({"build", "content", "--watch"}), "renaksi build: '--watch' is an option of 'renaksi serve', not of 'renaksi build'");
  expect_ours(run({"--watch"}), "renaksi: '--watch' is an option of a command: the command comes first (renaksi serve --watch …)");
  expect_ours(run({"--frob"}),
              "renaksi: unknown option '--frob'; the command comes first: renaksi COMMAND [OPTIONS] (commands: check, build, "
              "validate, submission, serve, template, import, import-comments, diff, codes)");
}

TEST(CliUsage, AnArgumentTooMany) {
  expect_ours(run({"build", "content", "extra"}), "renaksi build: unexpected argument 'extra' ('renaksi build --help' lists its options)");
  expect_ours(run({"codes", "extra"}), "renaksi codes: unexpected argument 'extra' ('renaksi codes --help' lists its options)");
}

TEST(CliUsage, AnOptionWithoutItsValue) {
  expect_ours(run({"build", "content", "--out"}), "renaksi build: --out needs a value");
  expect_ours(run({"serve", "--port"}), "renaksi serve: --port needs a value (N)");
  expect_ours(run({"submission", "content/nap-2018-2020", "-o"}), "renaksi submission: --output needs a value (FILE)");
}

TEST(CliUsage, AValueThatIsNotOne) {
  expect_ours(run({"build", "content", "--pandoc-timeout", "abc"}),
              "renaksi build: --pandoc-timeout: 'abc' is not a whole number from 1 to 3600");
  expect_ours(run({"build", "content", "--pandoc-timeout", "0"}),
              "renaksi build: --pandoc-timeout: '0' is not a whole number from 1 to 3600");
  expect_ours(run({"build", "content", "--pandoc-timeout", "99999999999999999999"}),
              "renaksi build: --pandoc-timeout: '99999999999999999999' is not a whole number from 1 to 3600");
  expect_ours(run({"serve", "--port", "70000"}), "renaksi serve: --port: '70000' is not a whole number from 0 to 65535");
  expect_ours(run({"serve", "--port", "-1"}), "renaksi serve: --port: '-1' is not a whole number from 0 to 65535");
  expect_ours(run({"build", "content", "--dump", "docment"}),
              "renaksi build: --dump: 'docment' is not one of: document; did you mean 'document'?");
  expect_ours(run({"submission", "content/nap-2018-2020", "--date", "2020-13-01"}),
              "renaksi submission: --date: '2020-13-01' is not a date YYYY-MM-DD");
  expect_ours(run({"serve", "--watch=maybe"}), "renaksi serve: --watch takes no value (it is on when given)");
}

TEST(CliUsage, PathsInTheWordsOfPathChecks) {
  expect_ours(run({"build", "README.md"}), "renaksi build: folder: 'README.md' is a file, not a folder");
  expect_ours(run({"serve", "no-such-folder"}), "renaksi serve: folder: 'no-such-folder' does not exist");
  expect_ours(run({"validate", "content"}), "renaksi validate: file: 'content' is a folder, not a file");
  expect_ours(run({"check", "content/nap-2018-2020", "README.md"}),
              "renaksi check: plan-folder: 'README.md' is a file, not a folder");
}

TEST(CliUsage, HelpAndVersionStillWork) {
  const Result help = run({"serve", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--watch"), std::string::npos);
  EXPECT_NE(help.out.find("--port"), std::string::npos);
  EXPECT_EQ(run({"--version"}).exit_code, 0);
}

}  // namespace
}  // namespace renaksi
