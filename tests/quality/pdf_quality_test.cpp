// The quality measures (pipeline/quality/pdf_quality.h) on hand-made pdftotext -bbox-layout
// documents: each measure fires on the one fault a document has, and none fires on a clean one.
#include "quality/pdf_quality.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "quality/bbox_reader.h"

namespace renaksi::quality {
namespace {

// A4, a text area from x 64 to 531 and y 72 to about 770, Noto Sans-like metrics: a word is
// 0.5 em a character wide, a space 0.26 em, a line 1.362 em high; body text 9.5 pt on 13.6 pt.
constexpr double kLeft = 64, kRight = 531, kBody = 9.5, kPitch = 13.6;

std::string num(double d) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", d);
  return b;
}
std::string box(double x0, double y0, double x1, double y1) {
  return "xMin=\"" + num(x0) + "\" yMin=\"" + num(y0) + "\" xMax=\"" + num(x1) + "\" yMax=\"" + num(y1) + "\"";
}

// Seventeen "lorem": a full justified line with gaps of 1.6 normal spaces.
std::vector<std::string> full_words(int n = 17) { return std::vector<std::string>(static_cast<size_t>(n), "lorem"); }

class PageBuilder {
 public:
  explicit PageBuilder(int number) {
    line_block({"Plan", "2018"}, 34, 7.5, false);
    line_block({"Page", std::to_string(number)}, 796, 7.5, false);
  }
  // A paragraph: every line justified to the right edge but the last (unless `last_full`).
  PageBuilder& paragraph(const std::vector<std::vector<std::string>>& lines, bool last_full = false) {
    std::string ls;
    const double top = y_;
    double right = kLeft;
    for (size_t i = 0; i < lines.size(); ++i) {
      const bool justify = i + 1 < lines.size() || last_full;
      ls += line(lines[i], y_, kBody, justify, right);
      y_ += kPitch;
    }
    add_block(ls, top, right, y_ - kPitch + kBody * 1.362);
    y_ += 6;
    return *this;
  }
  PageBuilder& heading(const std::vector<std::string>& words, double size = 11.7) {
    y_ += 4;
    double right = kLeft;
    std::string l = line(words, y_, size, false, right);
    add_block(l, y_, right, y_ + size * 1.362);
    y_ += size * 1.362 + 6;
    return *this;
  }
  // Paragraphs of five lines until `bottom`, the last ending there.
  PageBuilder& fill(double bottom = 760) {
    while (y_ + 5 * kPitch < bottom) paragraph({full_words(), full_words(), full_words(), full_words(), {"lorem", "ipsum."}});
    return *this;
  }
  double y() const { return y_; }
  std::string xhtml() const { return "<page width=\"595.276\" height=\"841.890\"><flow>" + blocks_ + "</flow></page>"; }

 private:
  void line_block(const std::vector<std::string>& words, double y, double size, bool justify) {
    double right = kLeft;
    std::string l = line(words, y, size, justify, right);
    add_block(l, y, right, y + size * 1.362);
  }
  std::string line(const std::vector<std::string>& words, double y, double size, bool justify, double& right) {
    double width = 0;
    for (const auto& w : words) width += 0.5 * size * static_cast<double>(w.size());
    double gap = 0.26 * size;
    if (justify && words.size() > 1) gap = (kRight - kLeft - width) / static_cast<double>(words.size() - 1);
    std::string ws;
    double x = kLeft;
    for (const auto& w : words) {
      const double x1 = x + 0.5 * size * static_cast<double>(w.size());
      ws += "<word " + box(x, y, x1, y + size * 1.362) + ">" + w + "</word>";
      right = std::max(right, x1);
      x = x1 + gap;
    }
    return "<line " + box(kLeft, y, right, y + size * 1.362) + ">" + ws + "</line>";
  }
  void add_block(const std::string& lines, double top, double right, double bottom) {
    blocks_ += "<block " + box(kLeft, top, right, bottom) + ">" + lines + "</block>";
  }
  double y_ = 72;
  std::string blocks_;
};

QualityFigures measure(const std::vector<PageBuilder>& pages) {
  std::string x = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><doc>";
  for (const auto& p : pages) x += p.xhtml();
  x += "</doc></body></html>";
  std::string error;
  auto doc = read_bbox_xhtml(x, error);
  EXPECT_TRUE(doc) << error;
  return doc ? analyse(*doc) : QualityFigures{};
}

std::string findings(const QualityFigures& f) {
  std::string s;
  for (const auto& x : f.findings) s += describe(x) + "\n";
  return s;
}

void expect_only(const QualityFigures& f, int loose2, int loose3, int widows, int orphans, int headings, int cuts,
                 int near_empty) {
  EXPECT_EQ(f.loose_2x, loose2) << findings(f);
  EXPECT_EQ(f.loose_3x, loose3) << findings(f);
  EXPECT_EQ(f.widows, widows) << findings(f);
  EXPECT_EQ(f.orphans, orphans) << findings(f);
  EXPECT_EQ(f.headings_at_foot, headings) << findings(f);
  EXPECT_EQ(f.cuts, cuts) << findings(f);
  EXPECT_EQ(f.near_empty_pages, near_empty) << findings(f);
}

// Three full pages, a heading with its text, a short last page.
std::vector<PageBuilder> clean() {
  std::vector<PageBuilder> pages;
  pages.emplace_back(1);
  pages.back().heading({"Introduction"}).fill();
  pages.emplace_back(2);
  pages.back().fill(400).heading({"Results"}).fill();
  pages.emplace_back(3);
  pages.back().paragraph({full_words(), {"the", "end."}});
  return pages;
}

TEST(PdfQuality, ACleanDocumentHasNoFinding) {
  auto f = measure(clean());
  EXPECT_EQ(f.pages, 3);
  EXPECT_GT(f.words, 1000);
  EXPECT_GT(f.justified_lines, 50);
  EXPECT_NEAR(f.normal_space_em, 0.26, 0.01);
  EXPECT_LT(f.worst_gap_em, 0.52);
  expect_only(f, 0, 0, 0, 0, 0, 0, 0);
  EXPECT_TRUE(f.findings.empty()) << findings(f);
  EXPECT_NE(summary(f).find("pages 3, lines>2x 0"), std::string::npos) << summary(f);
}

TEST(PdfQuality, LooseLinesOverTwiceAndThreeTimesTheNormalSpace) {
  auto pages = clean();
  // 16 words on a full line: gaps of 0.61 em (2.35x); 3 words: about 20x.
  pages[1].paragraph({full_words(16), {"alpha", "beta", "gamma"}, full_words(), {"done."}});
  auto f = measure(pages);
  expect_only(f, 2, 1, 0, 0, 0, 0, 0);
  EXPECT_GT(f.worst_gap_em, 10);
  EXPECT_NE(findings(f).find("p2: loose 2.3x 'lorem lorem"), std::string::npos) << findings(f);
  EXPECT_NE(findings(f).find("'alpha beta gamma'"), std::string::npos) << findings(f);
}

TEST(PdfQuality, AWidowIsAParagraphsLastLineAloneAtTheTopOfAPage) {
  std::vector<PageBuilder> pages;
  pages.emplace_back(1);
  pages.back().fill(700).paragraph({full_words(), full_words(), full_words()}, /*last_full=*/true);
  pages.emplace_back(2);
  pages.back().paragraph({{"widowed."}}).fill();
  pages.emplace_back(3);
  pages.back().fill(300);
  auto f = measure(pages);
  expect_only(f, 0, 0, 1, 0, 0, 0, 0);
  EXPECT_NE(findings(f).find("p2: widow 'widowed.'"), std::string::npos) << findings(f);
}

TEST(PdfQuality, AnOrphanIsAParagraphsFirstLineAloneAtTheFootOfAPage) {
  std::vector<PageBuilder> pages;
  pages.emplace_back(1);
  pages.back().fill(740).paragraph({full_words()}, /*last_full=*/true);
  pages.emplace_back(2);
  pages.back().paragraph({full_words(), full_words(), {"continued."}}).fill();
  pages.emplace_back(3);
  pages.back().fill(300);
  auto f = measure(pages);
  expect_only(f, 0, 0, 0, 1, 0, 0, 0);
  EXPECT_NE(findings(f).find("p1: orphan 'lorem lorem"), std::string::npos) << findings(f);
}

TEST(PdfQuality, AHeadingAtTheFootOrWithOneLineBelowIt) {
  std::vector<PageBuilder> pages;
  pages.emplace_back(1);
  pages.back().fill(740).heading({"Stranded"});
  pages.emplace_back(2);
  pages.back().fill(720).heading({"Nearly"}).paragraph({full_words()}, true);
  pages.emplace_back(3);
  pages.back().paragraph({full_words(), {"rest."}}).fill();
  pages.emplace_back(4);
  pages.back().fill(300);
  auto f = measure(pages);
  EXPECT_EQ(f.headings_at_foot, 2) << findings(f);
  EXPECT_NE(findings(f).find("p1: heading at foot 'Stranded'"), std::string::npos) << findings(f);
  EXPECT_NE(findings(f).find("p2: heading at foot 'Nearly (+1 line)'"), std::string::npos) << findings(f);
  EXPECT_EQ(f.widows + f.near_empty_pages + f.cuts + f.loose_2x, 0) << findings(f);
}

TEST(PdfQuality, AWordCutWithoutAHyphen) {
  auto pages = clean();
  std::vector<std::string> first = full_words(16);
  first.push_back("pemerin");
  std::vector<std::string> second = full_words(16);
  second.insert(second.begin(), "tah");
  pages[1].paragraph({{"the", "pemerintah", "said."}});
  pages[1].paragraph({first, second, {"lorem", "the"}, {"government", "did."}});
  auto f = measure(pages);
  EXPECT_EQ(f.cuts, 1) << findings(f);
  EXPECT_NE(findings(f).find("p2: cut 'pemerin/tah'"), std::string::npos) << findings(f);
  // "the" / "government" across a line is a normal break: both are words.
  EXPECT_EQ(findings(f).find("the/government"), std::string::npos);
}

TEST(PdfQuality, ANearEmptyPageThatIsNotAChaptersEnd) {
  std::vector<PageBuilder> pages;
  pages.emplace_back(1);
  pages.back().fill();
  pages.emplace_back(2);
  pages.back().heading({"Contact"}).paragraph({{"a", "small", "table."}});
  pages.emplace_back(3);
  pages.back().fill();
  pages.emplace_back(4);
  pages.back().fill(300);
  auto f = measure(pages);
  expect_only(f, 0, 0, 0, 0, 0, 0, 1);
  EXPECT_NE(findings(f).find("p2: near-empty"), std::string::npos) << findings(f);
}

TEST(PdfQuality, AChaptersShortLastPageIsNotNearEmpty) {
  std::vector<PageBuilder> pages;
  pages.emplace_back(1);
  pages.back().fill();
  pages.emplace_back(2);
  pages.back().paragraph({full_words(), {"the", "chapter", "ends."}});
  pages.emplace_back(3);
  pages.back().heading({"Chapter", "Two"}, 19).fill();
  pages.emplace_back(4);
  pages.back().fill(300);
  auto f = measure(pages);
  expect_only(f, 0, 0, 0, 0, 0, 0, 0);
}

TEST(PdfQuality, BoldAndSizeComeFromPdftohtmlRuns) {
  std::string error;
  auto doc = read_bbox_xhtml(
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><doc><page width=\"600\" height=\"800\"><flow><block " +
          box(10, 10, 100, 24) + "><line " + box(10, 10, 100, 24) + "><word " + box(10, 10, 100, 24) +
          ">Heading</word></line></block></flow></page></doc></body></html>",
      error);
  ASSERT_TRUE(doc) << error;
  auto runs = read_font_runs(
      "<?xml version=\"1.0\"?><pdf2xml><page number=\"1\" height=\"2400\" width=\"1800\">"
      "<fontspec id=\"0\" size=\"36\" family=\"X\" color=\"#000\"/>"
      "<text top=\"30\" left=\"30\" width=\"270\" height=\"42\" font=\"0\"><b>Heading</b></text></page></pdf2xml>",
      {800}, error);
  ASSERT_EQ(runs.size(), 1u) << error;
  ASSERT_EQ(runs[0].size(), 1u);
  attach_fonts(*doc, runs);
  const Line& l = doc->pages[0].blocks[0].lines[0];
  EXPECT_TRUE(l.bold);
  EXPECT_NEAR(l.font_size, 12, 0.01);
}

TEST(PdfQuality, WhatIsNotPdftotextOutputIsAnError) {
  std::string error;
  EXPECT_FALSE(read_bbox_xhtml("not xml", error));
  EXPECT_FALSE(error.empty());
  error.clear();
  EXPECT_FALSE(read_bbox_xhtml("<html><body/></html>", error));
  EXPECT_NE(error.find("-bbox-layout"), std::string::npos);
}

}  // namespace
}  // namespace renaksi::quality
