// A saved PDF's bytes through the sink: the same bytes back from a temporary file or from memory,
// room reserved after them, and a file that fails part way moved to memory with nothing lost.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "emit/pdf/save_sink.h"

namespace renaksi::pdf {
namespace {

// Bytes of every value, in pieces of growing size (the empty piece included).
std::string feed(SaveSink& sink, size_t pieces) {
  std::string all;
  for (size_t k = 0; k < pieces; ++k) {
    std::string piece(k * 37 % 1000, '\0');
    for (size_t i = 0; i < piece.size(); ++i) piece[i] = static_cast<char>((k * 131 + i) % 256);
    EXPECT_TRUE(sink.append(piece.data(), piece.size()));
    all += piece;
  }
  return all;
}

TEST(SaveSink, ATemporaryFileGivesBackEveryByteWithRoomAfterThem) {
  SaveSink sink;
  ASSERT_TRUE(sink.spilled()) << "no temporary file could be made here";
  const std::string all = feed(sink, 200);
  EXPECT_EQ(sink.size(), all.size());
  std::optional<std::string> back = sink.take(4096);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, all);
  EXPECT_GE(back->capacity(), all.size() + 4096);
  EXPECT_FALSE(sink.spilled());   // the file is closed (and gone) once read
  EXPECT_FALSE(sink.take());      // once only
  EXPECT_FALSE(sink.append("x", 1));
}

TEST(SaveSink, WithoutAFileTheBytesAreKeptInMemory) {
  SaveSink sink(nullptr);
  EXPECT_FALSE(sink.spilled());
  const std::string all = feed(sink, 50);
  std::optional<std::string> back = sink.take(100);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, all);
  EXPECT_GE(back->capacity(), all.size() + 100);
}

TEST(SaveSink, AFileThatFillsUpPartWayLosesNothing) {
  // A memory file of 64 KiB ("r+": fmemopen adds no NUL of its own): the chunk written when a chunk is gathered passes its end and fails short,
  // after the file took part of it (as a full disk or a file-size limit fails).
  std::vector<char> room(64 * 1024);
  std::FILE* small = fmemopen(room.data(), room.size(), "r+");
  ASSERT_NE(small, nullptr);
  SaveSink sink(small);
  ASSERT_TRUE(sink.spilled());
  std::string all;
  for (size_t k = 0; all.size() < 3 * SaveSink::kChunk; ++k) {
    const std::string piece(1000 + k % 7, static_cast<char>('a' + k % 26));
    EXPECT_TRUE(sink.append(piece.data(), piece.size()));
    all += piece;
  }
  EXPECT_FALSE(sink.spilled());  // moved to memory when the file failed
  std::optional<std::string> back = sink.take();
  ASSERT_TRUE(back);
  EXPECT_EQ(back->size(), all.size());
  EXPECT_TRUE(*back == all);
}

TEST(SaveSink, AFileThatFailsOnTheLastWriteLosesNothing) {
  std::vector<char> room(100);
  std::FILE* small = fmemopen(room.data(), room.size(), "r+");
  ASSERT_NE(small, nullptr);
  SaveSink sink(small);
  const std::string first(40, 'a'), second(500, 'b');
  EXPECT_TRUE(sink.append(first.data(), first.size()));
  EXPECT_TRUE(sink.append(second.data(), second.size()));
  std::optional<std::string> back = sink.take();  // the file takes 100 bytes of 540
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, first + second);
}

TEST(SaveSink, LibharusWriteCallbackAppendsToTheSinkItNames) {
  SaveSink sink(nullptr);
  HPDF_Stream_Rec stream{};
  stream.attr = &sink;
  const HPDF_BYTE bytes[] = {'%', 'P', 'D', 'F'};
  EXPECT_EQ(SaveSink::write(&stream, bytes, sizeof bytes), HPDF_OK);
  stream.attr = nullptr;
  EXPECT_NE(SaveSink::write(&stream, bytes, sizeof bytes), HPDF_OK);  // no sink: refused, not a crash
  EXPECT_NE(SaveSink::write(nullptr, bytes, sizeof bytes), HPDF_OK);
  EXPECT_EQ(sink.take(), std::optional<std::string>("%PDF"));
}

}  // namespace
}  // namespace renaksi::pdf
