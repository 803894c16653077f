// diff/history: the recorded previous draft under history/draft-N/, and R001–R003.
#include <gtest/gtest.h>

#include "diff/history.h"
#include "support/paths.h"

namespace renaksi::diff {
namespace {

namespace fs = std::filesystem;

std::string codes(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.all()) out += std::string(code_id(x.code)) + " ";
  return out;
}

struct Copy {
  testing::TempDir dir{"diff-history"};
  fs::path plan = dir.path() / "nap-2020-2022";
  Copy() { fs::copy(testing::content_dir() / "nap-2020-2022", plan, fs::copy_options::recursive); }
  Plan loaded() {
    Diagnostics d;
    return load_plan(plan, d).plan;
  }
};

TEST(History, TheRealPlanRecordsDraft2) {
  Diagnostics d;
  const fs::path folder = testing::content_dir() / "nap-2020-2022";
  const LoadResult now = load_plan(folder, d);
  const auto previous = load_recorded_draft(folder, now.plan, d);
  ASSERT_TRUE(previous);
  EXPECT_EQ(previous->plan.stage, Stage::Draft2);
  EXPECT_EQ(previous->plan.id, "nap-2020-2022");
  EXPECT_EQ(codes(d), "");
}

TEST(History, APlanWithoutHistoryRecordsNothing) {
  Diagnostics d;
  const fs::path folder = testing::content_dir() / "nap-2018-2020";
  const LoadResult now = load_plan(folder, d);
  EXPECT_FALSE(load_recorded_draft(folder, now.plan, d));
  EXPECT_EQ(codes(d), "");
}

TEST(History, AnEntryThatIsNotADraftIsR001) {
  Copy c;
  fs::create_directories(c.plan / "history" / "old-stuff");
  Diagnostics d;
  EXPECT_TRUE(load_recorded_draft(c.plan, c.loaded(), d));  // draft-2 is still found
  EXPECT_EQ(codes(d), "R001 ");
}

TEST(History, ADraftNotEarlierThanThePlanIsR003) {
  Copy c;
  fs::create_directories(c.plan / "history" / "draft-3");
  Diagnostics d;
  EXPECT_TRUE(load_recorded_draft(c.plan, c.loaded(), d));
  EXPECT_EQ(codes(d), "R003 ");
}

TEST(History, ASnapshotOfAnotherStageIsR002) {
  Copy c;
  testing::replace_once(c.plan / "history" / "draft-2" / "plan.xml", "stage=\"draft-2\">", "stage=\"draft-1\">");
  Diagnostics d;
  EXPECT_FALSE(load_recorded_draft(c.plan, c.loaded(), d));
  EXPECT_EQ(codes(d), "R002 ");
}

TEST(History, ABrokenSnapshotIsReportedAtItsFile) {
  Copy c;
  testing::replace_once(c.plan / "history" / "draft-2" / "plan.xml", "<title>", "<title><oops/>");
  Diagnostics d;
  EXPECT_FALSE(load_recorded_draft(c.plan, c.loaded(), d));
  ASSERT_FALSE(d.all().empty());
  EXPECT_NE(d.all().front().loc.file.find("history/draft-2/plan.xml"), std::string::npos);
}

}  // namespace
}  // namespace renaksi::diff
