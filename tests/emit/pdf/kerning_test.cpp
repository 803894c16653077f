// Kerning: the PDF's measure includes the font's kerning (HarfBuzz), the drawn text follows it,
// and a reader still extracts the words whole.
#include "emit/pdf/pdf_document.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

layout::Style a4() {
  Diagnostics diags;
  auto style = layout::Style::load(testing::source_dir() / "layouts" / "a4.json", diags);
  EXPECT_TRUE(style.has_value());
  return *style;
}

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

}  // namespace
}  // namespace renaksi
