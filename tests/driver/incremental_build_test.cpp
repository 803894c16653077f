// A build that publishes: its files go into the staging folder as they are made; a second
// build of unchanged plans takes them whole from the per-plan cache, byte for byte; a changed
// plan is built again and the others are not; a failed build leaves the output as it was.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "driver/pipeline.h"
#include "env/cache_prune.h"
#include "env/content_hash.h"
#include "env/limits.h"
#include "publish/output_folder.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

// Every file under `dir`, by relative path.
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = testing::file_bytes(e.path());
  return out;
}

class IncrementalBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<testing::TempDir>("incremental");
    content_ = dir_->path() / "content";
    fs::create_directories(content_);
    // Two plans: the check fixtures' base plan twice, under two ids.
    const fs::path base = testing::copy_base_plan(*dir_);
    for (const char* id : {"nap-one", "nap-two"}) {
      fs::copy(base, content_ / id, fs::copy_options::recursive);
      std::string plan = testing::file_bytes(content_ / id / "plan.xml");
      const size_t at = plan.find("id=\"");
      plan.replace(at + 4, plan.find('"', at + 4) - at - 4, id);
      std::ofstream(content_ / id / "plan.xml", std::ios::binary | std::ios::trunc) << plan;
    }
    env_ = Env::from_environment();
    env_.cache_dir = dir_->path() / "cache";
    env_.data_dir = testing::source_dir();
    env_.source_date_epoch = 1543536000;
    out_ = dir_->path() / "dist";
  }

  ArchiveBuild build() {
    Diagnostics diags;
    std::optional<OutputFolder> folder = OutputFolder::claim(out_, {content_, env_.cache_dir}, diags);
    EXPECT_TRUE(folder.has_value());
    return build_archive(content_, env_, {.stop_after = {}, .out_folder = &*folder});
  }

  std::unique_ptr<testing::TempDir> dir_;
  fs::path content_, out_;
  Env env_;
};

TEST_F(IncrementalBuild, UnchangedPlansComeFromTheCacheByteForByteAndAChangedOneIsBuiltAgain) {
  ArchiveBuild first = build();
  ASSERT_EQ(first.error_count(), 0u);
  ASSERT_TRUE(first.published);
  EXPECT_EQ(first.plans_from_cache, 0u);
  EXPECT_EQ(first.prose_stats.pandoc_runs, 1);
  // Streamed: nothing of the plans' files was held in memory at the end.
  EXPECT_TRUE(first.outputs.files().empty());
  const auto published = files_of(out_);
  ASSERT_TRUE(published.count("nap-one/nap-one.en.pdf"));
  ASSERT_TRUE(published.count("site/index.html"));

  ArchiveBuild warm = build();
  ASSERT_EQ(warm.error_count(), 0u);
  EXPECT_EQ(warm.plans_from_cache, 2u);
  EXPECT_EQ(warm.prose_stats.fragments, 0);
  const auto again = files_of(out_);
  EXPECT_EQ(again.size(), published.size());
  EXPECT_TRUE(again == published);

  // One plan's commitment changes: that plan alone is built again.
  const fs::path commitment = content_ / "nap-two" / "commitments" / "01.xml";
  std::string xml = testing::file_bytes(commitment);
  const size_t title = xml.find("</text>");
  ASSERT_NE(title, std::string::npos);
  xml.insert(title, " (revised)");
  std::ofstream(commitment, std::ios::binary | std::ios::trunc) << xml;
  ArchiveBuild changed = build();
  ASSERT_EQ(changed.error_count(), 0u);
  EXPECT_EQ(changed.plans_from_cache, 1u);
  const auto after = files_of(out_);
  EXPECT_EQ(after.at("nap-one/nap-one.en.pdf"), published.at("nap-one/nap-one.en.pdf"));
  EXPECT_NE(after.at("nap-two/nap-two.id.pdf"), published.at("nap-two/nap-two.id.pdf"));
}

// Pruning lists every cache entry, so a build prunes only when the last prune is an hour old;
// in between it reports the size that prune counted.
TEST_F(IncrementalBuild, TheCacheIsPrunedAtMostOnceAnIntervalAndItsSizeAlwaysReported) {
  ArchiveBuild first = build();
  ASSERT_TRUE(first.published);
  EXPECT_FALSE(first.cache.counted_earlier);
  EXPECT_GT(first.cache.entries, 0u);
  const fs::path record = env_.cache_dir / "last-prune";
  ASSERT_TRUE(fs::is_regular_file(record));
  // An entry no build has used for a year.
  const fs::path stale = env_.cache_dir / "prose" / "0123456789abcdef0123456789abcdef.json";
  ASSERT_EQ(write_cache_entry(stale, "{}"), "");
  const auto year_ago = fs::file_time_type::clock::now() - std::chrono::hours(24 * 365);
  fs::last_write_time(stale, year_ago);

  ArchiveBuild warm = build();
  ASSERT_TRUE(warm.published);
  ASSERT_TRUE(warm.cache.counted_earlier);  // not pruned: the size the first build counted
  EXPECT_EQ(warm.cache.entries, first.cache.entries);
  EXPECT_EQ(warm.cache.bytes, first.cache.bytes);
  EXPECT_TRUE(fs::exists(stale));

  fs::last_write_time(record, fs::file_time_type::clock::now() - kCachePruneInterval - std::chrono::minutes(1));
  ArchiveBuild later = build();
  ASSERT_TRUE(later.published);
  EXPECT_FALSE(later.cache.counted_earlier);
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_EQ(later.cache.removed, 1u);
  EXPECT_EQ(later.cache.entries, first.cache.entries);
  EXPECT_GT(fs::last_write_time(record), fs::file_time_type::clock::now() - std::chrono::minutes(1));
}

TEST_F(IncrementalBuild, AFailedBuildLeavesTheOutputAndTheCacheAsTheyWere) {
  ASSERT_TRUE(build().published);
  const auto published = files_of(out_);
  std::ofstream(content_ / "nap-two" / "commitments" / "01.xml", std::ios::binary | std::ios::trunc) << "<broken";
  ArchiveBuild broken = build();
  EXPECT_GT(broken.error_count(), 0u);
  EXPECT_FALSE(broken.published);
  EXPECT_TRUE(files_of(out_) == published);
  // No staging folder is left behind.
  size_t staging = 0;
  for (const auto& e : fs::directory_iterator(dir_->path() / ".dist.renaksi"))
    if (e.path().filename().string().starts_with("staging")) ++staging;
  EXPECT_EQ(staging, 0u);
}

// An archive larger than one batch: each batch's prose is parsed (one Pandoc run each) while the
// batch before is laid out. The plans are padded past half a batch each with an XML comment
// (input bytes, not content), so each is a batch of its own. Two builds from nothing publish the
// same bytes; a broken plan in a batch read ahead is reported and nothing is published.
TEST_F(IncrementalBuild, AnArchiveOfSeveralBatchesReadsTheNextAheadAndPublishesTheSame) {
  fs::copy(content_ / "nap-two", content_ / "nap-three", fs::copy_options::recursive);
  for (const char* id : {"nap-one", "nap-two", "nap-three"}) {
    std::string plan = testing::file_bytes(content_ / id / "plan.xml");
    const size_t at = plan.find("id=\"");
    plan.replace(at + 4, plan.find('"', at + 4) - at - 4, id);
    plan += "<!-- " + std::string(limits::kBatchInputBytes / 2, 'x') + " -->\n";
    std::ofstream(content_ / id / "plan.xml", std::ios::binary | std::ios::trunc) << plan;
    // Prose of its own (the problem statement is Markdown), so no batch finds it in the cache.
    const fs::path commitment = content_ / id / "commitments" / "01.xml";
    std::string xml = testing::file_bytes(commitment);
    const size_t problem = xml.find("The problem.");
    ASSERT_NE(problem, std::string::npos);
    xml.replace(problem, 12, std::string("The problem of ") + id + ".");
    std::ofstream(commitment, std::ios::binary | std::ios::trunc) << xml;
  }
  ArchiveBuild first = build();
  ASSERT_EQ(first.error_count(), 0u);
  ASSERT_TRUE(first.published);
  EXPECT_EQ(first.prose_stats.pandoc_runs, 3);  // a batch each
  const auto published = files_of(out_);
  for (const char* id : {"nap-one", "nap-two", "nap-three"})
    EXPECT_TRUE(published.count(std::string(id) + "/" + id + ".bilingual.pdf")) << id;
  EXPECT_TRUE(published.count("site/en/nap-three/index.html"));

  fs::remove_all(env_.cache_dir);
  fs::remove_all(out_);
  ArchiveBuild again = build();
  ASSERT_EQ(again.error_count(), 0u);
  EXPECT_EQ(again.prose_stats.pandoc_runs, 3);
  EXPECT_TRUE(files_of(out_) == published);

  // The third plan broken: found while the second is built, reported at its file; nothing published.
  std::ofstream(content_ / "nap-three" / "commitments" / "01.xml", std::ios::binary | std::ios::trunc) << "<broken";
  ArchiveBuild broken = build();
  EXPECT_FALSE(broken.published);
  ASSERT_EQ(broken.plans.size(), 3u);
  for (const auto& p : broken.plans) {
    const bool three = p->folder.filename() == "nap-three";
    EXPECT_EQ(p->diags.error_count() > 0, three) << p->folder;
    if (three && p->diags.error_count() > 0) {
      EXPECT_NE(p->diags.all().front().str().find("01.xml"), std::string::npos) << p->diags.all().front().str();
    }
  }
  EXPECT_TRUE(files_of(out_) == published);
}

}  // namespace
}  // namespace renaksi
