// Hostile input for the layout: a table row taller than a page (split at line boundaries, the
// header repeated), a run longer than any line, too many pages (E004), and characters the
// fonts lack (E002, one warning per location). Every test is bounded: the layout must end.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "env/limits.h"
#include "support/small_document.h"
#include "layout/document_layout.h"
#include "layout/fixed_measure.h"
#include "layout/line_breaker.h"
#include "layout/paginate.h"

namespace renaksi::layout {
namespace {

using testing::FixedMeasure;

prose::Inlines text(const std::string& s) { return renaksi::testing::text_run(s); }

// "w0 w1 w2 …": `n` distinct words.
std::string words(int n, const std::string& prefix = "w") {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " " : "") + prefix + std::to_string(i);
  return s;
}

doc::Document document_with(std::vector<doc::Block> blocks) {
  return renaksi::testing::one_chapter("commitment-1", "Commitment 1", std::move(blocks));
}

doc::Block milestone_table(const std::string& activity) {
  doc::TableContent t;
  t.header = {"No", "Activity", "Start", "End"};
  t.rows.push_back({text("1"), text(activity), text("2018"), text("2020")});
  t.rows.push_back({text("2"), text("after"), text("2019"), text("2020")});
  return {"commitment-1-milestones", {"commitments/1-p.xml", 40, 5}, doc::Table{"milestones", {{"en", t, std::nullopt, {}, {}}}}};
}

// The body text of the pages, in order, as one string of words.
std::vector<std::string> words_of(const Pages& pages, size_t from_page) {
  std::vector<std::string> out;
  for (size_t i = from_page; i < pages.pages.size(); ++i)
    for (const auto& g : pages.pages[i].text) {
      std::istringstream in(g.text);
      for (std::string w; in >> w;) out.push_back(w);
    }
  return out;
}

Style narrow_style() {
  Style s;
  s.table_columns["milestones"] = {0.06, 0.3, 0.32, 0.32};  // the activity column ~140 pt
  return s;
}

TEST(HostileLayout, ATableRowOf400WordsSplitsOverPagesEveryWordOnceInOrder) {
  const Style s = narrow_style();
  FixedMeasure m;
  Diagnostics diags;
  const auto t0 = std::chrono::steady_clock::now();
  Pages pages = layout_document(document_with({milestone_table(words(400))}), s, m, diags);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
  EXPECT_EQ(diags.error_count(), 0u);
  ASSERT_GE(pages.pages.size(), 4u);  // cover, contents, at least two body pages
  // Every word of the activity once, in order; the row after it follows.
  std::vector<std::string> got;
  for (const auto& w : words_of(pages, 2))
    if (w.size() > 1 && w[0] == 'w' && std::isdigit(static_cast<unsigned char>(w[1]))) got.push_back(w);
  ASSERT_EQ(got.size(), 400u);
  for (int i = 0; i < 400; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], "w" + std::to_string(i));
  // The header row repeats at the top of every body page the row continues on, and nothing is
  // drawn below the text area or above it.
  int with_header = 0;
  for (size_t i = 2; i < pages.pages.size(); ++i) {
    bool header = false;
    for (const auto& g : pages.pages[i].text) {
      header = header || g.text == "Activity";
      if (g.text.starts_with("w")) {
        EXPECT_GE(g.y, s.text_bottom()) << "page " << i + 1 << " '" << g.text << "'";
        EXPECT_LE(g.y, s.text_top()) << "page " << i + 1 << " '" << g.text << "'";
      }
    }
    with_header += header;
  }
  EXPECT_EQ(with_header, static_cast<int>(pages.pages.size()) - 2);
}

TEST(HostileLayout, ARowTallerThanThreePagesEndsAndKeepsEveryLine) {
  Style s = narrow_style();
  s.page_height = 300;  // a text area of 156 pt: about 11 lines of a table
  FixedMeasure m;
  Diagnostics diags;
  Pages pages = layout_document(document_with({milestone_table(words(300))}), s, m, diags);
  EXPECT_EQ(diags.error_count(), 0u);
  EXPECT_GT(pages.pages.size(), 2u + 3u);
  std::vector<std::string> got;
  for (const auto& w : words_of(pages, 2))
    if (w.size() > 1 && w[0] == 'w' && std::isdigit(static_cast<unsigned char>(w[1]))) got.push_back(w);
  ASSERT_EQ(got.size(), 300u);
  for (int i = 0; i < 300; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], "w" + std::to_string(i));
  for (size_t i = 2; i < pages.pages.size(); ++i)
    for (const auto& g : pages.pages[i].text)
      if (g.text.starts_with("w")) {
        EXPECT_GE(g.y, s.text_bottom()) << "page " << i + 1;
        EXPECT_LE(g.y, s.text_top()) << "page " << i + 1;
      }
}

TEST(HostileLayout, AnUnbrokenRunOf65536CharactersIsBrokenIntoLines) {
  FixedMeasure m;
  LineBreaker lb(m, "en");
  const std::string run(65536, 'x');
  auto lines = lb.lines({{run, Face::Regular, {}, {}, {}}}, 10, 100, true);  // 20 characters a line
  ASSERT_EQ(lines.size(), 65536u / 20 + 1);
  size_t total = 0;
  for (const auto& l : lines) {
    EXPECT_LE(l.width, 100 + 1e-9);
    for (const auto& p : l.pieces) total += p.text.size();
  }
  EXPECT_EQ(total, 65536u);
  // In a table cell too, through the whole layout.
  Style s = narrow_style();
  Diagnostics diags;
  Pages pages = layout_document(document_with({milestone_table(run)}), s, m, diags);
  EXPECT_EQ(diags.error_count(), 0u);
  size_t xs = 0;
  for (size_t i = 2; i < pages.pages.size(); ++i)
    for (const auto& g : pages.pages[i].text)
      if (!g.text.empty() && g.text.find_first_not_of('x') == std::string::npos) xs += g.text.size();
  EXPECT_EQ(xs, 65536u);
}

TEST(HostileLayout, ALineOfZeroWidthCharactersIsStillBounded) {
  // A base letter with 20,000 combining marks is one grapheme cluster; with zero-width marks it
  // would fit any line. Lines stay within limits::kMaxLineBytes all the same.
  class ZeroMarks : public FixedMeasure {
   public:
    double width(Face f, double size, std::string_view s) const override {
      std::string rest;
      for (size_t i = 0; i < s.size(); ++i)
        if (!(i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xCC && static_cast<unsigned char>(s[i + 1]) == 0x81))
          rest += s[i];
        else
          ++i;
      return FixedMeasure::width(f, size, rest);
    }
  } m;
  LineBreaker lb(m, "en");
  std::string run = "a";
  for (int i = 0; i < 20000; ++i) run += "\xCC\x81";  // U+0301 COMBINING ACUTE ACCENT
  auto lines = lb.lines({{run, Face::Regular, {}, {}, {}}}, 10, 100, false);
  size_t total = 0;
  for (const auto& l : lines) {
    size_t bytes = 0;
    for (const auto& p : l.pieces) bytes += p.text.size();
    EXPECT_LE(bytes, limits::kMaxLineBytes);
    total += bytes;
  }
  EXPECT_EQ(total, run.size());
}

TEST(HostileLayout, MorePagesThanTheLimitIsE004AndTheEditionIsLeftOut) {
  Style s;
  s.page_height = s.margin_top + s.margin_bottom + s.body.leading * 1.5;  // one line a page
  FixedMeasure m;
  Diagnostics diags;
  std::vector<doc::Block> blocks;
  // Lines of 8 words in a 467 pt column at 10 pt (5 pt a character): about limit + 100 lines.
  doc::Block b = renaksi::testing::paragraph(words((limits::kMaxPagesPerEdition + 100) * 8, "abcdef"), "long");
  const auto t0 = std::chrono::steady_clock::now();
  Pages pages = layout_document(document_with({b}), s, m, diags);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(20));
  EXPECT_TRUE(pages.pages.empty());
  ASSERT_EQ(diags.error_count(), 1u);
  const Diagnostic& e = diags.all().back();
  EXPECT_EQ(e.code, Code::E004);
  EXPECT_EQ(e.loc.str(), "commitments/1-p.xml:2:3");  // the block being placed, in the content
  EXPECT_NE(e.message.find("p.en.pdf needs more than"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find(std::to_string(limits::kMaxPagesPerEdition)), std::string::npos) << e.message;
}


TEST(HostileLayout, MissingGlyphsAreOneWarningPerLocationNamingTheCharacters) {
  // FixedMeasure lacks U+FFFF only.
  FixedMeasure m;
  Diagnostics diags;
  const std::string lack = "\xEF\xBF\xBF";
  Pages pages = layout_document(
      document_with({renaksi::testing::paragraph("one " + lack + " two " + lack + lack, "a", 12),
                     renaksi::testing::paragraph("three " + lack, "b", 17)}),
      Style{}, m, diags);
  ASSERT_EQ(diags.warning_count(), 2u);
  EXPECT_EQ(diags.all()[0].code, Code::E002);
  // At the content the text came from, naming the edition.
  EXPECT_EQ(diags.all()[0].loc.str(), "commitments/1-p.xml:12:3");
  EXPECT_NE(diags.all()[0].message.find("the fonts of p.en.pdf cannot show"), std::string::npos) << diags.all()[0].message;
  EXPECT_NE(diags.all()[0].message.find("U+FFFF"), std::string::npos) << diags.all()[0].message;
  EXPECT_NE(diags.all()[0].message.find("3 times"), std::string::npos) << diags.all()[0].message;
  EXPECT_EQ(diags.all()[1].loc.str(), "commitments/1-p.xml:17:3");
}

// A Measure that covers only ASCII, to stand in for fonts without emoji.
class AsciiOnly : public FixedMeasure {
 public:
  bool covers(Face, char32_t c) const override { return c < 0x80; }
};

TEST(HostileLayout, ATitleTheFontsCannotShowIsOneWarningAtTheEditionNotOnePerPage) {
  FixedMeasure m;
  Diagnostics diags;
  doc::Document d = document_with({renaksi::testing::paragraph(words(3000), "a")});
  d.front[0].title = "Title \xEF\xBF\xBF";  // on the cover and in every running head
  Pages pages = layout_document(d, Style{}, m, diags);
  ASSERT_GT(pages.pages.size(), 5u);
  ASSERT_EQ(diags.warning_count(), 1u);
  EXPECT_EQ(diags.all()[0].loc.str(), "plan.xml:1:1");  // the plan's title comes from plan.xml
  EXPECT_NE(diags.all()[0].message.find(std::to_string(pages.pages.size()) + " times"), std::string::npos)
      << diags.all()[0].message;
}

TEST(HostileLayout, ADocumentFullOfEmojiGivesAHandfulOfWarnings) {
  AsciiOnly m;
  Diagnostics diags;
  std::vector<doc::Block> blocks;
  std::string emoji;
  for (char32_t c = 0x1F600; c < 0x1F640; ++c) {
    icu::UnicodeString u(static_cast<UChar32>(c));
    u.toUTF8String(emoji);
  }
  for (int i = 0; i < 50; ++i) blocks.push_back(renaksi::testing::paragraph("text " + emoji, "p" + std::to_string(i), 10 + i));
  layout_document(document_with(blocks), Style{}, m, diags);
  EXPECT_EQ(diags.error_count(), 0u);
  ASSERT_LE(diags.warning_count(), limits::kMaxGlyphWarnings + 1);
  ASSERT_GE(diags.warning_count(), 2u);
  for (const auto& w : diags.all()) EXPECT_EQ(w.code, Code::E002);
  // The first names its location, the characters as U+XXXX and themselves, and how many more.
  const auto& first = diags.all().front();
  EXPECT_EQ(first.loc.str(), "commitments/1-p.xml:10:3");
  EXPECT_NE(first.message.find("U+1F600 \xF0\x9F\x98\x80"), std::string::npos) << first.message;
  EXPECT_NE(first.message.find("and 56 more"), std::string::npos) << first.message;
  // The last sums up the rest.
  const auto& last = diags.all().back();
  EXPECT_NE(last.message.find("and " + std::to_string(50 - limits::kMaxGlyphWarnings) + " more"), std::string::npos)
      << last.message;
}

// The entry point for the fuzz helper: break a paragraph and paginate it with a fixed measure.
TEST(HostileLayout, BreakAndPaginateAnyParagraph) {
  FixedMeasure m;
  LineBreaker lb(m, "id");
  auto lines = lb.lines({{words(2000), Face::Regular, {}, {}, {}}}, 10, 120, true);
  Paginator p({0}, 200, 0);
  Column c;
  for (const auto& l : lines) {
    Box b;
    b.height = 14;
    for (const auto& piece : l.pieces) b.text.push_back({piece.x, 11, piece.face, 10, {}, piece.text, 0, {}});
    c.boxes.push_back(std::move(b));
  }
  EXPECT_TRUE(p.place({c}));
  EXPECT_EQ(p.pages().size(), (lines.size() + 13) / 14);
}

}  // namespace
}  // namespace renaksi::layout
