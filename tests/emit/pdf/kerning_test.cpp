// Kerning: the PDF's measure includes the font's kerning (HarfBuzz), the drawn text follows it,
// and a reader still extracts the words whole.
#include "emit/pdf/pdf_document.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "support/command.h"
#include "support/paths.h"
#include "support/small_document.h"

namespace renaksi {
namespace {

layout::Style a4() { return testing::a4_style(); }

TEST(Kerning, KernedPairsAreNarrowerThanTheirLetters) {
  const layout::Style style = a4();
  Diagnostics diags;
  pdf::PdfDocument pdf(style, diags);
  ASSERT_TRUE(pdf.ok());
  // ("Fo" has no kerning pair in Noto Sans: it measures as its letters.)
  for (const char* pair : {"AV", "To", "Ta"}) {
    const std::string p(pair);
    const double apart = pdf.width(layout::Face::Regular, 10, p.substr(0, 1)) + pdf.width(layout::Face::Regular, 10, p.substr(1));
    EXPECT_LT(pdf.width(layout::Face::Regular, 10, p), apart - 0.05) << p;
  }
  // A space neither kerns nor is kerned: a text measures as its words and spaces.
  const double words = pdf.width(layout::Face::Regular, 10, "Foreword") + pdf.width(layout::Face::Regular, 10, " ") +
                       pdf.width(layout::Face::Regular, 10, "AVA");
  EXPECT_NEAR(pdf.width(layout::Face::Regular, 10, "Foreword AVA"), words, 1e-9);
}

TEST(Kerning, KernedTextExtractsWhole) {
  const layout::Style style = a4();
  Diagnostics diags;
  pdf::PdfDocument pdf(style, diags);
  ASSERT_TRUE(pdf.ok());
  layout::Pages pages;
  pages.pages.emplace_back();
  pages.pages[0].text.push_back({100, 700, layout::Face::Regular, 12, {}, "Foreword", 0, {}});
  pages.pages[0].text.push_back({100 + pdf.width(layout::Face::Regular, 12, "Foreword") + 3, 700, layout::Face::Regular, 12, {}, "AVATAR", 0, {}});
  pdf::DocumentInfo info;
  info.file = "kerning.pdf";
  const std::string bytes = pdf.render(pages, info);
  ASSERT_FALSE(bytes.empty());
  testing::TempDir dir("kerning");
  const auto file = dir.path() / "k.pdf";
  std::ofstream(file, std::ios::binary) << bytes;
  auto r = testing::run_shell("pdftotext -bbox '" + file.string() + "' -");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find(">Foreword</word>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(">AVATAR</word>"), std::string::npos) << r.out;
}

// A face of the style's font file, read by FreeType.
struct FtFace {
  explicit FtFace(const std::string& file) {
    if (FT_Init_FreeType(&lib) == 0) FT_New_Face(lib, file.c_str(), 0, &face);
  }
  ~FtFace() {
    if (face) FT_Done_Face(face);
    if (lib) FT_Done_FreeType(lib);
  }
  FtFace(const FtFace&) = delete;
  FtFace& operator=(const FtFace&) = delete;
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
};

TEST(Kerning, TheDocumentsOfAFontFileShareWhatItsWordsKern) {
  const layout::Style style = a4();
  const std::string regular = style.fonts[static_cast<size_t>(layout::Face::Regular)].string();
  const std::string bold = style.fonts[static_cast<size_t>(layout::Face::Bold)].string();
  FtFace one(regular), two(regular), other(bold);
  ASSERT_TRUE(one.face && two.face && other.face);
  pdf::Kerning first(one.face, regular), second(two.face, regular), bolder(other.face, bold);
  const std::vector<pdf::Kern>& kerns = first.of("AVATAR Tower");
  ASSERT_FALSE(kerns.empty());
  EXPECT_EQ(kerns.front().at, 1u);  // after the A, the V moves closer
  EXPECT_LT(kerns.front().shift, 0);
  // The second face of the same file reads what the first shaped: the same entry, not a copy.
  EXPECT_EQ(&second.of("AVATAR Tower"), &kerns);
  // Another file shapes its own (its own table, whatever the numbers are).
  EXPECT_NE(&bolder.of("AVATAR Tower"), &kerns);
  EXPECT_TRUE(first.of("").empty());
  EXPECT_TRUE(first.of(std::string(5000, 'A')).empty());  // longer than a line: unkerned
}

TEST(Kerning, DocumentsMeasuringOnThreadsAtOnceMeasureAsOneAlone) {
  const layout::Style style = a4();
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) words.push_back("AV" + std::to_string(i * 7919) + "To" + std::string(1, static_cast<char>('a' + i % 26)));
  auto measure = [&](std::vector<double>& out) {
    Diagnostics diags;
    pdf::PdfDocument pdf(style, diags);
    ASSERT_TRUE(pdf.ok());
    for (const auto& w : words) out.push_back(pdf.width(layout::Face::Italic, 10, w));
  };
  std::vector<double> a, b, alone;
  std::thread ta([&] { measure(a); });
  std::thread tb([&] { measure(b); });
  ta.join();
  tb.join();
  measure(alone);
  EXPECT_EQ(a, alone);
  EXPECT_EQ(b, alone);
}

}  // namespace
}  // namespace renaksi
