// Tests of the build caches' entries: whatever is found in an entry's place (truncated, a byte
// flipped, garbage, a folder, a FIFO, a symlink to /dev/zero or to nowhere) is a miss, read
// without blocking and without reading more than the bound; a write replaces it.
#include "env/content_hash.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

std::string bytes_of(const fs::path& p) { return testing::file_bytes(p); }

class CacheEntry : public ::testing::Test {
 protected:
  CacheEntry() : dir_("cache-entry"), entry_(dir_.path() / "c" / "k.json") {}
  testing::TempDir dir_;
  fs::path entry_;
};

TEST_F(CacheEntry, WhatIsWrittenIsReadBack) {
  ASSERT_EQ(write_cache_entry(entry_, std::string("pay\0load", 8)), "");
  EXPECT_EQ(read_cache_entry(entry_, 100), std::string("pay\0load", 8));
  EXPECT_EQ(read_cache_entry(entry_, 7), std::nullopt);  // larger than the bound
  ASSERT_EQ(write_cache_entry(entry_, ""), "");
  EXPECT_EQ(read_cache_entry(entry_, 100), std::string());
  // No temporary file is left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(entry_.parent_path()), fs::directory_iterator()), 1);
}

TEST_F(CacheEntry, ATruncatedOrAlteredEntryIsAMiss) {
  const std::string payload(1000, 'p');
  ASSERT_EQ(write_cache_entry(entry_, payload), "");
  const std::string whole = bytes_of(entry_);
  for (size_t cut : {size_t{0}, size_t{4}, size_t{20}, whole.size() - 1}) {
    std::ofstream(entry_, std::ios::binary | std::ios::trunc) << whole.substr(0, cut);
    EXPECT_EQ(read_cache_entry(entry_, 10000), std::nullopt) << cut;
  }
  std::string flipped = whole;
  flipped[whole.size() - 500] ^= 1;
  std::ofstream(entry_, std::ios::binary | std::ios::trunc) << flipped;
  EXPECT_EQ(read_cache_entry(entry_, 10000), std::nullopt);
  std::ofstream(entry_, std::ios::binary | std::ios::trunc) << whole << "x";  // one byte more
  EXPECT_EQ(read_cache_entry(entry_, 10000), std::nullopt);
  std::ofstream(entry_, std::ios::binary | std::ios::trunc) << "{\"blocks\":[]}";  // an old, headerless entry
  EXPECT_EQ(read_cache_entry(entry_, 10000), std::nullopt);
}

TEST_F(CacheEntry, WhatIsNotARegularFileIsAMissAndIsReplaced) {
  fs::create_directories(entry_.parent_path());
  auto check_replaced = [&](const char* what) {
    EXPECT_EQ(read_cache_entry(entry_, 1000), std::nullopt) << what;
    ASSERT_EQ(write_cache_entry(entry_, "fresh"), "") << what;
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(entry_))) << what;
    EXPECT_EQ(read_cache_entry(entry_, 1000), "fresh") << what;
    fs::remove(entry_);
  };
  // A FIFO: never opened (it would block until a writer came).
  ASSERT_EQ(::mkfifo(entry_.c_str(), 0644), 0);
  check_replaced("fifo");
  // A symlink to /dev/zero: never followed (reading it would never end).
  fs::create_symlink("/dev/zero", entry_);
  check_replaced("/dev/zero");
  // A symlink to a good entry elsewhere is not followed either, and the write replaces the
  // link, not its target.
  const fs::path elsewhere = dir_.path() / "elsewhere";
  ASSERT_EQ(write_cache_entry(elsewhere, "theirs"), "");
  fs::create_symlink(elsewhere, entry_);
  check_replaced("symlink");
  EXPECT_EQ(read_cache_entry(elsewhere, 1000), "theirs");
  // A dangling symlink.
  fs::create_symlink(dir_.path() / "nowhere", entry_);
  check_replaced("dangling");
  // An empty folder.
  fs::create_directory(entry_);
  check_replaced("empty folder");
}

TEST_F(CacheEntry, AFolderWithSomethingInItIsNotDeleted) {
  fs::create_directories(entry_ / "someone's");
  EXPECT_EQ(read_cache_entry(entry_, 1000), std::nullopt);
  const std::string why = write_cache_entry(entry_, "fresh");
  EXPECT_NE(why.find("is a folder"), std::string::npos) << why;
  EXPECT_TRUE(fs::is_directory(entry_ / "someone's"));
  EXPECT_EQ(std::distance(fs::directory_iterator(entry_.parent_path()), fs::directory_iterator()), 1);  // no temp left
}

TEST_F(CacheEntry, AnEntryOverTheBoundIsNotRead) {
  // A sparse file of 1 GiB: refused by its size, before a byte is read.
  fs::create_directories(entry_.parent_path());
  { std::ofstream(entry_) << "renaksi-cache 1 "; }
  fs::resize_file(entry_, 1u << 30);
  EXPECT_EQ(read_cache_entry(entry_, 1u << 20), std::nullopt);
}

TEST(ContentHash, PartsAndTheirBoundariesCount) {
  EXPECT_EQ(content_hash({"ab", "c"}).size(), 32u);
  EXPECT_NE(content_hash({"ab", "c"}), content_hash({"a", "bc"}));
  EXPECT_EQ(content_hash({"x"}), content_hash({"x"}));
}

}  // namespace
}  // namespace renaksi
