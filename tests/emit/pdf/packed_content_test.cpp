// Page contents deflated as soon as they are drawn: the saved file holds the same pages as with
// libharu's own deflate at the save, no larger, and a packed page takes no more drawing.
#include "emit/pdf/packed_content.h"

#include <gtest/gtest.h>
#include <hpdf.h>
#include <hpdf_pages.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

struct DocFree {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using Doc = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree>;

// A document of `pages` pages of lines and text in a built-in font, every stream deflated.
Doc draw(int pages) {
  Doc pdf(HPDF_New(nullptr, nullptr));
  if (!pdf) return pdf;
  HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
  HPDF_Font font = HPDF_GetFont(pdf.get(), "Helvetica", nullptr);
  for (int i = 0; i < pages; ++i) {
    HPDF_Page page = HPDF_AddPage(pdf.get());
    // Many lines: a stream of several of libharu's 4,096-byte pieces, and one short page.
    const int lines = i == 1 ? 3 : 400;
    for (int l = 0; l < lines; ++l) {
      HPDF_Page_MoveTo(page, 20, static_cast<HPDF_REAL>(20 + l));
      HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(200 + (l * 37) % 300), static_cast<HPDF_REAL>(20 + l));
      HPDF_Page_Stroke(page);
    }
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 12);
    HPDF_Page_TextOut(page, 50, 700, ("Halaman " + std::to_string(i + 1)).c_str());
    HPDF_Page_EndText(page);
  }
  return pdf;
}

std::string saved(HPDF_Doc pdf) {
  if (HPDF_SaveToStream(pdf) != HPDF_OK) return {};
  std::string out(HPDF_GetStreamSize(pdf), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  if (HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size) != HPDF_OK && size != out.size()) return {};
  out.resize(size);
  return out;
}

TEST(PackedContents, TheSavedFileHoldsTheSamePagesAsLibharusOwnDeflateAndIsNoLarger) {
  Doc plain = draw(4), packed = draw(4);
  ASSERT_TRUE(plain && packed);
  pdf::PackedContents contents;
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(contents.pack(HPDF_GetPageByIndex(packed.get(), static_cast<HPDF_UINT>(i)))) << i;
  EXPECT_GT(contents.raw_bytes(), 3 * 4096u);
  EXPECT_LT(contents.packed_bytes() * 3, contents.raw_bytes());
  const std::string a = saved(plain.get()), b = saved(packed.get());
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  EXPECT_LE(b.size(), a.size());
  EXPECT_NE(a, b);  // libdeflate's stream, not zlib's
  // Both files with every stream decoded (qpdf's QDF form): the same file, byte for byte, so
  // each page's content reads back exactly as drawn, and its dictionary (the /Filter) is as
  // libharu writes it.
  testing::TempDir dir("packed");
  std::string qdf[2];
  for (int k = 0; k < 2; ++k) {
    const auto file = dir.path() / ("p" + std::to_string(k) + ".pdf");
    const auto expanded = dir.path() / ("p" + std::to_string(k) + ".qdf");
    std::ofstream(file, std::ios::binary) << (k == 0 ? a : b);
    auto check = testing::run_shell("qpdf --check '" + file.string() + "'");
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    auto qpdf = testing::run_shell("qpdf --qdf --object-streams=disable --static-id '" + file.string() + "' '" +
                                   expanded.string() + "'");
    EXPECT_EQ(qpdf.exit_code, 0) << qpdf.err;
    std::ifstream in(expanded, std::ios::binary);
    qdf[k].assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_FALSE(qdf[0].empty());
  EXPECT_TRUE(qdf[0] == qdf[1]);
  EXPECT_NE(qdf[1].find("(Halaman 4) Tj"), std::string::npos);
}

TEST(PackedContents, APackedPageTakesNoMoreDrawingAndAnEmptyOneIsLeftAsItIs) {
  Doc pdf(HPDF_New(nullptr, nullptr));
  ASSERT_TRUE(pdf);
  HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
  HPDF_Page empty = HPDF_AddPage(pdf.get());
  HPDF_Page drawn = HPDF_AddPage(pdf.get());
  HPDF_Page_MoveTo(drawn, 10, 10);
  HPDF_Page_LineTo(drawn, 100, 100);
  HPDF_Page_Stroke(drawn);
  pdf::PackedContents contents;
  EXPECT_FALSE(contents.pack(empty));
  EXPECT_FALSE(contents.pack(nullptr));
  EXPECT_TRUE(contents.pack(drawn));
  EXPECT_FALSE(contents.pack(drawn));  // not a memory stream any more
  // Drawing on it fails (the stream reads, it does not write): an error, not a write elsewhere.
  HPDF_Page_MoveTo(drawn, 10, 10);
  EXPECT_NE(HPDF_GetError(pdf.get()), static_cast<HPDF_STATUS>(HPDF_OK));
}

}  // namespace
}  // namespace renaksi
