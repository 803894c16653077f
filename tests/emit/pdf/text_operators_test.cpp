// The text operators written into a page's content stream: where each run is placed, its kerns,
// the codes of its characters, and what a reader makes of the file they are in.
#include "emit/pdf/text_operators.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "emit/pdf/pdf_document.h"
#include "support/command.h"
#include "support/paths.h"
#include "support/small_document.h"

namespace renaksi {
namespace {

std::string number(double v, int decimals) {
  std::string s;
  pdf::append_pdf_number(s, v, decimals);
  return s;
}

TEST(TextOperators, NumbersAreWrittenShortAndTheSameInEveryLocale) {
  EXPECT_EQ(number(12.5, 3), "12.5");
  EXPECT_EQ(number(-3, 3), "-3");
  EXPECT_EQ(number(0, 3), "0");
  EXPECT_EQ(number(-0.0001, 3), "0");  // not "-0"
  EXPECT_EQ(number(100.0004, 3), "100");
  EXPECT_EQ(number(0.1256, 2), "0.13");
  EXPECT_EQ(number(std::numeric_limits<double>::quiet_NaN(), 3), "0");
  EXPECT_EQ(number(std::numeric_limits<double>::infinity(), 3), "0");
  EXPECT_EQ(number(1e300, 3), "0");  // beyond any page: no 300-digit number
}

TEST(TextOperators, TheFirstRunIsPlacedAbsolutelyAndEachNextFromTheOneBefore) {
  pdf::TextOperators ops;
  std::string out;
  ops.show(out, 100, 700, "Ab", {});
  ops.show(out, 110.25, 700, "c", {});
  ops.show(out, 64, 686.4, "d", {});
  EXPECT_EQ(out,
            "1 0 0 1 100 700 Tm\n[<00410062>] TJ\n"
            "10.25 0 Td\n[<0063>] TJ\n"
            "-46.25 -13.6 Td\n[<0064>] TJ\n");
  out.clear();
  ops.reset();  // a new text object, or libharu turned the matrix
  ops.show(out, 1, 2, "e", {});
  EXPECT_EQ(out, "1 0 0 1 1 2 Tm\n[<0065>] TJ\n");
}

TEST(TextOperators, RoundingDoesNotAddUpAlongALine) {
  pdf::TextOperators ops;
  std::string out;
  const int runs = 2000;
  for (int i = 0; i < runs; ++i) ops.show(out, 50 + i * 0.3333333, 500 - i * 0.0000004, "x", {});
  // The start, then every move: their sum is where the last run is, to the rounding of one.
  std::istringstream in(out);
  std::string line;
  double x = 0, y = 0;
  int moves = 0;
  while (std::getline(in, line)) {
    std::istringstream l(line);
    std::vector<std::string> w{std::istream_iterator<std::string>(l), {}};
    if (w.size() == 7 && w[6] == "Tm") {
      x = std::stod(w[4]);
      y = std::stod(w[5]);
    } else if (w.size() == 3 && w[2] == "Td") {
      x += std::stod(w[0]);
      y += std::stod(w[1]);
      ++moves;
    }
  }
  EXPECT_EQ(moves, runs - 1);
  EXPECT_NEAR(x, 50 + (runs - 1) * 0.3333333, 0.0005 + 1e-9);
  EXPECT_NEAR(y, 500 - (runs - 1) * 0.0000004, 0.0005 + 1e-9);
}

TEST(TextOperators, KernsAreTheArraysNumbersNegated) {
  pdf::TextOperators ops;
  std::string out;
  // "AVA": the V moves 70.5 thousandths of an em closer, the last A 60 closer; kerns at the
  // run's start or past its end are not inside it and are left out.
  const std::vector<pdf::Kern> kerns = {{0, -5}, {1, -70.5}, {2, -60}, {3, -9}, {99, -9}};
  ops.show(out, 0, 0, "AVA", kerns);
  EXPECT_EQ(out, "1 0 0 1 0 0 Tm\n[<0041> 70.5 <0056> 60 <0041>] TJ\n");
  out.clear();
  const std::vector<pdf::Kern> apart = {{1, 12.25}};  // a kern apart: a negative number
  ops.show(out, 10, 0, "To", apart);
  EXPECT_EQ(out, "10 0 Td\n[<0054> -12.25 <006f>] TJ\n");
}

TEST(TextOperators, EachCharacterIsItsCodePointInTwoBytesAndWhatFontsDoNotHoldIsLeftOut) {
  pdf::TextOperators ops;
  std::string out;
  // é (2 bytes), ’ (3 bytes), an emoji beyond the BMP (4 bytes, left out as libharu leaves it),
  // a stray continuation byte and a cut sequence (malformed: left out), then z.
  ops.show(out, 0, 0, "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80\x80\xE2\x80z", {});
  EXPECT_EQ(out, "1 0 0 1 0 0 Tm\n[<006100e92019007a>] TJ\n");
  out.clear();
  ops.show(out, 0, 0, "", {});
  EXPECT_EQ(out, "0 0 Td\n[<>] TJ\n");
}

layout::Style a4() { return testing::a4_style(); }

// The file of one page holding `runs`, drawn by PdfDocument.
std::string drawn(pdf::PdfDocument& pdf, const std::vector<layout::Glyphs>& runs) {
  layout::Pages pages;
  pages.pages.emplace_back();
  pages.pages[0].text = runs;
  pdf::DocumentInfo info;
  info.file = "runs.pdf";
  return pdf.render(pages, info);
}

TEST(TextOperators, AReaderFindsEachWordWhereTheLayoutPutItKernedAndItsGlyphsAreDrawn) {
  const layout::Style style = a4();
  Diagnostics diags;
  pdf::PdfDocument pdf(style, diags);
  ASSERT_TRUE(pdf.ok());
  // Measured by the layout, as every run is; the last one never measured (its glyphs are
  // marked for the embedded subset when it is drawn) and in another face.
  const double avatar = pdf.width(layout::Face::Regular, 12, "AVATAR");
  const std::vector<layout::Glyphs> runs = {
      {100.1234, 700.5, layout::Face::Regular, 12, {}, "AVATAR"},
      {100.1234 + avatar + 3, 700.5, layout::Face::Regular, 12, {}, "Toward"},
      {72, 400, layout::Face::Bold, 40, {}, "Zyxwvq"},
  };
  const std::string bytes = drawn(pdf, runs);
  ASSERT_FALSE(bytes.empty()) << (diags.all().empty() ? "" : diags.all()[0].message);
  testing::TempDir dir("text-operators");
  const auto file = dir.path() / "t.pdf";
  std::ofstream(file, std::ios::binary) << bytes;
  auto check = testing::run_shell("qpdf --check '" + file.string() + "'");
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  auto r = testing::run_shell("pdftotext -bbox '" + file.string() + "' -");
  ASSERT_EQ(r.exit_code, 0);
  // Each word whole, starting where the layout put it; AVATAR ends where width() says (its
  // kerns are drawn as they were measured).
  for (const auto& g : runs) {
    std::smatch m;
    const std::regex word("xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">" + g.text + "</word>");
    ASSERT_TRUE(std::regex_search(r.out, m, word)) << g.text << "\n" << r.out;
    EXPECT_NEAR(std::stod(m[1]), g.x, 0.002) << g.text;
    if (g.text == "AVATAR") {
      EXPECT_NEAR(std::stod(m[2]), g.x + avatar, 0.002);
    }
  }
  // The word no layout measured is drawn: its glyphs are in the embedded font (a glyph left
  // out of the subset draws nothing).
  const auto image = dir.path() / "t";
  auto png = testing::run_shell("pdftoppm -gray -r 36 -x 30 -y 180 -W 240 -H 60 '" + file.string() + "' '" + image.string() + "'");
  ASSERT_EQ(png.exit_code, 0) << png.err;
  std::ifstream in(dir.path() / "t-1.pgm", std::ios::binary);
  std::string header, size, max;
  in >> header >> size >> max;
  in.get();
  const std::string pixels{std::istreambuf_iterator<char>(in), {}};
  ASSERT_EQ(header, "P5");
  size_t dark = 0;
  for (char c : pixels) dark += static_cast<unsigned char>(c) < 128;
  EXPECT_GT(dark, 100u) << "pixels: " << pixels.size();
}

}  // namespace
}  // namespace renaksi
