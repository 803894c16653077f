// The per-plan cache: a stored plan comes back whole (files linked, warnings, site summary);
// any change to the plan's files changes its key; an entry whose file was edited, or a torn
// entry, is a miss; pruning keeps what this build used and removes only renaksi's entries.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "output/plan_cache.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

class PlanCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<testing::TempDir>("plan-cache");
    plan_ = dir_->path() / "content" / "nap";
    fs::create_directories(plan_ / "commitments");
    std::ofstream(plan_ / "plan.xml") << "<plan/>";
    std::ofstream(plan_ / "commitments" / "01.xml") << "<commitment/>";
    cache_ = dir_->path() / "cache";
    stage_ = dir_->path() / "stage";
    fs::create_directories(stage_);
  }

  // A build of the plan into a staging folder of its own, stored under `key`; that folder.
  fs::path store(const std::string& key) {
    const fs::path stage = stage_ / std::to_string(++builds_);
    fs::create_directories(stage);
    Outputs out(stage);
    out.add(Artifact{ArtifactKind::Pdf, "nap", "en"}, "%PDF en");
    out.add(Artifact{ArtifactKind::OgpSubmission, "nap", ""}, "<submission/>");
    out.add("site/nap/index.html", "<p>plan</p>");
    CachedPlan plan{"nap", {"content/nap/plan.xml", 2, 7}, {}, nlohmann::json{{"title", "Rencana"}}};
    plan.diags.push_back({Severity::Warning, Code::L001, {"content/nap/plan.xml", 3, 1}, "a warning"});
    EXPECT_EQ(store_plan(cache_, key, plan, out, out.paths()), "");
    return stage;
  }

  std::unique_ptr<testing::TempDir> dir_;
  fs::path plan_, cache_, stage_;
  int builds_ = 0;
};

TEST_F(PlanCache, TheKeyChangesWithAnyFileOfThePlanAndWithTheBuild) {
  const auto k1 = plan_cache_key("build-1", plan_);
  ASSERT_TRUE(k1);
  EXPECT_EQ(plan_cache_key("build-1", plan_), k1);
  EXPECT_NE(plan_cache_key("build-2", plan_), k1);
  std::ofstream(plan_ / "commitments" / "01.xml", std::ios::app) << " ";
  EXPECT_NE(plan_cache_key("build-1", plan_), k1);
  const auto k2 = plan_cache_key("build-1", plan_);
  std::ofstream(plan_ / "commitments" / "02.xml") << "";
  EXPECT_NE(plan_cache_key("build-1", plan_), k2);  // a new file, even empty
}

// What a key was made from tells, without reading the files again, whether they are still
// those: any file edited (even to the same size), added or removed changes the stamp; a plan
// whose files changed just before they were read is racy (its key is computed again instead).
TEST_F(PlanCache, TheInputsStampChangesWithAnyFileAndAFreshlyChangedPlanIsRacy) {
  PlanInputs fresh;
  const auto key = plan_cache_key("build-1", plan_, fresh);
  ASSERT_TRUE(key);
  EXPECT_EQ(key, plan_cache_key("build-1", plan_));  // the same key as without the stamp
  EXPECT_TRUE(fresh.racy);                           // the fixture's files were written just now
  EXPECT_EQ(plan_inputs_stamp(plan_), fresh.stamp);

  // As if they had been written a second ago. The file system's clock ticks coarsely (at most
  // 10 ms here): an edit in the same tick as the last write could leave the same stamp, which
  // is what `racy` is for; these edits wait past a tick.
  const auto past_a_tick = [] { std::this_thread::sleep_for(std::chrono::milliseconds(50)); };
  past_a_tick();
  PlanInputs settled;
  ASSERT_EQ(plan_cache_key("build-1", plan_, settled, std::chrono::nanoseconds(0)), key);
  EXPECT_FALSE(settled.racy);
  EXPECT_EQ(settled.stamp, fresh.stamp);
  EXPECT_EQ(plan_inputs_stamp(plan_), settled.stamp);

  const fs::path file = plan_ / "commitments" / "01.xml";
  const std::string before = testing::file_bytes(file);
  std::string same_size = before;
  same_size[same_size.size() / 2] = same_size[same_size.size() / 2] == 'x' ? 'y' : 'x';
  std::ofstream(file, std::ios::binary | std::ios::trunc) << same_size;
  EXPECT_NE(plan_inputs_stamp(plan_), settled.stamp) << "edited, same size";
  past_a_tick();
  std::ofstream(file, std::ios::binary | std::ios::trunc) << before;
  EXPECT_NE(plan_inputs_stamp(plan_), settled.stamp) << "edited back to the same bytes: still a write";

  PlanInputs now;
  ASSERT_TRUE(plan_cache_key("build-1", plan_, now, std::chrono::nanoseconds(0)));
  std::ofstream(plan_ / "commitments" / "02.xml") << "";
  EXPECT_NE(plan_inputs_stamp(plan_), now.stamp) << "a file added";
  fs::remove(plan_ / "commitments" / "02.xml");
  EXPECT_EQ(plan_inputs_stamp(plan_), now.stamp);
  fs::rename(file, plan_ / "commitments" / "03.xml");
  EXPECT_NE(plan_inputs_stamp(plan_), now.stamp) << "a file renamed";
  fs::remove_all(plan_ / "commitments");
  EXPECT_NE(plan_inputs_stamp(plan_), now.stamp) << "files removed";
  EXPECT_FALSE(plan_inputs_stamp(dir_->path() / "no-such-plan"));
}

TEST_F(PlanCache, AStoredPlanComesBackWholeAsLinksIntoTheNewStagingFolder) {
  const std::string key = *plan_cache_key("b", plan_);
  store(key);
  const fs::path next = dir_->path() / "next";
  fs::create_directories(next);
  Outputs out(next);
  auto hit = restore_plan(cache_, key, out);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->plan_id, "nap");
  EXPECT_EQ(hit->plan_id_loc.str(), "content/nap/plan.xml:2:7");
  ASSERT_EQ(hit->diags.size(), 1u);
  EXPECT_EQ(hit->diags[0].str(), "content/nap/plan.xml:3:1: warning[L001]: a warning");
  EXPECT_EQ(hit->site["title"], "Rencana");
  EXPECT_EQ(testing::file_bytes(next / "nap/nap.en.pdf"), "%PDF en");
  EXPECT_EQ(testing::file_bytes(next / "site/nap/index.html"), "<p>plan</p>");
  ASSERT_EQ(out.artifacts().size(), 2u);
  EXPECT_EQ(out.artifacts()[1].kind, ArtifactKind::OgpSubmission);
  EXPECT_EQ(out.size(), 3u);
}

TEST_F(PlanCache, AnEditedOrMissingFileOrATornManifestIsAMiss) {
  const std::string key = *plan_cache_key("b", plan_);
  const fs::path published = store(key);
  {
    Outputs out;
    EXPECT_FALSE(restore_plan(cache_, "0123456789abcdef0123456789abcdef", out));  // no entry
  }
  // Someone edits a published file in place: it is the cache's file too.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::ofstream(published / "site/nap/index.html", std::ios::app) << "<script>";
  {
    const fs::path next = dir_->path() / "next";
    fs::create_directories(next);
    Outputs out(next);
    EXPECT_FALSE(restore_plan(cache_, key, out));
    EXPECT_EQ(out.size(), 0u);  // nothing added by a miss
  }
  store(key);  // rebuilt, stored again: a hit
  {
    Outputs out;
    EXPECT_TRUE(restore_plan(cache_, key, out));
  }
  std::ofstream(plan_cache_folder(cache_, key) / "manifest", std::ios::app) << "x";  // torn
  Outputs out;
  EXPECT_FALSE(restore_plan(cache_, key, out));
}

TEST_F(PlanCache, PruningKeepsWhatThisBuildUsedAndRemovesOnlyOldEntriesOfItsOwn) {
  const std::string old_key = "00000000000000000000000000000001", used_key = "00000000000000000000000000000002";
  const fs::path published = store(old_key);
  store(used_key);
  // The old entry was last used long ago.
  fs::last_write_time(plan_cache_folder(cache_, old_key) / "manifest",
                      fs::file_time_type::clock::now() - std::chrono::hours(24 * 30));
  const auto build_started = fs::file_time_type::clock::now() - std::chrono::seconds(1);
  // Not renaksi's: a folder with a key's name but no manifest, and a file.
  fs::create_directories(cache_ / "plan" / "00000000000000000000000000000003");
  std::ofstream(cache_ / "plan" / "notes.txt") << "mine";
  const PlanCachePrune r = prune_plan_cache(cache_, build_started, std::chrono::hours(24 * 14), 1u << 30);
  EXPECT_EQ(r.removed, 1u);
  EXPECT_EQ(r.kept, 1u);
  EXPECT_FALSE(fs::exists(plan_cache_folder(cache_, old_key)));
  EXPECT_TRUE(fs::exists(plan_cache_folder(cache_, used_key)));
  EXPECT_TRUE(fs::exists(cache_ / "plan" / "00000000000000000000000000000003"));
  EXPECT_TRUE(fs::exists(cache_ / "plan" / "notes.txt"));
  // The published files, links to the removed entry's, are untouched.
  EXPECT_EQ(testing::file_bytes(published / "nap/nap.en.pdf"), "%PDF en");
  // Over the size cap, entries this build did not use go, least recently used first; those
  // it used stay whatever their size.
  const PlanCachePrune capped = prune_plan_cache(cache_, fs::file_time_type::clock::now() + std::chrono::hours(1),
                                                 std::chrono::hours(24 * 14), 1);
  EXPECT_EQ(capped.removed, 1u);
}

}  // namespace
}  // namespace renaksi
