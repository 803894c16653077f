// Tests of the line breaker: ICU break opportunities, greedy filling, justification, overlong
// words, hard breaks and styled runs.
#include "layout/line_breaker.h"

#include <gtest/gtest.h>

#include "layout/fixed_measure.h"

namespace renaksi::layout {
namespace {

std::string text_of(const TextLine& l) {
  std::string s;
  double end = 0;
  for (const auto& p : l.pieces) {
    if (!s.empty() && p.x > end + 1e-9) s += ' ';
    s += p.text;
    end = p.x + p.width;
  }
  return s;
}

class LineBreakerTest : public ::testing::Test {
 protected:
  testing::FixedMeasure measure;
  LineBreaker breaker{measure, "en"};
  // At size 10 every character is 5 points wide.
  std::vector<std::string> lines(const std::string& text, double width, bool justify = false) {
    std::vector<std::string> out;
    for (const auto& l : breaker.lines({{text, Face::Regular, {}, {}, {}}}, 10, width, justify)) out.push_back(text_of(l));
    return out;
  }
};

TEST_F(LineBreakerTest, FillsGreedilyAtBreakOpportunities) {
  EXPECT_EQ(lines("aaa bbb ccc ddd", 40), (std::vector<std::string>{"aaa bbb", "ccc ddd"}));
  EXPECT_EQ(lines("aaa bbb ccc ddd", 1000), (std::vector<std::string>{"aaa bbb ccc ddd"}));
}

TEST_F(LineBreakerTest, BreaksAfterHyphensAsUax14Allows) {
  EXPECT_EQ(lines("open-government portal", 60), (std::vector<std::string>{"open-", "government", "portal"}));
}

TEST_F(LineBreakerTest, AWordWiderThanTheLineIsBrokenBetweenCharacters) {
  auto l = lines("https://example.org/a/very/long/path", 50);
  for (const auto& s : l) EXPECT_LE(s.size() * 5, 50u) << s;
  std::string joined;
  for (const auto& s : l) joined += s;
  EXPECT_EQ(joined, "https://example.org/a/very/long/path");
}

TEST_F(LineBreakerTest, HardBreaksEndTheLine) {
  EXPECT_EQ(lines("one\ntwo three", 1000), (std::vector<std::string>{"one", "two three"}));
}

TEST_F(LineBreakerTest, JustifiedLinesFillTheWidthButTheLastDoesNot) {
  auto l = breaker.lines({{"aa bb cc dd ee ff", Face::Regular, {}, {}, {}}}, 10, 32, true);
  ASSERT_EQ(l.size(), 3u);  // "aa bb", "cc dd", "ee ff": each 25 points of 32
  for (size_t i = 0; i + 1 < l.size(); ++i) {
    const auto& last = l[i].pieces.back();
    EXPECT_NEAR(last.x + last.width, 32, 1e-6);
  }
  EXPECT_NEAR(l.back().pieces.back().x + l.back().pieces.back().width, 25, 1e-6);
}

TEST_F(LineBreakerTest, TooLooseLinesAreNotJustified) {
  auto l = breaker.lines({{"a b verylongword", Face::Regular, {}, {}, {}}}, 10, 70, true);
  ASSERT_EQ(l.size(), 2u);
  EXPECT_NEAR(l[0].pieces.back().x, 10, 1e-6);  // "a b" keeps its natural spacing
}

TEST_F(LineBreakerTest, StyledRunsKeepTheirFaceAndLink) {
  std::vector<layout::Run> runs = {{"see ", Face::Regular, {}, {}, {}}, {"the site", Face::Bold, {}, "https://x.example", {}}, {" now", Face::Regular, {}, {}, {}}};
  auto l = breaker.lines(runs, 10, 1000, false);
  ASSERT_EQ(l.size(), 1u);
  int bold = 0, linked = 0;
  for (const auto& p : l[0].pieces) {
    bold += p.face == Face::Bold;
    linked += p.link == "https://x.example";
  }
  EXPECT_EQ(bold, 2);  // "the", "site"
  EXPECT_EQ(linked, 2);
}

TEST_F(LineBreakerTest, IndonesianTextBreaksAtSpaces) {
  LineBreaker id(measure, "id");
  auto l = id.lines({{"Kementerian/lembaga dan organisasi masyarakat sipil", Face::Regular, {}, {}, {}}}, 10, 120, false);
  ASSERT_GE(l.size(), 2u);
  for (const auto& line : l) EXPECT_LE(line.width, 120);
}

}  // namespace
}  // namespace renaksi::layout
