// A folder tree walked and removed by open folders: every entry once, its own type (a link is a
// link), bounded; a removal that never follows a link out of the tree.
#include "env/folder_tree.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

// What the walk saw: path -> 'd', 'f' with the size, or 'l' for a link.
std::map<std::string, std::string> walked(const fs::path& root, size_t max_entries, bool& ok, size_t threads = 1) {
  std::map<std::string, std::string> seen;
  ok = walk_folder_tree(root, max_entries, [&](const std::string& path, const struct stat& st) {
    EXPECT_EQ(seen.count(path), 0u) << path << " visited twice";
    if (S_ISDIR(st.st_mode)) seen[path] = "d";
    else if (S_ISLNK(st.st_mode)) seen[path] = "l";
    else if (S_ISREG(st.st_mode)) seen[path] = "f" + std::to_string(st.st_size);
    else seen[path] = "?";
  }, threads);
  return seen;
}

// On one thread and on several (the folders below the third level handed out): the same.
TEST(FolderTree, TheWalkSeesEveryEntryOnceByItsOwnTypeAndNeverFollowsALink) {
  testing::TempDir dir("folder-tree-walk");
  const fs::path root = dir.path() / "out", outside = dir.path() / "outside";
  testing::write_file(root / "site/en/nap/1-open-data/index.html", "12345");
  testing::write_file(root / "site/en/nap/2-budget/index.html", "1234");
  testing::write_file(root / "site/en/other/index.html", "12");
  testing::write_file(root / "site/index.html", "abc");
  testing::write_file(root / "top.txt", "");
  fs::create_directories(root / "empty");
  fs::create_directories(root / "site/id/nap/empty");
  testing::write_file(outside / "secret.txt", "not ours");
  fs::create_directory_symlink(outside, root / "site/link-to-outside");
  fs::create_directory_symlink(outside, root / "site/en/link-at-the-split");
  fs::create_directory_symlink(outside, root / "site/en/nap/1-open-data/link-below-it");
  fs::create_symlink(root / "top.txt", root / "link-to-file");
  const std::map<std::string, std::string> expected{
      {"empty", "d"},
      {"link-to-file", "l"},
      {"site", "d"},
      {"site/en", "d"},
      {"site/en/link-at-the-split", "l"},
      {"site/en/nap", "d"},
      {"site/en/nap/1-open-data", "d"},
      {"site/en/nap/1-open-data/index.html", "f5"},
      {"site/en/nap/1-open-data/link-below-it", "l"},
      {"site/en/nap/2-budget", "d"},
      {"site/en/nap/2-budget/index.html", "f4"},
      {"site/en/other", "d"},
      {"site/en/other/index.html", "f2"},
      {"site/id", "d"},
      {"site/id/nap", "d"},
      {"site/id/nap/empty", "d"},
      {"site/index.html", "f3"},
      {"site/link-to-outside", "l"},
      {"top.txt", "f0"}};

  for (const size_t threads : {1u, 2u, 8u}) {
    SCOPED_TRACE("threads: " + std::to_string(threads));
    bool ok = false;
    EXPECT_EQ(walked(root, 1000, ok, threads), expected);
    EXPECT_TRUE(ok);

    // Bounded: one entry fewer than the tree holds is a failed walk; exactly as many is not.
    walked(root, expected.size() - 1, ok, threads);
    EXPECT_FALSE(ok);
    walked(root, expected.size(), ok, threads);
    EXPECT_TRUE(ok);

    // A root that is not a folder, a link to one, or nothing: no walk.
    EXPECT_TRUE(walked(root / "top.txt", 10, ok, threads).empty());
    EXPECT_FALSE(ok);
    EXPECT_TRUE(walked(root / "site/link-to-outside", 10, ok, threads).empty());
    EXPECT_FALSE(ok);
    EXPECT_TRUE(walked(dir.path() / "none", 10, ok, threads).empty());
    EXPECT_FALSE(ok);
  }
}

TEST(FolderTree, ARemovalTakesTheTreeAndOnlyTheLinksOutOfIt) {
  testing::TempDir dir("folder-tree-remove");
  const fs::path root = dir.path() / "previous", outside = dir.path() / "outside";
  testing::write_file(root / "site/en/nap/1-open-data/index.html", "page");
  testing::write_file(root / "nap/nap.en.pdf", "pdf");
  fs::create_directories(root / "site/empty/deeper");
  testing::write_file(outside / "secret.txt", "not ours");
  fs::create_directory_symlink(outside, root / "site/link-to-outside");
  fs::create_symlink(outside / "secret.txt", root / "link-to-secret");

  std::error_code ec;
  remove_folder_tree(root, ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_FALSE(fs::exists(fs::symlink_status(root)));
  EXPECT_TRUE(fs::exists(outside / "secret.txt"));  // a link was removed, not what it points to

  // A root that is a link: the link goes, its folder stays. Nothing there: not an error.
  fs::create_directory_symlink(outside, dir.path() / "link-root");
  remove_folder_tree(dir.path() / "link-root", ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_FALSE(fs::exists(fs::symlink_status(dir.path() / "link-root")));
  EXPECT_TRUE(fs::exists(outside / "secret.txt"));
  remove_folder_tree(dir.path() / "nothing-here", ec);
  EXPECT_FALSE(ec) << ec.message();

  // A file as the root: removed.
  testing::write_file(dir.path() / "a-file", "x");
  remove_folder_tree(dir.path() / "a-file", ec);
  EXPECT_FALSE(ec);
  EXPECT_FALSE(fs::exists(dir.path() / "a-file"));
}

TEST(FolderTree, ATreeDeeperThanTheBoundIsNotWalkedButIsRemoved) {
  testing::TempDir dir("folder-tree-deep");
  const fs::path root = dir.path() / "deep";
  fs::path at = root;
  for (int i = 0; i < kMaxFolderTreeDepth + 5; ++i) at /= "d";
  testing::write_file(at / "leaf.txt", "leaf");

  bool ok = true;
  walked(root, 100000, ok);
  EXPECT_FALSE(ok);

  std::error_code ec;
  remove_folder_tree(root, ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_FALSE(fs::exists(root));
}

}  // namespace
}  // namespace renaksi
