// The PDF writer under hostile input: a milestone activity of 400 words (a table row taller
// than a page) built end to end and read back with pdftotext; a run of 65,536 characters
// without a break point; more pages than an edition may have (E004); libharu failing (E003,
// the edition left out, no crash); characters the fonts lack (E002, aggregated).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "driver/pipeline.h"
#include "emit/pdf/pdf_document.h"
#include "emit/pdf/pdf_pass.h"
#include "env/limits.h"
#include "support/command.h"
#include "support/paths.h"
#include "support/small_document.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::run_shell;

prose::Inlines text(const std::string& s) { return testing::text_run(s); }

std::string words(int n, const std::string& prefix) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " " : "") + prefix + std::to_string(i);
  return s;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

layout::Style a4() { return testing::a4_style(); }

doc::Document one_paragraph(const std::string& body) {
  return testing::one_chapter("foreword", "Foreword", {testing::paragraph(body, "para")});
}

Env fixed_env() {
  Env env;
  env.source_date_epoch = 0;
  return env;
}

TEST(HostilePdf, AMilestoneOf400WordsIsBuiltEndToEndWithEveryWord) {
  testing::TempDir dir("hostile-pdf");
  fs::copy(testing::fixtures_dir() / "check" / "base", dir.path() / "plan", fs::copy_options::recursive);
  const fs::path c = dir.path() / "plan" / "commitments" / "01.xml";
  std::string xml = read(c);
  const std::string id = "<text xml:lang=\"id\">Kegiatan</text>", en = "<text xml:lang=\"en\">Activity</text>";
  ASSERT_NE(xml.find(id), std::string::npos);
  ASSERT_NE(xml.find(en), std::string::npos);
  xml.replace(xml.find(id), id.size(), "<text xml:lang=\"id\">" + words(400, "kata") + "</text>");
  xml.replace(xml.find(en), en.size(), "<text xml:lang=\"en\">" + words(400, "word") + "</text>");
  std::ofstream(c, std::ios::binary) << xml;

  Env env = Env::from_environment();
  env.cache_dir = dir.path() / "cache";
  env.source_date_epoch = 1543536000;
  const auto t0 = std::chrono::steady_clock::now();
  ArchiveBuild build = build_archive(dir.path() / "plan", env);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(60));
  EXPECT_EQ(build.error_count(), 0u);
  int pdfs = 0;
  for (const auto& [path, bytes] : build.outputs.files()) {
    if (!path.ends_with(".pdf")) continue;
    ++pdfs;
    const fs::path f = dir.path() / "out.pdf";
    std::ofstream(f, std::ios::binary) << bytes;
    auto r = run_shell("timeout 20 pdftotext -enc UTF-8 '" + f.string() + "' -");
    ASSERT_EQ(r.exit_code, 0) << path;
    // Every word once and in order, in each language the edition has.
    for (const std::string prefix : {"kata", "word"}) {
      if (path.ends_with(".en.pdf") && prefix == "kata") continue;
      if (path.ends_with(".id.pdf") && prefix == "word") continue;
      size_t at = 0;
      for (int i = 0; i < 400; ++i) {
        const std::string w = prefix + std::to_string(i);
        size_t found = r.out.find(w, at);
        while (found != std::string::npos && std::isdigit(static_cast<unsigned char>(r.out[found + w.size()])))
          found = r.out.find(w, found + 1);
        ASSERT_NE(found, std::string::npos) << path << ": '" << w << "' not after offset " << at;
        at = found + w.size();
      }
    }
  }
  EXPECT_GE(pdfs, 2);
}

TEST(HostilePdf, ARunOf65536CharactersWithoutABreakPointIsWritten) {
  const layout::Style style = a4();
  Diagnostics diags;
  size_t pages = 0;
  std::string bytes = pdf_of(one_paragraph(std::string(65536, 'x')), style, fixed_env(), diags, &pages);
  EXPECT_EQ(diags.error_count(), 0u);
  ASSERT_FALSE(bytes.empty());
  testing::TempDir dir("hostile-run");
  const fs::path f = dir.path() / "run.pdf";
  std::ofstream(f, std::ios::binary) << bytes;
  auto r = run_shell("timeout 20 pdftotext -enc UTF-8 '" + f.string() + "' -");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), 'x'), 65536);
}

TEST(HostilePdf, MeasuringMoreThanLibharuMeasuresAtOnceIsNotAnError) {
  const layout::Style style = a4();
  Diagnostics diags;
  pdf::PdfDocument pdf(style, diags);
  ASSERT_TRUE(pdf.ok());
  const double one = pdf.width(layout::Face::Regular, 10, "x");
  EXPECT_NEAR(pdf.width(layout::Face::Regular, 10, std::string(100000, 'x')), one * 100000, one * 100000 * 1e-6);
  layout::Pages pages;
  pages.pages.emplace_back();
  EXPECT_FALSE(pdf.render(pages, {"t", "a", "s", "k", {}, "p.en.pdf", "en"}).empty());
  EXPECT_EQ(diags.error_count(), 0u);
}

// render() frees libharu's document once it has the file: measuring or rendering again after
// it is never a use of freed memory (the sanitizer build runs this), only nothing.
TEST(HostilePdf, ADocumentRendersOnceAndMeasuresNothingAfter) {
  const layout::Style style = a4();
  Diagnostics diags;
  pdf::PdfDocument pdf(style, diags);
  ASSERT_TRUE(pdf.ok());
  EXPECT_GT(pdf.width(layout::Face::Bold, 10, "measured before"), 0);
  layout::Pages pages;
  pages.pages.emplace_back();
  pages.pages.back().text.push_back({10, 700, layout::Face::Regular, 10, {}, "text", 0, pages.langs.id("id"), -1});
  EXPECT_FALSE(pdf.render(pages, {"t", "a", "s", "k", {}, "p.en.pdf", "en"}).empty());
  EXPECT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.width(layout::Face::Regular, 10, "not measured before"), 0);
  EXPECT_GT(pdf.width(layout::Face::Bold, 10, "measured before"), 0);  // remembered, not measured again
  EXPECT_EQ(pdf.ascent(layout::Face::Italic), 0);
  EXPECT_TRUE(pdf.render(pages, {"t", "a", "s", "k", {}, "p.en.pdf", "en"}).empty());
  EXPECT_EQ(diags.error_count(), 0u);
}

TEST(HostilePdf, ALibharuFailureIsE003AndTheEditionIsLeftOut) {
  layout::Style style = a4();
  style.page_width = 1;  // libharu refuses a page narrower than 3 points
  Diagnostics diags;
  pdf::PdfDocument pdf(style, diags);
  ASSERT_TRUE(pdf.ok());
  layout::Pages pages;
  pages.pages.emplace_back();
  pages.pages.back().text.push_back({10, 10, layout::Face::Regular, 10, {}, "text", 0, {}});
  EXPECT_TRUE(pdf.render(pages, {"t", "a", "s", "k", {}, "p.en.pdf", "en"}).empty());
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.all()[0].code, Code::E003);
  EXPECT_EQ(diags.all()[0].loc.file, "p.en.pdf");
  EXPECT_NE(diags.all()[0].message.find("page 1"), std::string::npos) << diags.all()[0].message;
}

TEST(HostilePdf, AFontThatIsNotAFontIsE001NotACrash) {
  layout::Style style = a4();
  testing::TempDir dir("hostile-font");
  std::ofstream(dir.path() / "bad.ttf") << "not a font";
  style.fonts[1] = dir.path() / "bad.ttf";
  style.fonts[2] = dir.path() / "missing.ttf";
  Diagnostics diags;
  std::string bytes = pdf_of(one_paragraph("text"), style, fixed_env(), diags);
  EXPECT_TRUE(bytes.empty());
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.all()[0].code, Code::E001);
  EXPECT_EQ(diags.all()[0].loc.file, (dir.path() / "bad.ttf").string());
}

TEST(HostilePdf, MorePagesThanTheLimitIsE004AndNoFile) {
  layout::Style style = a4();
  style.page_height = style.margin_top + style.margin_bottom + style.body.leading * 1.5;  // one line a page
  Diagnostics diags;
  size_t pages = 0;
  const auto t0 = std::chrono::steady_clock::now();
  std::string bytes =
      pdf_of(one_paragraph(words(limits::kMaxPagesPerEdition * 12, "abcdef")), style, fixed_env(), diags, &pages);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(30));
  EXPECT_TRUE(bytes.empty());
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.all()[0].code, Code::E004);
  EXPECT_EQ(diags.all()[0].loc.str(), "commitments/1-p.xml:2:3");  // the paragraph that did not fit
  EXPECT_NE(diags.all()[0].message.find("p.en.pdf needs more than"), std::string::npos) << diags.all()[0].message;
}

TEST(HostilePdf, ADocumentFullOfEmojiAndCjkGivesAHandfulOfWarnings) {
  const layout::Style style = a4();
  doc::Document d = one_paragraph("start");
  std::string mixed = "\xF0\x9F\x98\x80 \xE6\xBC\xA2\xE5\xAD\x97 \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A";  // 😀 漢字 عربي
  for (int i = 0; i < 40; ++i) {
    doc::Block b = d.chapters[0].blocks[0];
    b.anchor = "b" + std::to_string(i);
    b.loc.line = 10 + i;
    std::get<doc::Paragraph>(b.content).parts[0].value = text("text " + mixed + " " + mixed);
    d.chapters[0].blocks.push_back(b);
  }
  Diagnostics diags;
  std::string bytes = pdf_of(d, style, fixed_env(), diags);
  EXPECT_FALSE(bytes.empty());
  EXPECT_EQ(diags.error_count(), 0u);
  EXPECT_EQ(diags.warning_count(), limits::kMaxGlyphWarnings + 1);
  for (const auto& w : diags.all()) EXPECT_EQ(w.code, Code::E002);
  EXPECT_EQ(diags.all()[0].loc.str(), "commitments/1-p.xml:10:3");
  EXPECT_NE(diags.all()[0].message.find("U+1F600 \xF0\x9F\x98\x80"), std::string::npos) << diags.all()[0].message;
  EXPECT_NE(diags.all()[0].message.find("U+6F22 \xE6\xBC\xA2"), std::string::npos) << diags.all()[0].message;
  EXPECT_NE(diags.all().back().message.find("and " + std::to_string(40 - limits::kMaxGlyphWarnings) + " more"),
            std::string::npos)
      << diags.all().back().message;
}

}  // namespace
}  // namespace renaksi
