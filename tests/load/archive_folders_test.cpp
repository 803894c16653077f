// Finding the plan folders of a content folder, and one id per plan in an archive.
#include <gtest/gtest.h>

#include "driver/pipeline.h"
#include "env/limits.h"
#include "load/hostile_test.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::located_codes;
using testing::printed;
using testing::TempDir;

void copy_base(const fs::path& to) { fs::copy(testing::fixtures_dir() / "check" / "base", to, fs::copy_options::recursive); }

TEST(ArchiveFolders, TwoPlansWithOneIdAreB001AtTheSecondNamingTheFirst) {
  TempDir dir("archive-dup");
  copy_base(dir.path() / "a");
  copy_base(dir.path() / "b");
  const auto [line, col] = testing::line_col_of(testing::read_text(dir.path() / "b/plan.xml"), "id=\"fixture-plan\"");
  const std::string where = std::to_string(line) + ":" + std::to_string(col);
  Env env = Env::from_environment();
  env.cache_dir = dir.path() / "cache";
  // The whole build: it must stop before any output is made.
  ArchiveBuild a = testing::bounded([&] { return build_archive(dir.path(), env); });
  ASSERT_EQ(a.plans.size(), 2u);
  EXPECT_TRUE(a.plans[0]->diags.all().empty()) << printed(a.plans[0]->diags);
  EXPECT_EQ(located_codes(a.plans[1]->diags, dir.path()), (std::set<std::string>{"b/plan.xml:" + where + " B001"}))
      << printed(a.plans[1]->diags);
  ASSERT_EQ(a.plans[1]->diags.all().size(), 1u);
  EXPECT_EQ(a.plans[1]->diags.all().front().message,
            "the plan id 'fixture-plan' is already the id of the plan at " + (dir.path() / "a/plan.xml").generic_string() +
                ":" + where + "; each plan of an archive needs its own id, which names its files and pages");
  EXPECT_EQ(a.error_count(), 1u);
  EXPECT_EQ(a.outputs.size(), 0u);
  for (const auto& p : a.plans) EXPECT_EQ(p->outputs.size(), 0u);
}

TEST(ArchiveFolders, ALoopOrABrokenLinkAmongThePlanFoldersIsL001) {
  TempDir dir("archive-loop");
  copy_base(dir.path() / "a");
  fs::create_symlink("loop", dir.path() / "loop");
  fs::create_symlink("gone", dir.path() / "gone");
  testing::write_text(dir.path() / "README", "not a plan");
  fs::create_directory(dir.path() / "notes");
  Diagnostics diags;
  auto folders = plan_folders(dir.path(), diags);
  EXPECT_EQ(folders, (std::vector<fs::path>{dir.path() / "a"}));
  EXPECT_EQ(located_codes(diags, dir.path()), (std::set<std::string>{"gone:0:0 L001", "loop:0:0 L001"})) << printed(diags);
  for (const auto& d : diags.all()) EXPECT_EQ(d.severity, Severity::Error);
}

TEST(ArchiveFolders, APlanFolderWhosePlanXmlIsBrokenIsStillAPlanFolder) {
  TempDir dir("archive-broken-plan");
  copy_base(dir.path() / "a");
  fs::remove(dir.path() / "a/plan.xml");
  fs::create_symlink("nowhere", dir.path() / "a/plan.xml");
  Diagnostics diags;
  EXPECT_EQ(plan_folders(dir.path(), diags), (std::vector<fs::path>{dir.path() / "a"}));
  EXPECT_TRUE(diags.all().empty());
}

TEST(ArchiveFolders, AContentFolderWithMoreEntriesThanTheBoundIsL006) {
  TempDir dir("archive-many");
  for (size_t i = 0; i <= limits::kMaxFilesPerFolder; ++i) std::ofstream(dir.path() / ("f" + std::to_string(i)));
  Diagnostics diags;
  EXPECT_TRUE(plan_folders(dir.path(), diags).empty());
  EXPECT_EQ(located_codes(diags, dir.path()), (std::set<std::string>{".:0:0 L006"})) << printed(diags);
}

TEST(ArchiveFolders, AContentFolderThatIsALoopIsL001) {
  TempDir dir("archive-root-loop");
  fs::create_symlink("root", dir.path() / "root");
  Env env = Env::from_environment();
  ArchiveBuild a = build_archive(dir.path() / "root", env, {.stop_after = "check"});
  ASSERT_EQ(a.diags.all().size(), 1u) << printed(a.diags);
  EXPECT_EQ(a.diags.all().front().code, Code::L001);
  EXPECT_EQ(a.diags.all().front().message, "the content folder is a loop of symbolic links");
}

}  // namespace
}  // namespace renaksi
