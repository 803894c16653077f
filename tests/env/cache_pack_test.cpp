// Tests of the cache pack: entries written are read back in order, copied byte for byte between
// packs, and whatever else is found in a pack's place (a torn pack, a flipped byte, garbage, a
// folder, a FIFO, a symlink) reads as fewer entries or none, without blocking or following.
#include "env/cache_pack.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <vector>

#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

struct Read {
  std::vector<std::pair<std::string, std::string>> entries;  // key, payload ("?" if it does not check)
  bool clean = false;
};

Read read_pack(const fs::path& file, std::size_t max_payload = 1000) {
  Read r;
  PackReader reader(file, max_payload);
  while (auto e = reader.next()) r.entries.emplace_back(e->key, reader.payload(*e).value_or("?"));
  r.clean = reader.clean();
  return r;
}

using Entries = std::vector<std::pair<std::string, std::string>>;

class CachePack : public ::testing::Test {
 protected:
  CachePack() : dir_("cache-pack"), pack_(dir_.path() / "c" / "p.pack") {}

  void write(const Entries& entries) {
    PackWriter w = PackWriter::replacing(pack_);
    for (const auto& [k, v] : entries) ASSERT_TRUE(w.append(k, v)) << w.why();
    ASSERT_TRUE(w.commit()) << w.why();
  }

  std::vector<std::string> folder() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(pack_.parent_path())) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  testing::TempDir dir_;
  fs::path pack_;
};

TEST_F(CachePack, WhatIsWrittenIsReadBackInOrder) {
  const Entries entries = {{"k1", std::string("pay\0load", 8)}, {"k2", ""}, {"K-3_x", std::string(500, 'z')}};
  write(entries);
  const Read r = read_pack(pack_);
  EXPECT_EQ(r.entries, entries);
  EXPECT_TRUE(r.clean);
  EXPECT_EQ(folder(), std::vector<std::string>{"p.pack"}) << "no temporary file is left";
  // An empty pack is clean and has nothing.
  write({});
  EXPECT_TRUE(read_pack(pack_).entries.empty());
  EXPECT_TRUE(read_pack(pack_).clean);
}

TEST_F(CachePack, EntriesAreCopiedFromSpillsAndPacksByteForByte) {
  PackWriter spill = PackWriter::spill(dir_.path() / "c");
  ASSERT_TRUE(spill.ok()) << spill.why();
  EXPECT_TRUE(fs::is_empty(dir_.path() / "c")) << "a spill has no name in its folder";
  const auto a = spill.append("a", "first");
  const auto b = spill.append("b", std::string(3u << 20, 'b'));  // more than one round of copying
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(spill.commit()) << "a spill is not a pack";
  write({{"c", "from the old pack"}});
  PackReader old(pack_, 100);
  const auto c = old.next();
  ASSERT_TRUE(c);
  PackWriter w = PackWriter::replacing(pack_);
  ASSERT_TRUE(w.copy(*b) && w.copy(c->place) && w.copy(*a)) << w.why();
  ASSERT_TRUE(w.commit()) << w.why();
  const Read r = read_pack(pack_, 4u << 20);
  EXPECT_EQ(r.entries, (Entries{{"b", std::string(3u << 20, 'b')}, {"c", "from the old pack"}, {"a", "first"}}));
  EXPECT_TRUE(r.clean);
}

TEST_F(CachePack, ABadKeyIsRefusedAndAPackNeverCommittedLeavesNothing) {
  {
    PackWriter w = PackWriter::replacing(pack_);
    EXPECT_FALSE(w.append("two words", "x"));
    EXPECT_FALSE(w.ok());
    EXPECT_FALSE(w.append("fine", "x")) << "nothing more is written after a failure";
    EXPECT_FALSE(w.commit());
    PackWriter empty_key = PackWriter::replacing(pack_);
    EXPECT_FALSE(empty_key.append("", "x"));
    PackWriter long_key = PackWriter::replacing(pack_);
    EXPECT_FALSE(long_key.append(std::string(65, 'k'), "x"));
    PackWriter newline = PackWriter::replacing(pack_);
    EXPECT_FALSE(newline.append("a\n1 2", "x"));
  }
  EXPECT_TRUE(fs::is_empty(pack_.parent_path()));
}

TEST_F(CachePack, ADamagedPackReadsAsTheEntriesBeforeTheDamage) {
  write({{"a", "alpha"}});
  const size_t second = fs::file_size(pack_);  // where the second entry starts
  write({{"a", "alpha"}, {"b", "beta"}});
  const size_t third = fs::file_size(pack_);
  write({{"a", "alpha"}, {"b", "beta"}, {"c", "gamma"}});
  const std::string good = testing::file_bytes(pack_);
  const auto put = [&](const std::string& bytes) { std::ofstream(pack_, std::ios::binary | std::ios::trunc) << bytes; };
  // A flipped payload byte: that entry does not check, the others read.
  std::string b = good;
  b[good.find("beta") + 1] ^= 0x20;
  put(b);
  Read r = read_pack(pack_);
  EXPECT_EQ(r.entries, (Entries{{"a", "alpha"}, {"b", "?"}, {"c", "gamma"}}));
  EXPECT_TRUE(r.clean);
  // Torn inside the second entry, at every byte: the first entry and no more.
  for (size_t cut = second + 1; cut < third; ++cut) {
    put(good.substr(0, cut));
    r = read_pack(pack_);
    EXPECT_EQ(r.entries, (Entries{{"a", "alpha"}})) << cut;
    EXPECT_FALSE(r.clean) << cut;
  }
  // A size that runs past the end, a size over the bound, a short hash, no magic, garbage.
  for (const std::string& bad : {good.substr(0, second) + "b 999999 " + std::string(32, '0') + "\nbeta",
                                 good.substr(0, second) + "b 5000 " + std::string(32, '0') + "\n" + std::string(5000, 'x'),
                                 good.substr(0, second) + "b 4 0123\nbeta", std::string("renaksi-cache pack 2\n"),
                                 std::string("\x01\xff garbage", 10)}) {
    put(bad);
    r = read_pack(pack_);
    EXPECT_LE(r.entries.size(), 1u);
    EXPECT_FALSE(r.clean);
  }
}

TEST_F(CachePack, WhatIsNotAFileInThePacksPlaceReadsAsNoPackWithoutBlocking) {
  fs::create_directories(pack_.parent_path());
  const auto none = [&] {
    const Read r = read_pack(pack_);
    EXPECT_TRUE(r.entries.empty());
    EXPECT_FALSE(r.clean);
    EXPECT_FALSE(PackReader(pack_, 100).exists());
  };
  none();  // missing
  ASSERT_EQ(::mkfifo(pack_.c_str(), 0644), 0);
  none();
  fs::remove(pack_);
  fs::create_symlink("/dev/zero", pack_);
  none();
  fs::remove(pack_);
  // A symlink to a good pack is not followed either.
  const fs::path real = dir_.path() / "real.pack";
  {
    PackWriter w = PackWriter::replacing(real);
    ASSERT_TRUE(w.append("a", "alpha") && w.commit());
  }
  fs::create_symlink(real, pack_);
  none();
  // Written over: the link is replaced, not what it points to.
  write({{"b", "beta"}});
  EXPECT_FALSE(fs::is_symlink(pack_));
  EXPECT_EQ(read_pack(real).entries, (Entries{{"a", "alpha"}}));
  // An empty folder is replaced; a folder with something in it is not renaksi's to delete.
  fs::remove(pack_);
  fs::create_directory(pack_);
  none();
  write({{"c", "gamma"}});
  EXPECT_EQ(read_pack(pack_).entries, (Entries{{"c", "gamma"}}));
  fs::remove(pack_);
  fs::create_directories(pack_ / "someone's");
  PackWriter w = PackWriter::replacing(pack_);
  ASSERT_TRUE(w.append("d", "delta"));
  EXPECT_FALSE(w.commit());
  EXPECT_NE(w.why().find("not renaksi's to delete"), std::string::npos) << w.why();
  EXPECT_TRUE(fs::is_directory(pack_ / "someone's"));
}

}  // namespace
}  // namespace renaksi
