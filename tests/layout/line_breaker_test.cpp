// Tests of the line breaker: ICU break opportunities, total fit, justification, hyphenation by
// language, explicit hyphens, overlong words, hard breaks and styled runs.
#include "layout/line_breaker.h"

#include <gtest/gtest.h>

#include "layout/fixed_measure.h"
#include "layout/hyphenator.h"

#include <algorithm>
#include <sstream>

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

// A date is set with no-break spaces (compose/date_text); in a column narrower than the whole
// date it parts at them, never inside a word.
TEST_F(LineBreakerTest, ADateWiderThanTheLinePartsAtItsNoBreakSpacesNotInsideAWord) {
  // "30 September 2020" is 17 characters, 85 points; the column is 50.
  const auto got = lines("30\u00a0September\u00a02020", 50);
  ASSERT_GE(got.size(), 2u);
  for (const auto& line : got) {
    std::string words = line;
    for (size_t p; (p = words.find("\u00a0")) != std::string::npos;) words.replace(p, 2, " ");
    std::istringstream in(words);
    for (std::string w; in >> w;) EXPECT_TRUE(w == "30" || w == "September" || w == "2020") << "cut: " << w;
  }
  // Where it fits, it stays whole.
  EXPECT_EQ(lines("on 30\u00a0September\u00a02020", 90), (std::vector<std::string>{"on", "30\u00a0September\u00a02020"}));
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

TEST_F(LineBreakerTest, ALooseLineInsideAJustifiedParagraphIsStillJustified) {
  // Nothing better exists: "a b" must be stretched, never left ragged in the middle.
  auto l = breaker.lines({{"a b verylongword", Face::Regular, {}, {}, {}}}, 10, 70, true);
  ASSERT_EQ(l.size(), 2u);
  EXPECT_NEAR(l[0].pieces.back().x + l[0].pieces.back().width, 70, 1e-6);
}

TEST_F(LineBreakerTest, ALastLineThatShrankToFitStaysInside) {
  // 29 characters at 140 points (28): the last line fits only with its spaces shrunk.
  auto l = breaker.lines({{"aaaa bbbb cccc dddd eeee ffff", Face::Regular, {}, {}, {}}}, 10, 140, true);
  for (const auto& line : l) EXPECT_LE(line.pieces.back().x + line.pieces.back().width, 140 + 1e-6);
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

// The largest word space of a justified paragraph's lines but the last, in normal spaces.
double worst_gap(const std::vector<TextLine>& lines) {
  double worst = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i)
    for (size_t k = 1; k < lines[i].pieces.size(); ++k) {
      const auto& a = lines[i].pieces[k - 1];
      worst = std::max(worst, (lines[i].pieces[k].x - a.x - a.width) / 5.0);
    }
  return worst;
}

// First fit, as the breaker once did: the most words each line holds.
std::vector<std::string> first_fit(const std::string& text, size_t chars) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  for (std::string w; in >> w;) {
    if (!line.empty() && line.size() + 1 + w.size() > chars) {
      out.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + w;
  }
  out.push_back(line);
  return out;
}

TEST_F(LineBreakerTest, TotalFitAvoidsTheLooseLineFirstFitLeaves) {
  const std::string text =
      "The government will publish the budget data of every ministry in open formats, with "
      "quarterly updates, so that citizens and civil society can follow spending as it happens.";
  const size_t chars = 31;  // 155 points
  // First fit leaves a line with far fewer characters than the width holds.
  size_t shortest = chars;
  auto greedy = first_fit(text, chars);
  for (size_t i = 0; i + 1 < greedy.size(); ++i) shortest = std::min(shortest, greedy[i].size());
  ASSERT_LE(shortest, chars - 6u) << "the example no longer shows first fit's loose line";
  auto l = breaker.lines({{text, Face::Regular, {}, {}, {}}}, 10, chars * 5.0, true);
  double greedy_worst = 0;
  for (size_t i = 0; i + 1 < greedy.size(); ++i) {
    const auto& g = greedy[i];
    const double gaps = static_cast<double>(std::count(g.begin(), g.end(), ' '));
    greedy_worst = std::max(greedy_worst, 1 + (chars - g.size()) / gaps);
  }
  EXPECT_LT(worst_gap(l), greedy_worst - 0.5);
  for (size_t i = 0; i + 1 < l.size(); ++i)
    EXPECT_NEAR(l[i].pieces.back().x + l[i].pieces.back().width, chars * 5.0, 1e-6) << "line " << i;
}

const std::map<std::string, std::filesystem::path> kPatterns = {
    {"en", "/usr/share/hyphen/hyph_en_GB.dic"}, {"id", "/usr/share/hyphen/hyph_id_ID.dic"}};

TEST(Hyphenator, KnownWordsInEachLanguage) {
  auto en = Hyphenator::shared(kPatterns.at("en"));
  auto id = Hyphenator::shared(kPatterns.at("id"));
  ASSERT_TRUE(en && id);
  // im-ple-ment-a-tion: the last point would leave 4 letters ("tion"), the first 2 ("im").
  EXPECT_EQ(en->points("implementation"), (std::vector<size_t>{2, 5, 9, 10}));
  EXPECT_EQ(en->points("Implementation,"), (std::vector<size_t>{2, 5, 9, 10}));  // capital, punctuation
  // pe-me-rin-tah-an (ISO 8859-1 patterns): "an" is too short to stand alone.
  EXPECT_EQ(id->points("pemerintahan"), (std::vector<size_t>{2, 4, 7}));
  // Never: short words, acronyms, words with digits, addresses.
  EXPECT_TRUE(en->points("data").empty());
  EXPECT_TRUE(en->points("IMPLEMENTATION").empty());
  EXPECT_TRUE(en->points("implementation2").empty());
  EXPECT_TRUE(en->points("https://implementation.example").empty());
  EXPECT_TRUE(en->points("implementation@example.org").empty());
  EXPECT_TRUE(en->points("www.implementation").empty());
}

TEST(Hyphenator, NoFileNoHyphenator) { EXPECT_EQ(Hyphenator::shared("/nonexistent/hyph_xx.dic"), nullptr); }

TEST(Hyphenator, ALanguageTakesItsTagsDictionaryElseItsLanguagesAndTheOneLoadedBefore) {
  const std::map<std::string, std::filesystem::path> table = {
      {"en", kPatterns.at("en")}, {"en-us", "/usr/share/hyphen/hyph_en_US.dic"}, {"id", kPatterns.at("id")},
      {"xx", "/nonexistent/hyph_xx.dic"}};
  const auto en = Hyphenator::shared(kPatterns.at("en"));
  ASSERT_NE(en, nullptr);
  EXPECT_EQ(Hyphenator::for_language(table, "en"), en);  // the very dictionary loaded before
  EXPECT_EQ(Hyphenator::for_language(table, "en-GB"), en);
  EXPECT_EQ(Hyphenator::for_language(table, "EN-gb-oxendict"), en);
  EXPECT_EQ(Hyphenator::for_language(table, "en-US"), Hyphenator::shared("/usr/share/hyphen/hyph_en_US.dic"));
  EXPECT_NE(Hyphenator::for_language(table, "en-US"), en);
  EXPECT_EQ(Hyphenator::for_language(table, "id"), Hyphenator::shared(kPatterns.at("id")));
  EXPECT_EQ(Hyphenator::for_language(table, "fr"), nullptr);
  EXPECT_EQ(Hyphenator::for_language(table, ""), nullptr);
  EXPECT_EQ(Hyphenator::for_language(table, "xx-YY"), nullptr);  // listed, but no file
  EXPECT_EQ(Hyphenator::for_language({}, "en"), nullptr);
}

class HyphenatingTest : public LineBreakerTest {
 protected:
  std::vector<std::string> lines_in(const std::string& lang, const std::string& text, double width, bool justify) {
    LineBreaker b(measure, lang, &kPatterns);
    std::vector<std::string> out;
    for (const auto& l : b.lines({{text, Face::Regular, {}, {}, {}}}, 10, width, justify)) out.push_back(text_of(l));
    return out;
  }
};

TEST_F(HyphenatingTest, AJustifiedParagraphHyphenatesRatherThanStretch) {
  // 18 characters a line: "the implementation" alone leaves no line well filled without a hyphen.
  auto l = lines_in("en", "to the implementation of the plan", 90, true);
  bool hyphenated = false;
  for (const auto& s : l) hyphenated |= s.ends_with("\u2010");
  EXPECT_TRUE(hyphenated) << ::testing::PrintToString(l);
  std::string joined;
  for (const auto& s : l) joined += (s.ends_with("\u2010") ? s.substr(0, s.size() - 3) : s + " ");
  EXPECT_EQ(joined, "to the implementation of the plan ");
}

TEST_F(HyphenatingTest, EachRunByItsOwnLanguage) {
  LineBreaker b(measure, "en", &kPatterns);
  std::vector<layout::Run> runs = {{"penyelenggaraan pemerintahan ", Face::Regular, {}, {}, "id"},
                           {"implementation", Face::Regular, {}, {}, "en"}};
  auto l = b.lines(runs, 10, 60, false);  // 12 characters: every word must be hyphenated
  std::string joined;
  for (const auto& line : l) {
    EXPECT_LE(line.pieces.back().x + line.pieces.back().width, 60 + 1e-9);
    const std::string t = text_of(line);
    // Every line ends at a word's end or with a hyphen: no word is cut without one.
    if (t.ends_with("\u2010"))
      joined += t.substr(0, t.size() - 3);
    else
      joined += t + " ";
  }
  EXPECT_EQ(joined, "penyelenggaraan pemerintahan implementation ");
}

TEST_F(HyphenatingTest, NoBreakAfterAHyphenThatIsNotAHyphenationPoint) {
  // (Narrower than "LAPOR!-SP4N", the word is cut between characters: the last resort.)
  for (double width : {60.0, 70.0, 90.0, 120.0}) {
    for (const auto& s : lines_in("en", "the e-legislation and LAPOR!-SP4N of COVID-19", width, false)) {
      EXPECT_FALSE(s == "e-" || s.ends_with(" e-")) << width << ": " << s;
      EXPECT_FALSE(s.ends_with("!-")) << width << ": " << s;
      EXPECT_FALSE(s.ends_with("COVID-")) << width << ": " << s;
    }
  }
  // Between words of letters it stays a break (BreaksAfterHyphensAsUax14Allows).
}

TEST_F(HyphenatingTest, NoHyphenationWhenAskedForNone) {
  LineBreaker b(measure, "en", &kPatterns);
  for (const auto& l : b.lines({{"to the implementation of the plan", Face::Regular, {}, {}, {}}}, 10, 90, true, false))
    EXPECT_FALSE(text_of(l).ends_with("\u2010")) << text_of(l);
}

}  // namespace
}  // namespace renaksi::layout
