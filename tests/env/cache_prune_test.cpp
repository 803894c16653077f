// Tests of the cache's upkeep: a hit marks an entry used; pruning removes entries by age and
// then by size, least recently used first, never one this build used, and never anything
// renaksi did not write (foreign files, symlinks and what they point to, FIFOs, folders).
#include "env/cache_prune.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "env/cache_pack.h"
#include "env/content_hash.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;

void set_used(const fs::path& p, Clock::time_point when) {
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(when.time_since_epoch()).count();
  const timespec t{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
  const timespec times[2] = {t, t};
  ASSERT_EQ(::utimensat(AT_FDCWD, p.c_str(), times, AT_SYMLINK_NOFOLLOW), 0) << p;
}

Clock::time_point used_at(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(st.st_mtim.tv_sec) +
                                                                       std::chrono::nanoseconds(st.st_mtim.tv_nsec)));
}

class CachePrune : public ::testing::Test {
 protected:
  CachePrune() : dir_("cache-prune"), cache_(dir_.path() / "cache"), started_(Clock::now()) {}
  // An entry of `payload_bytes` bytes of payload, last used `ago` before the build started.
  fs::path entry(const std::string& name, Clock::duration ago, size_t payload_bytes = 100) {
    const fs::path p = cache_ / name;
    EXPECT_EQ(write_cache_entry(p, std::string(payload_bytes, 'x')), "");
    set_used(p, started_ - ago);
    return p;
  }
  testing::TempDir dir_;
  fs::path cache_;
  Clock::time_point started_;
};

TEST_F(CachePrune, AHitMarksTheEntryUsed) {
  const fs::path e = entry("prose/a.json", 30 * 24h);
  ASSERT_LT(used_at(e), started_ - 24h);
  ASSERT_TRUE(read_cache_entry(e, 1000));
  EXPECT_GE(used_at(e), started_ - 2s);
  // A miss (too large for the bound) does not.
  set_used(e, started_ - 30 * 24h);
  ASSERT_FALSE(read_cache_entry(e, 10));
  EXPECT_LT(used_at(e), started_ - 24h);
  // Nothing to touch is no error.
  mark_cache_entry_used(dir_.path() / "no-such-entry");
}

TEST_F(CachePrune, APruneIsRecordedAndDueAgainOnlyAfterTheInterval) {
  EXPECT_FALSE(last_prune(cache_));  // no cache at all
  record_prune(cache_, {3, 300});   // nor can one be recorded in it
  EXPECT_FALSE(fs::exists(cache_ / "last-prune"));
  EXPECT_TRUE(prune_due(std::nullopt, started_));

  entry("prose/a.json", 1h);
  record_prune(cache_, {12, 34567});
  const auto last = last_prune(cache_);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->size.entries, 12u);
  EXPECT_EQ(last->size.bytes, 34567u);
  EXPECT_GE(last->when, started_ - 2s);
  EXPECT_FALSE(prune_due(last, last->when + 1min));
  EXPECT_FALSE(prune_due(last, last->when + kCachePruneInterval - 1s));
  EXPECT_TRUE(prune_due(last, last->when + kCachePruneInterval));
  EXPECT_TRUE(prune_due(last, last->when - 1h));  // recorded "in the future": the clock was set back
  // The record is not an entry: a prune neither counts nor removes it.
  set_used(cache_ / "last-prune", started_ - 365 * 24h);
  const PruneReport r = prune_cache(cache_, started_);
  EXPECT_EQ(r.kept.entries, 1u);
  EXPECT_TRUE(fs::exists(cache_ / "last-prune"));

  // A torn or foreign record, or a link in its place, is no record (and is never followed).
  for (const std::string text : {"renaksi-cache-prune 1 12", "renaksi-cache-prune 1 12 x\n", "something else 1 2\n", ""}) {
    std::ofstream(cache_ / "last-prune", std::ios::binary | std::ios::trunc) << text;
    EXPECT_FALSE(last_prune(cache_)) << text;
  }
  fs::remove(cache_ / "last-prune");
  std::ofstream(dir_.path() / "elsewhere", std::ios::binary) << "renaksi-cache-prune 1 1 1\n";
  fs::create_symlink(dir_.path() / "elsewhere", cache_ / "last-prune");
  EXPECT_FALSE(last_prune(cache_));
  record_prune(cache_, {5, 6});  // replaces the link, not what it points to
  EXPECT_EQ(testing::file_bytes(dir_.path() / "elsewhere"), "renaksi-cache-prune 1 1 1\n");
  ASSERT_TRUE(last_prune(cache_));
  EXPECT_EQ(last_prune(cache_)->size.entries, 5u);
}

TEST_F(CachePrune, EntriesUnusedForTheMaximumAgeGo) {
  const fs::path old = entry("prose/old.json", 20 * 24h), older = entry("docx/older.docx", 400 * 24h);
  const fs::path recent = entry("prose/recent.json", 10 * 24h), now = entry("docx/now.docx", -1s);
  const PruneReport r = prune_cache(cache_, started_);
  EXPECT_EQ(r.warning, "");
  EXPECT_FALSE(fs::exists(old));
  EXPECT_FALSE(fs::exists(older));
  EXPECT_TRUE(fs::exists(recent));
  EXPECT_TRUE(fs::exists(now));
  EXPECT_EQ(r.removed.entries, 2u);
  EXPECT_EQ(r.kept.entries, 2u);
  EXPECT_EQ(r.removed.bytes + r.kept.bytes, 4 * fs::file_size(now));
  const CacheSize size = cache_size(cache_);
  EXPECT_EQ(size.entries, 2u);
  EXPECT_EQ(size.bytes, r.kept.bytes);
  // A shorter age in the policy.
  EXPECT_EQ(prune_cache(cache_, started_, {.max_age = 5 * 24h}).removed.entries, 1u);
  EXPECT_FALSE(fs::exists(recent));
  EXPECT_TRUE(fs::exists(now));
}

// A pack of entries (the prose cache's, env/cache_pack.h) is pruned as an entry is.
TEST_F(CachePrune, AnUnusedPackGoesLikeAnEntry) {
  const fs::path old = cache_ / "prose" / "old.pack", used = cache_ / "prose" / "used.pack";
  for (const fs::path& p : {old, used}) {
    PackWriter w = PackWriter::replacing(p);
    ASSERT_TRUE(w.append("k", "payload") && w.commit()) << w.why();
  }
  set_used(old, started_ - 20 * 24h);
  set_used(used, started_ - 20 * 24h);
  PackReader reader(used, 100);  // the prose pass marks a pack it used
  ASSERT_TRUE(reader.next());
  mark_cache_entry_used(used);
  const PruneReport r = prune_cache(cache_, started_);
  EXPECT_EQ(r.warning, "");
  EXPECT_EQ(r.removed.entries, 1u);
  EXPECT_EQ(r.foreign, 0u);
  EXPECT_FALSE(fs::exists(old));
  EXPECT_TRUE(fs::exists(used));
}

TEST_F(CachePrune, OverTheSizeTheLeastRecentlyUsedGoButNeverWhatThisBuildUsed) {
  std::vector<fs::path> entries;
  for (int day = 5; day >= 1; --day) entries.push_back(entry("plan/d" + std::to_string(day), day * 24h, 1000));
  const fs::path used = entry("pdf/used", 0s, 1000);  // used by this build, just now
  const std::uint64_t one = fs::file_size(used);
  // Room for three: the two oldest and... the build's own is kept whatever the size.
  PruneReport r = prune_cache(cache_, started_, {.max_bytes = 3 * one});
  EXPECT_EQ(r.warning, "");
  EXPECT_EQ(r.removed.entries, 3u);
  EXPECT_EQ(r.removed.bytes, 3 * one);
  EXPECT_FALSE(fs::exists(entries[0]));  // 5 days
  EXPECT_FALSE(fs::exists(entries[1]));  // 4 days
  EXPECT_FALSE(fs::exists(entries[2]));  // 3 days
  EXPECT_TRUE(fs::exists(entries[3]));
  EXPECT_TRUE(fs::exists(entries[4]));
  EXPECT_TRUE(fs::exists(used));
  EXPECT_EQ(r.kept.entries, 3u);
  // A limit below what this build used: only its own entry stays.
  r = prune_cache(cache_, started_, {.max_bytes = 0});
  EXPECT_EQ(r.removed.entries, 2u);
  EXPECT_TRUE(fs::exists(used));
  EXPECT_EQ(cache_size(cache_).entries, 1u);
}

TEST_F(CachePrune, NothingButRenaksisOwnEntriesIsEverRemoved) {
  const auto ancient = 1000 * 24h;
  const fs::path keep = entry("prose/kept.json", ancient);  // an entry, to be removed
  // A foreign file in a cache folder, as old: it does not start with the header.
  const fs::path foreign = cache_ / "prose" / "notes.txt";
  std::ofstream(foreign, std::ios::binary) << "my notes\n";
  set_used(foreign, started_ - ancient);
  // An entry outside the cache, linked from inside it; a link to a folder; a dangling link.
  const fs::path outside = dir_.path() / "outside" / "entry.json";
  ASSERT_EQ(write_cache_entry(outside, "payload"), "");
  set_used(outside, started_ - ancient);
  fs::create_symlink(outside, cache_ / "prose" / "link.json");
  fs::create_symlink(outside.parent_path(), cache_ / "linked-folder");
  fs::create_symlink(dir_.path() / "nowhere", cache_ / "prose" / "dangling.json");
  // A folder in a cache folder holding an old entry: one level only.
  const fs::path nested = cache_ / "prose" / "deeper" / "entry.json";
  ASSERT_EQ(write_cache_entry(nested, "payload"), "");
  set_used(nested, started_ - ancient);
  // An old entry directly in the cache folder, not in a kind's folder.
  const fs::path top = cache_ / "top.json";
  ASSERT_EQ(write_cache_entry(top, "payload"), "");
  set_used(top, started_ - ancient);
  // A FIFO with an entry's name: never opened (opening it to read would wait for a writer).
  const fs::path fifo = cache_ / "docx" / "0123.docx";
  fs::create_directories(fifo.parent_path());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  set_used(fifo, started_ - ancient);

  const auto start = std::chrono::steady_clock::now();
  const PruneReport r = prune_cache(cache_, started_, {.max_age = 24h, .max_bytes = 0});
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_EQ(r.warning, "");
  EXPECT_FALSE(fs::exists(keep));
  EXPECT_EQ(r.removed.entries, 1u);
  EXPECT_EQ(r.foreign, 1u);
  EXPECT_EQ(testing::file_bytes(foreign), "my notes\n");
  EXPECT_EQ(read_cache_entry(outside, 100), "payload");
  EXPECT_TRUE(fs::is_symlink(cache_ / "prose" / "link.json"));
  EXPECT_TRUE(fs::is_symlink(cache_ / "linked-folder"));
  EXPECT_TRUE(fs::is_symlink(cache_ / "prose" / "dangling.json"));
  EXPECT_TRUE(fs::exists(nested));
  EXPECT_TRUE(fs::exists(top));
  EXPECT_TRUE(fs::is_fifo(fifo));
  // What is counted: the regular files in the cache's folders (the foreign one among them).
  EXPECT_EQ(cache_size(cache_).entries, 1u);
  EXPECT_EQ(r.kept.entries, 1u);
}

TEST_F(CachePrune, AMissingCacheIsEmptyAndACacheFolderLinkIsFollowedOnlyAtTheTop) {
  PruneReport r = prune_cache(cache_, started_);
  EXPECT_EQ(r.warning, "");
  EXPECT_EQ(r.kept.entries + r.removed.entries, 0u);
  EXPECT_EQ(cache_size(cache_).entries, 0u);
  // The cache folder the user named may be a link to the real one.
  const fs::path old = entry("prose/old.json", 30 * 24h);
  const fs::path link = dir_.path() / "cache-link";
  fs::create_symlink(cache_, link);
  EXPECT_EQ(cache_size(link).entries, 1u);
  r = prune_cache(link, started_);
  EXPECT_EQ(r.removed.entries, 1u);
  EXPECT_FALSE(fs::exists(old));
}

TEST_F(CachePrune, AFolderThatCannotBeChangedIsAWarningNotAFailure) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may remove files from a read-only folder";
  const fs::path old = entry("prose/old.json", 30 * 24h);
  fs::permissions(cache_ / "prose", fs::perms::owner_read | fs::perms::owner_exec);
  const PruneReport r = prune_cache(cache_, started_);
  fs::permissions(cache_ / "prose", fs::perms::owner_all);
  EXPECT_TRUE(fs::exists(old));
  EXPECT_EQ(r.removed.entries, 0u);
  EXPECT_NE(r.warning.find("cannot remove the cache entry"), std::string::npos) << r.warning;
}

}  // namespace
}  // namespace renaksi
