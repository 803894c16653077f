// Cutting UTF-8 text to a number of bytes never splits a character.
#include "text/utf8_cut.h"

#include <gtest/gtest.h>

namespace renaksi {
namespace {

TEST(Utf8Cut, NeverInsideACharacter) {
  EXPECT_EQ(utf8_prefix("abc", 10), "abc");
  EXPECT_EQ(utf8_prefix("abc", 2), "ab");
  // "é" is two bytes, "中" three, "😀" four: a cut inside one keeps what is before it.
  EXPECT_EQ(utf8_prefix("a\xC3\xA9", 2), "a");
  EXPECT_EQ(utf8_prefix("a\xC3\xA9", 3), "a\xC3\xA9");
  EXPECT_EQ(utf8_prefix("\xE4\xB8\xAD\xE4\xB8\xAD", 5), "\xE4\xB8\xAD");
  EXPECT_EQ(utf8_prefix("\xF0\x9F\x98\x80", 3), "");
  EXPECT_EQ(utf8_prefix("", 0), "");
}

}  // namespace
}  // namespace renaksi
