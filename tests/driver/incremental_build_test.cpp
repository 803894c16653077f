// A build that publishes: its files go into the staging folder as they are made; a second
// build of unchanged plans takes them whole from the per-plan cache, byte for byte; a changed
// plan is built again and the others are not; a failed build leaves the output as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <thread>

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

  ArchiveBuild build(std::function<void(const Progress&)> progress = nullptr) {
    Diagnostics diags;
    std::optional<OutputFolder> folder = OutputFolder::claim(out_, {content_, env_.cache_dir}, diags);
    EXPECT_TRUE(folder.has_value());
    return build_archive(content_, env_, {.stop_after = {}, .out_folder = &*folder, .progress = std::move(progress)});
  }

  // A published file's modification time moved on, as an editor that saves it unchanged would.
  void touch_output() {
    const fs::path page = out_ / "site" / "index.html";
    fs::last_write_time(page, fs::last_write_time(page) + std::chrono::seconds(1));
  }

  // A commitment edited while the build runs (below), to `same_size` bytes or longer.
  void edited_while_building(bool same_size);

  std::unique_ptr<testing::TempDir> dir_;
  fs::path content_, out_;
  Env env_;
};

// Every entry under `dir` with its size and modification time: what "left as it was" means.
std::map<std::string, std::pair<uintmax_t, fs::file_time_type>> stat_tree(const fs::path& dir) {
  std::map<std::string, std::pair<uintmax_t, fs::file_time_type>> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    out[fs::relative(e.path(), dir).generic_string()] = {e.is_regular_file() ? e.file_size() : 0, e.last_write_time()};
  return out;
}

std::vector<std::string> lines_of(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(d.str());
  return out;
}

// A build whose inputs are those of the build that published the output, which is as that build
// left it: nothing is built, staged or written; the warnings that build found are reported
// again, word for word; the plans' cache entries are marked used, as a restore would.
TEST_F(IncrementalBuild, AnUnchangedArchiveFindsItsOutputUpToDateWritesNothingAndReportsTheSameWarnings) {
  // nap-two a draft without its English foreword: a warning (C012) to be reported each time.
  std::string plan = testing::file_bytes(content_ / "nap-two" / "plan.xml");
  const size_t stage = plan.find("stage=\"final\"");
  ASSERT_NE(stage, std::string::npos);
  plan.replace(stage, 13, "stage=\"draft-3\"");
  const size_t foreword = plan.find("<text xml:lang=\"en\">\n      A foreword.\n    </text>");
  ASSERT_NE(foreword, std::string::npos);
  plan.erase(foreword, plan.find("</text>", foreword) + 7 - foreword);
  std::ofstream(content_ / "nap-two" / "plan.xml", std::ios::binary | std::ios::trunc) << plan;

  ArchiveBuild first = build();
  ASSERT_EQ(first.error_count(), 0u);
  ASSERT_TRUE(first.published);
  EXPECT_FALSE(first.up_to_date);
  ASSERT_GT(first.warning_count(), 0u);
  const auto tree = stat_tree(out_);
  auto work_folder = [&] {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_->path() / ".dist.renaksi")) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  };
  ASSERT_EQ(work_folder(), (std::vector<std::string>{"lock", "published"}));
  // Every plan's cache entry last used a day ago.
  std::vector<fs::path> manifests;
  for (const auto& e : fs::directory_iterator(env_.cache_dir / "plan")) manifests.push_back(e.path() / "manifest");
  ASSERT_EQ(manifests.size(), 2u);
  const auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
  for (const auto& m : manifests) fs::last_write_time(m, day_ago);

  ArchiveBuild again = build();
  EXPECT_EQ(again.error_count(), 0u);
  ASSERT_TRUE(again.up_to_date);
  EXPECT_TRUE(again.completed);
  EXPECT_FALSE(again.published);
  EXPECT_EQ(again.plans_from_cache, 0u);
  EXPECT_EQ(again.prose_stats.fragments, 0);
  EXPECT_EQ(again.up_to_date->files, first.outputs.size());
  EXPECT_EQ(again.up_to_date->bytes, first.outputs.total_bytes());
  EXPECT_EQ(stat_tree(out_), tree) << "not a file of the output written or touched";
  EXPECT_EQ(work_folder(), (std::vector<std::string>{"lock", "published"})) << "no staging folder made";
  ASSERT_EQ(again.plans.size(), first.plans.size());
  for (size_t i = 0; i < first.plans.size(); ++i)
    EXPECT_EQ(lines_of(again.plans[i]->diags), lines_of(first.plans[i]->diags)) << first.plans[i]->folder;
  EXPECT_EQ(lines_of(again.diags), lines_of(first.diags));
  EXPECT_EQ(again.warning_count(), first.warning_count());
  for (const auto& m : manifests) EXPECT_GT(fs::last_write_time(m), day_ago + std::chrono::hours(1)) << m;
}

// A commitment edited while the build ran (after its keys were computed) and put back after it:
// what was published may be either version, so no record is written and the next build, whose
// inputs are again those the first started from, publishes again instead of trusting it.
// Twice: the content just written (every plan racy: the keys are computed again at the end), and
// settled for over a second (the files' stamps compared instead).
TEST_F(IncrementalBuild, AFileEditedWhileTheBuildRanIsNotTakenAsUpToDate) { edited_while_building(false); }

TEST_F(IncrementalBuild, AFileEditedWhileTheBuildRanIsNotTakenAsUpToDateWhenItsStampIsCompared) {
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  edited_while_building(true);
}

void IncrementalBuild::edited_while_building(bool same_size) {
  const fs::path commitment = content_ / "nap-one" / "commitments" / "01.xml";
  const std::string original = testing::file_bytes(commitment);
  bool edited = false;
  ArchiveBuild during = build([&](const Progress& at) {
    if (edited || at.step != "compose") return;
    std::string xml = original;
    if (same_size) xml.replace(xml.find("</text>") - 1, 1, "!");
    else xml.insert(xml.find("</text>"), " (revised)");
    std::ofstream(commitment, std::ios::binary | std::ios::trunc) << xml;
    edited = true;
  });
  ASSERT_TRUE(edited);
  ASSERT_TRUE(during.published);
  EXPECT_FALSE(fs::exists(dir_->path() / ".dist.renaksi" / "published"));
  std::ofstream(commitment, std::ios::binary | std::ios::trunc) << original;
  ArchiveBuild after = build();
  EXPECT_FALSE(after.up_to_date);
  EXPECT_TRUE(after.published);
  EXPECT_TRUE(build().up_to_date);
}

// Whatever the output's record cannot vouch for builds and publishes again: a published file
// edited, removed or added; a file of the content, of the archive's root or the build's date
// changed; the record itself gone or damaged.
TEST_F(IncrementalBuild, AnythingChangedInTheOutputOrTheInputsPublishesAgain) {
  ASSERT_TRUE(build().published);
  ASSERT_TRUE(build().up_to_date);
  const fs::path record = dir_->path() / ".dist.renaksi" / "published";
  ASSERT_TRUE(fs::is_regular_file(record));
  const std::vector<std::pair<std::string, std::function<void()>>> changes = {
      {"a page edited in place, its size kept",
       [&] {
         const fs::path page = out_ / "site" / "index.html";
         std::string html = testing::file_bytes(page);
         html[html.size() - 2] = html[html.size() - 2] == ' ' ? '\t' : ' ';
         const auto when = fs::last_write_time(page);
         std::ofstream(page, std::ios::binary | std::ios::trunc) << html;
         fs::last_write_time(page, when + std::chrono::nanoseconds(1));
       }},
      {"a PDF removed", [&] { fs::remove(out_ / "nap-one" / "nap-one.en.pdf"); }},
      {"a file added to the output", [&] { std::ofstream(out_ / "site" / "notes.txt") << "mine"; }},
      {"the output removed", [&] { fs::remove_all(out_); }},
      {"a file of the archive's root", [&] { std::ofstream(content_ / "README.txt") << "about these plans"; }},
      {"a commitment",
       [&] {
         const fs::path c = content_ / "nap-one" / "commitments" / "01.xml";
         std::string xml = testing::file_bytes(c);
         xml.insert(xml.find("</text>"), " (revised)");
         std::ofstream(c, std::ios::binary | std::ios::trunc) << xml;
       }},
      {"the build's date", [&] { env_.source_date_epoch = *env_.source_date_epoch + 86400; }},
      {"the record removed", [&] { fs::remove(record); }},
      {"the record damaged",
       [&] {
         std::string bytes = testing::file_bytes(record);
         bytes[bytes.size() / 2] ^= 1;
         std::ofstream(record, std::ios::binary | std::ios::trunc) << bytes;
       }},
  };
  for (const auto& [what, change] : changes) {
    change();
    ArchiveBuild b = build();
    EXPECT_EQ(b.error_count(), 0u) << what;
    EXPECT_FALSE(b.up_to_date) << what;
    EXPECT_TRUE(b.published) << what;
    EXPECT_FALSE(fs::exists(out_ / "site" / "notes.txt")) << what;
    EXPECT_TRUE(fs::is_regular_file(out_ / "nap-one" / "nap-one.en.pdf")) << what;
    EXPECT_TRUE(build().up_to_date) << "published again, the next build finds it up to date: " << what;
  }
}

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

  // Nothing changed, but the output is not as the build left it (a file touched): the plans
  // come from the cache and the archive is published again, the same bytes.
  touch_output();
  ArchiveBuild warm = build();
  ASSERT_EQ(warm.error_count(), 0u);
  EXPECT_FALSE(warm.up_to_date);
  EXPECT_TRUE(warm.published);
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

// Every entry under `dir`, folders and links included: path -> "d", "l" or the file's bytes.
std::map<std::string, std::string> tree_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    out[fs::relative(e.path(), dir).generic_string()] =
        e.is_symlink() ? "l" : e.is_directory() ? "d" : testing::file_bytes(e.path());
  return out;
}

// The build just replaced is kept in the work folder and the next build's staging folder begins
// as it: unchanged files stay, the rest is replaced or removed, so the output is what a build
// into a new folder makes, whatever the previous build held (a plan since removed, a link
// someone put there).
TEST_F(IncrementalBuild, TheStagingFolderBeginsAsThePreviousBuildAndEndsAsAFreshBuildWould) {
  ASSERT_EQ(build().error_count(), 0u);
  const fs::path kept = dir_->path() / ".dist.renaksi" / "previous";
  EXPECT_FALSE(fs::exists(kept));  // nothing was replaced
  touch_output();
  ASSERT_EQ(build().error_count(), 0u);
  ASSERT_TRUE(fs::is_directory(kept));  // the first build, kept
  EXPECT_TRUE(fs::exists(kept / "nap-one" / "nap-one.en.pdf"));

  // Something planted in the kept build: a link out of it, and a file of no build.
  const fs::path outside = dir_->path() / "outside";
  testing::write_file(outside / "secret.txt", "not renaksi's");
  fs::create_directory_symlink(outside, kept / "site" / "planted-link");
  testing::write_file(kept / "site" / "planted.txt", "stray");
  // One plan changes, the other goes.
  const fs::path commitment = content_ / "nap-two" / "commitments" / "01.xml";
  std::string xml = testing::file_bytes(commitment);
  xml.insert(xml.find("</text>"), " (revised)");
  std::ofstream(commitment, std::ios::binary | std::ios::trunc) << xml;
  fs::remove_all(content_ / "nap-one");
  ArchiveBuild changed = build();
  ASSERT_EQ(changed.error_count(), 0u);
  ASSERT_TRUE(changed.published);
  const auto incremental = tree_of(out_);
  EXPECT_FALSE(incremental.count("nap-one"));
  EXPECT_FALSE(incremental.count("site/planted.txt"));
  EXPECT_FALSE(incremental.count("site/planted-link"));
  EXPECT_EQ(testing::file_bytes(outside / "secret.txt"), "not renaksi's");

  // The same content built into a new folder, with an empty cache: the same tree, byte for byte.
  out_ = dir_->path() / "fresh";
  env_.cache_dir = dir_->path() / "fresh-cache";
  ASSERT_EQ(build().error_count(), 0u);
  const auto fresh = tree_of(out_);
  EXPECT_EQ(incremental.size(), fresh.size());
  EXPECT_TRUE(incremental == fresh);
}

// Every cached plan is restored before the walk, on every core; an entry that does not restore
// whole (one of its files gone from the cache) is a miss, and that plan alone is built again,
// to the same bytes.
TEST_F(IncrementalBuild, APlanWhoseCacheEntryLostAFileIsBuiltAgainToTheSameBytes) {
  ArchiveBuild first = build();
  ASSERT_EQ(first.error_count(), 0u);
  const auto published = files_of(out_);

  // One stored file of one entry removed: the entries are cache/plan/<key>/ with f0, f1, ...
  size_t entries = 0;
  fs::path damaged;
  for (const auto& entry : fs::directory_iterator(env_.cache_dir / "plan")) {
    if (!entry.is_directory()) continue;
    ++entries;
    if (damaged.empty() && fs::exists(entry.path() / "f0")) damaged = entry.path() / "f0";
  }
  ASSERT_EQ(entries, 2u);
  ASSERT_FALSE(damaged.empty());
  fs::remove(damaged);

  touch_output();
  ArchiveBuild warm = build();
  ASSERT_EQ(warm.error_count(), 0u);
  EXPECT_TRUE(warm.published);
  EXPECT_EQ(warm.plans_from_cache, 1u);
  EXPECT_GT(warm.prose_stats.fragments, 0);  // the damaged plan's prose was read again
  EXPECT_TRUE(files_of(out_) == published);
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

  touch_output();  // else the output is up to date and the build publishes nothing
  ArchiveBuild warm = build();
  ASSERT_TRUE(warm.published);
  ASSERT_TRUE(warm.cache.counted_earlier);  // not pruned: the size the first build counted
  EXPECT_EQ(warm.cache.entries, first.cache.entries);
  EXPECT_EQ(warm.cache.bytes, first.cache.bytes);
  EXPECT_TRUE(fs::exists(stale));

  fs::last_write_time(record, fs::file_time_type::clock::now() - kCachePruneInterval - std::chrono::minutes(1));
  touch_output();
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
