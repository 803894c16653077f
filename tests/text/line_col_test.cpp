// A byte offset's line and column: lines from 1, columns in characters (not bytes).
#include <gtest/gtest.h>

#include "text/line_col.h"

namespace renaksi {
namespace {

TEST(LineCol, CountsLinesAndCharacters) {
  EXPECT_EQ(line_col_at("abc", 0), (std::pair<int, int>{1, 1}));
  EXPECT_EQ(line_col_at("abc\ndef", 5), (std::pair<int, int>{2, 2}));
  EXPECT_EQ(line_col_at("é—x", 5), (std::pair<int, int>{1, 3}));  // é (2 bytes) and — (3 bytes) are one column each
  EXPECT_EQ(line_col_at("ab", 99), (std::pair<int, int>{1, 3}));   // past the end: clamped
}

}  // namespace
}  // namespace renaksi
