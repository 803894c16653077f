// What `renaksi serve --watch` sees change, and when it builds again.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "serve/watch.h"
#include "support/paths.h"

namespace renaksi::serve {
namespace {

namespace fs = std::filesystem;

struct Tree {
  testing::TempDir dir{"serve-watch"};
  fs::path plan = dir.path() / "plan";
  Tree() {
    fs::create_directories(plan / "commitments");
    std::ofstream(plan / "plan.xml") << "<plan/>";
    std::ofstream(plan / "commitments" / "01.xml") << "<commitment/>";
  }
  TreeState look_now() const { return look({plan}); }
};

TEST(ServeWatch, TheSameTreeLooksTheSame) {
  Tree t;
  const TreeState a = t.look_now();
  EXPECT_EQ(a.entries.size(), 4u);  // plan/, commitments/, 01.xml, plan.xml
  EXPECT_FALSE(a.truncated);
  EXPECT_EQ(a, t.look_now());
}

TEST(ServeWatch, SeesAnEditANewFileAndARemovedOne) {
  Tree t;
  const TreeState before = t.look_now();
  std::ofstream(t.plan / "commitments" / "01.xml", std::ios::app) << "<!-- more -->";
  const TreeState edited = t.look_now();
  EXPECT_NE(before, edited);
  std::ofstream(t.plan / "commitments" / "02.xml") << "<commitment/>";
  const TreeState added = t.look_now();
  EXPECT_NE(edited, added);
  fs::remove(t.plan / "commitments" / "02.xml");
  EXPECT_EQ(edited, t.look_now());
}

TEST(ServeWatch, SeesATouchWithTheSameBytes) {
  Tree t;
  const TreeState before = t.look_now();
  fs::last_write_time(t.plan / "plan.xml", fs::last_write_time(t.plan / "plan.xml") + std::chrono::seconds(5));
  EXPECT_NE(before, t.look_now());
}

TEST(ServeWatch, EditorsFilesAreLeftOut) {
  Tree t;
  const TreeState before = t.look_now();
  std::ofstream(t.plan / "commitments" / ".01.xml.swp") << "x";
  std::ofstream(t.plan / "commitments" / "01.xml~") << "x";
  std::ofstream(t.plan / ".hidden") << "x";
  EXPECT_EQ(before, t.look_now());
}

TEST(ServeWatch, AMissingRootIsOneEntry) {
  testing::TempDir dir("serve-watch-missing");
  const TreeState a = look({dir.path() / "nothing"});
  ASSERT_EQ(a.entries.size(), 1u);
  std::ofstream(dir.path() / "nothing") << "now a file";
  EXPECT_NE(a, look({dir.path() / "nothing"}));
}

TEST(ServeWatch, ALoopOfLinksIsNotWalked) {
  Tree t;
  fs::create_directory_symlink(t.plan, t.plan / "commitments" / "loop");
  const TreeState a = t.look_now();
  EXPECT_FALSE(a.truncated);
  EXPECT_EQ(a.entries.size(), 5u);
}

TEST(ServeWatch, TheBuildsOwnFoldersAreNotEntered) {
  Tree t;
  fs::create_directories(t.plan / "dist" / "site");
  const TreeState before = look({t.plan}, {t.plan / "dist"});
  std::ofstream(t.plan / "dist" / "site" / "index.html") << "new";
  EXPECT_EQ(before, look({t.plan}, {t.plan / "dist"}));
  EXPECT_NE(before, look({t.plan}));
}

TEST(ServeWatch, ARebuildIsDueOnceTheTreeHasSettled) {
  Tree t;
  ChangeWatch watch(t.look_now());
  EXPECT_FALSE(watch.due(t.look_now()));  // nothing changed
  std::ofstream(t.plan / "plan.xml", std::ios::app) << " ";
  EXPECT_FALSE(watch.due(t.look_now()));  // changed: wait one look for it to settle
  EXPECT_TRUE(watch.due(t.look_now()));   // settled: build
  EXPECT_FALSE(watch.due(t.look_now()));  // built
  // A change that goes on is built once it stops.
  std::ofstream(t.plan / "plan.xml", std::ios::app) << " ";
  EXPECT_FALSE(watch.due(t.look_now()));
  std::ofstream(t.plan / "plan.xml", std::ios::app) << " ";
  EXPECT_FALSE(watch.due(t.look_now()));
  EXPECT_TRUE(watch.due(t.look_now()));
}

}  // namespace
}  // namespace renaksi::serve
