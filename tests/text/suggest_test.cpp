// "Did you mean …?" and the command line's own words for paths and commands.
#include "text/suggest.h"

#include <gtest/gtest.h>

#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

using testing::CommandResult;
using testing::run_renaksi;

const std::vector<std::string_view> kCommands = {"check", "build", "validate", "submission", "codes"};

TEST(Nearest, FindsTheCommandAMistypedOneMeant) {
  EXPECT_EQ(nearest("bild", kCommands), "build");
  EXPECT_EQ(nearest("biuld", kCommands), "build");  // two letters swapped: one edit
  EXPECT_EQ(nearest("chek", kCommands), "check");
  EXPECT_EQ(nearest("Build", kCommands), "build");
  EXPECT_EQ(nearest("validat", kCommands), "validate");
  EXPECT_EQ(nearest("submision", kCommands), "submission");
}

TEST(Nearest, SuggestsNothingForAWordTooFarFromEveryChoice) {
  EXPECT_EQ(nearest("frobnicate", kCommands), "");
  EXPECT_EQ(nearest("x", kCommands), "");
  EXPECT_EQ(nearest("", kCommands), "");
  EXPECT_EQ(nearest(std::string(10000, 'b'), kCommands), "");  // bounded: no quadratic table of a huge word
  const std::vector<std::string_view> steps = {"load", "check", "prose", "pdf", "docx"};
  EXPECT_EQ(nearest("pfd", steps), "pdf");
  EXPECT_EQ(nearest("dcx", steps), "docx");
}

TEST(CliWords, AMistypedCommandGetsASuggestionAndExit2) {
  CommandResult r = run_renaksi("bild content");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "renaksi: 'bild' is not a command; did you mean 'build'? (commands: check, build, validate, submission, serve, template, import, import-comments, diff, codes)\n");
  CommandResult none = run_renaksi("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("which command? check, build, validate, submission, serve, template, import, import-comments, diff, codes"), std::string::npos) << none.err;
  CommandResult far = run_renaksi("frobnicate");
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
  // A control character in the mistyped word is shown, not obeyed.
  CommandResult esc = run_renaksi("\"$(printf '\\033[31mbild')\"");
  EXPECT_EQ(esc.exit_code, 2);
  EXPECT_EQ(esc.err.find('\033'), std::string::npos) << esc.err;
}

TEST(CliWords, PathsAreJudgedInRenaksisWordsNotTheLibrarys) {
  CommandResult file = run_renaksi("check README.md");
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_NE(file.err.find("'README.md' is a file, not a folder"), std::string::npos) << file.err;
  CommandResult missing = run_renaksi("build no-such-folder");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("'no-such-folder' does not exist"), std::string::npos) << missing.err;
  CommandResult folder = run_renaksi("validate content");
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_NE(folder.err.find("'content' is a folder, not a file"), std::string::npos) << folder.err;
  for (const auto* r : {&file, &missing, &folder}) {
    EXPECT_EQ(r->err.find("Directory"), std::string::npos) << r->err;
    EXPECT_EQ(r->err.find("actually"), std::string::npos) << r->err;
  }
  CommandResult step = run_renaksi("build content --stop-after=pfd");
  EXPECT_EQ(step.exit_code, 2);
  EXPECT_NE(step.err.find("no step is called 'pfd'; did you mean 'pdf'?"), std::string::npos) << step.err;
}

}  // namespace
}  // namespace renaksi
