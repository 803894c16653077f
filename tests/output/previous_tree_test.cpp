// A staging folder that begins as the previous build: unchanged cached files stay (the same
// inode), everything else the build writes replaces what was there, and what it did not write is
// removed before publishing; a link in the old tree is removed, never followed.
#include "output/previous_tree.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "env/folder_tree.h"
#include "output/outputs.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

ino_t inode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
  return st.st_ino;
}

// Every entry under `root`: path -> "d", "l" or the file's bytes.
std::map<std::string, std::string> tree_of(const fs::path& root) {
  std::map<std::string, std::string> seen;
  EXPECT_TRUE(walk_folder_tree(root, 10000, [&](const std::string& path, const struct stat& st) {
    seen[path] = S_ISDIR(st.st_mode) ? "d" : S_ISLNK(st.st_mode) ? "l" : testing::file_bytes(root / path);
  }));
  return seen;
}

TEST(PreviousTree, UnchangedFilesStayChangedOnesAreReplacedAndTheRestIsRemoved) {
  testing::TempDir dir("previous-tree");
  const fs::path cache = dir.path() / "cache", stage = dir.path() / "stage", outside = dir.path() / "outside";
  // The cache's files, and the previous build: links to them, its own pages, a plan gone since.
  testing::write_file(cache / "a.pdf", "plan a");
  testing::write_file(cache / "b.pdf", "plan b, old");
  testing::write_file(cache / "b2.pdf", "plan b, new");
  testing::write_file(outside / "secret.txt", "not renaksi's");
  fs::create_directories(stage / "a");
  fs::create_directories(stage / "b");
  fs::create_hard_link(cache / "a.pdf", stage / "a/a.pdf");
  fs::create_hard_link(cache / "b.pdf", stage / "b/b.pdf");
  testing::write_file(stage / "site/en/a/index.html", "old page of a");
  testing::write_file(stage / "site/en/gone/1/index.html", "a plan no longer there");
  testing::write_file(stage / "site/en/gone/2/index.html", "a plan no longer there");
  testing::write_file(stage / ".renaksi-output", "marker");
  testing::write_file(stage / "was-a-file/x", "a file where a folder goes now");
  fs::create_directories(stage / "was-a-folder/deep");
  testing::write_file(stage / "was-a-folder/deep/y", "a folder where a file goes now");
  fs::create_directory_symlink(outside, stage / "site/link-out");
  const ino_t a_inode = inode_of(stage / "a/a.pdf");

  const auto previous = PreviousTree::read(stage, 1000);
  ASSERT_TRUE(previous);
  EXPECT_EQ(previous->files(), 9u);  // 8 files (the marker one of them) and the link
  Outputs out(stage, previous);
  std::string why;
  // Plan a unchanged: the same cache file, kept in place (not linked again).
  ASSERT_TRUE(out.add_file("a/a.pdf", cache / "a.pdf", why)) << why;
  EXPECT_EQ(inode_of(stage / "a/a.pdf"), a_inode);
  // Plan b changed: another cache file at the same path replaces the old one.
  ASSERT_TRUE(out.add_file("b/b.pdf", cache / "b2.pdf", why)) << why;
  EXPECT_EQ(inode_of(stage / "b/b.pdf"), inode_of(cache / "b2.pdf"));
  EXPECT_EQ(testing::file_bytes(cache / "b.pdf"), "plan b, old");  // the old cache file untouched
  // A page written again, a new plan's page in an existing folder, a file where a folder was, a
  // folder where a file was.
  out.add("site/en/a/index.html", "new page of a");
  out.add("site/en/new/index.html", "a new plan");
  out.add("was-a-folder", "now a file");
  out.add("was-a-file/x/z", "now in a folder");
  EXPECT_TRUE(out.write_errors().empty()) << out.write_errors().front();

  std::error_code ec;
  EXPECT_GT(previous->remove_untaken(stage, ec), 0u);
  EXPECT_FALSE(ec) << ec.message();
  const std::map<std::string, std::string> expected{
      {"a", "d"},
      {"a/a.pdf", "plan a"},
      {"b", "d"},
      {"b/b.pdf", "plan b, new"},
      {"site", "d"},
      {"site/en", "d"},
      {"site/en/a", "d"},
      {"site/en/a/index.html", "new page of a"},
      {"site/en/new", "d"},
      {"site/en/new/index.html", "a new plan"},
      {"was-a-file", "d"},
      {"was-a-file/x", "d"},
      {"was-a-file/x/z", "now in a folder"},
      {"was-a-folder", "now a file"},
  };
  EXPECT_EQ(tree_of(stage), expected);
  // The link went; what it pointed at did not.
  EXPECT_EQ(testing::file_bytes(outside / "secret.txt"), "not renaksi's");
}

TEST(PreviousTree, OutputsOnSeveralThreadsShareOneTreeAndKeepEveryFolderTheyUse) {
  testing::TempDir dir("previous-tree-threads");
  const fs::path cache = dir.path() / "cache", stage = dir.path() / "stage";
  constexpr int kPlans = 16;
  for (int i = 0; i < kPlans; ++i) {
    const std::string n = std::to_string(i);
    testing::write_file(cache / (n + ".pdf"), "plan " + n);
    fs::create_directories(stage / "site/en" / n);
    fs::create_hard_link(cache / (n + ".pdf"), stage / "site/en" / n / "plan.pdf");
  }
  const auto previous = PreviousTree::read(stage, 1000);
  ASSERT_TRUE(previous);
  // Each plan's outputs on a thread of its own; the even plans kept, the odd ones written anew
  // in a folder below their old one.
  std::vector<Outputs> outs;
  for (int i = 0; i < kPlans; ++i) outs.emplace_back(stage, previous);
  std::vector<std::thread> threads;
  for (int i = 0; i < kPlans; ++i)
    threads.emplace_back([&, i] {
      const std::string n = std::to_string(i);
      std::string why;
      if (i % 2 == 0) EXPECT_TRUE(outs[static_cast<size_t>(i)].add_file("site/en/" + n + "/plan.pdf", cache / (n + ".pdf"), why));
      else outs[static_cast<size_t>(i)].add("site/en/" + n + "/v2/plan.pdf", "plan " + n + " again");
    });
  for (auto& t : threads) t.join();
  std::error_code ec;
  previous->remove_untaken(stage, ec);
  EXPECT_FALSE(ec);
  for (int i = 0; i < kPlans; ++i) {
    const std::string n = std::to_string(i);
    EXPECT_TRUE(outs[static_cast<size_t>(i)].write_errors().empty());
    if (i % 2 == 0) {
      EXPECT_EQ(testing::file_bytes(stage / "site/en" / n / "plan.pdf"), "plan " + n);
    } else {
      EXPECT_FALSE(fs::exists(stage / "site/en" / n / "plan.pdf")) << n;
      EXPECT_EQ(testing::file_bytes(stage / "site/en" / n / "v2/plan.pdf"), "plan " + n + " again");
    }
  }
}

TEST(PreviousTree, ATreeThatCannotBeReadWholeIsNotReused) {
  testing::TempDir dir("previous-tree-bound");
  testing::write_file(dir.path() / "stage/a/b/c.txt", "x");
  EXPECT_FALSE(PreviousTree::read(dir.path() / "stage", 2));  // 3 entries over a bound of 2
  EXPECT_FALSE(PreviousTree::read(dir.path() / "missing", 100));
  EXPECT_TRUE(PreviousTree::read(dir.path() / "stage", 3));
}

}  // namespace
}  // namespace renaksi
