// `renaksi diff` as a user runs it: two folders, a folder and its recorded draft, a folder at
// two git revisions; colour and plain markers; the errors for bad input.
#include <gtest/gtest.h>

#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

using testing::CommandResult;
using testing::run_renaksi;
using testing::shell_quote;

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

TEST(DiffCommand, TwoFoldersInPlainMarkers) {
  const CommandResult r = run_renaksi("diff content/nap-2020-2022/history/draft-2 content/nap-2020-2022 --no-color");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "nap-2020-2022: draft-2 \u2192 draft-3\n")) << r.out;
  EXPECT_TRUE(has(r.out, "commitment 2 procurement-information\n")) << r.out;
  // The reworded milestone, the sharper indicator and the added milestone, in both languages.
  EXPECT_TRUE(has(r.out, "  milestone-activity m1 [en]:\n    [-Drafting an update of -]{+Updating +}the Information"))
      << r.out;
  EXPECT_TRUE(has(r.out, "  milestone-output m4 [en]:\n    A [-compliance -]monitoring report{+ giving the share of public")) << r.out;
  EXPECT_TRUE(has(r.out, "  milestone m5 [id] (added):\n")) << r.out;
  EXPECT_TRUE(has(r.out, "  milestone m5 [en] (added):\n    {+Publishing the results of compliance monitoring")) << r.out;
  EXPECT_TRUE(has(r.out, "  plan foreword [en]:\n")) << r.out;
  EXPECT_FALSE(has(r.out, "\x1b"));
}

TEST(DiffCommand, AFolderAloneIsComparedWithItsRecordedDraft) {
  const CommandResult both = run_renaksi("diff content/nap-2020-2022/history/draft-2 content/nap-2020-2022 --no-color");
  const CommandResult alone = run_renaksi("diff content/nap-2020-2022");
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  EXPECT_EQ(alone.out, both.out);  // not a terminal: no colour without --color
}

TEST(DiffCommand, ColourOnRequest) {
  const CommandResult r = run_renaksi("diff content/nap-2020-2022 --color");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "\x1b[31;9mDrafting an update of \x1b[0m\x1b[32;4mUpdating \x1b[0m")) << r.out;
  EXPECT_FALSE(has(r.out, "{+"));
}

TEST(DiffCommand, BadInputIsSaidPlainly) {
  CommandResult r = run_renaksi("diff content/no-such-plan content/nap-2020-2022");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "'content/no-such-plan' does not exist")) << r.err;
  r = run_renaksi("diff content content/nap-2020-2022");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "'content' is not a plan folder: it has no plan.xml")) << r.err;
  r = run_renaksi("diff content/nap-2018-2020");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "records no previous draft")) << r.err;
  r = run_renaksi("diff a b c");
  EXPECT_EQ(r.exit_code, 2);
  r = run_renaksi("diff content/nap-2020-2022 --to HEAD");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "--to REV needs --from REV")) << r.err;
}

TEST(DiffCommand, ADraftWithContentErrorsIsReportedAtItsFile) {
  testing::TempDir dir("diff-broken");
  const auto plan = dir.path() / "plan";
  std::filesystem::copy(testing::content_dir() / "nap-2020-2022" / "history" / "draft-2", plan,
                        std::filesystem::copy_options::recursive);
  testing::replace_once(plan / "commitments" / "02-procurement-information.xml", "<title>", "<title><oops>");
  const CommandResult r = run_renaksi("diff " + shell_quote(plan.string()) + " content/nap-2020-2022");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, "02-procurement-information.xml:")) << r.err;
  EXPECT_TRUE(has(r.err, "error[L00")) << r.err;
}

// A git repository whose two commits are Draft 2 and Draft 3 of the plan.
struct GitPlan {
  testing::TempDir dir{"diff-git"};
  std::filesystem::path plan = dir.path() / "repo" / "nap-2020-2022";
  bool ok = false;
  GitPlan() {
    namespace fs = std::filesystem;
    const fs::path src = testing::content_dir() / "nap-2020-2022";
    fs::create_directories(plan);
    fs::copy(src / "history" / "draft-2", plan, fs::copy_options::recursive);
    const std::string git = "git -C " + shell_quote((dir.path() / "repo").string()) +
                            " -c user.name=t -c user.email=t@example.org -c commit.gpgsign=false ";
    if (testing::run_shell(git.substr(0, git.find(" -c")) + " init -q").exit_code != 0) return;
    if (testing::run_shell(git + "add -A && " + git + "commit -q -m draft-2").exit_code != 0) return;
    fs::copy(src / "plan.xml", plan / "plan.xml", fs::copy_options::overwrite_existing);
    fs::copy(src / "commitments", plan / "commitments", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    ok = testing::run_shell(git + "add -A && " + git + "commit -q -m draft-3").exit_code == 0;
  }
};

TEST(DiffCommand, OneFolderAtTwoGitRevisions) {
  GitPlan g;
  ASSERT_TRUE(g.ok);
  const CommandResult both = run_renaksi("diff content/nap-2020-2022/history/draft-2 content/nap-2020-2022 --no-color");
  CommandResult r = run_renaksi("diff " + shell_quote(g.plan.string()) + " --from HEAD~1 --to HEAD");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, both.out);
  // --to left out: the folder as it is (here the same as HEAD).
  r = run_renaksi("diff " + shell_quote(g.plan.string()) + " --from HEAD~1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, both.out);
  r = run_renaksi("diff " + shell_quote(g.plan.string()) + " --from no-such-revision");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "no revision 'no-such-revision'")) << r.err;
  // Without git on the PATH.
  r = testing::run_shell("PATH=/nonexistent " + shell_quote(testing::binary()) + " diff " + shell_quote(g.plan.string()) +
                         " --from HEAD~1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "git cannot be run")) << r.err;
  // A folder outside any repository.
  r = run_renaksi("diff " + shell_quote(g.dir.path().string()) + " --from HEAD");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "is not in a git repository")) << r.err;
}

}  // namespace
}  // namespace renaksi
