// Tests of prose dedenting and short-text whitespace collapsing.
#include "model/dedent.h"

#include <gtest/gtest.h>

namespace renaksi {
namespace {

TEST(Dedent, RemovesCommonIndentationAndBlankEdges) {
  Dedented d = dedent("\n      First paragraph\n      goes on.\n\n      - a list\n        continued\n    ");
  EXPECT_EQ(d.text, "First paragraph\ngoes on.\n\n- a list\n  continued");
  EXPECT_EQ(d.leading_blank, 1);
  EXPECT_EQ(d.indent, 6);  // where prose diagnostics find their columns
}

TEST(Dedent, KeepsRelativeIndentationSoCodeBlocksStayCodeBlocks) {
  Dedented d = dedent("\n  Text:\n\n      code();\n  end");
  EXPECT_EQ(d.text, "Text:\n\n    code();\nend");
}

TEST(Dedent, BlankLinesInsideDoNotLimitThePrefix) {
  Dedented d = dedent("    a\n  \n    b");
  EXPECT_EQ(d.text, "a\n\nb");
}

TEST(Dedent, SingleLineAndEmpty) {
  EXPECT_EQ(dedent("Masalah.").text, "Masalah.");
  EXPECT_EQ(dedent("").text, "");
  EXPECT_EQ(dedent("  \n \n").text, "");
}

TEST(Dedent, MixedTabsAndSpacesShareOnlyTheCommonPrefix) {
  EXPECT_EQ(dedent("\t a\n\t b").text, "a\nb");
  EXPECT_EQ(dedent("\ta\n b").text, "\ta\n b");
}

TEST(CollapseWhitespace, OneSpaceBetweenWordsNoneAtTheEdges) {
  EXPECT_EQ(collapse_whitespace("\n   Komitmen \t pertama\n  "), "Komitmen pertama");
  EXPECT_EQ(collapse_whitespace(""), "");
  EXPECT_EQ(collapse_whitespace("a\u00a0b"), "a\u00a0b");  // a no-break space is content
}

}  // namespace
}  // namespace renaksi
