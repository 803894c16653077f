// The PDF editions as their readers and the usual tools see them: qpdf, pdffonts, pdftotext
// (text, order, word boxes), pdfinfo, bookmarks; reproducible bytes; the draft mark; a
// second layout; characters the fonts cannot show.
#include "emit/pdf/pdf_pass.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "driver/pipeline.h"
#include "layout/document_layout.h"
#include "emit/pdf/pdf_document.h"
#include "support/command.h"
#include "support/paths.h"
#include "support/shared_archive.h"
#include "support/small_document.h"
#include "support/text.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::run_shell;

// pdftotext's text, collapsed, the words the line breaker hyphenated (a U+2010 HYPHEN at a
// line's end, which pdftotext keeps) joined again.
std::string collapse(std::string s) {
  for (size_t pos; (pos = s.find("\u2010\n")) != std::string::npos;) s.erase(pos, 4);
  return testing::collapse(s);
}

class PdfEditions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    archive_ = &testing::shared_archive();  // built on 30 November 2018
    dir_ = testing::shared_archive_pdfs("pdf");
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static std::string file(const std::string& plan, const std::string& edition) {
    return (dir_->path() / plan / (plan + "." + edition + ".pdf")).string();
  }
  static const BuildState& plan(const std::string& id) {
    for (const auto& p : archive_->plans)
      if (p->loaded.plan.id == id) return *p;
    throw std::runtime_error(id);
  }
  static inline std::unique_ptr<testing::TempDir> dir_;
  static inline const ArchiveBuild* archive_ = nullptr;
};

TEST_F(PdfEditions, OnePdfPerLanguageAndABilingualOne) {
  EXPECT_EQ(archive_->error_count(), 0u);
  for (const char* e : {"id", "en", "bilingual"}) {
    EXPECT_TRUE(fs::exists(file("nap-2018-2020", e))) << e;
    EXPECT_TRUE(fs::exists(file("nap-2020-2022", e))) << e;
  }
}

TEST_F(PdfEditions, QpdfFindsNoErrors) {
  for (const char* e : {"id", "en", "bilingual"}) {
    auto r = run_shell("qpdf --check '" + file("nap-2018-2020", e) + "'");
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("No syntax or stream encoding errors"), std::string::npos);
  }
}

// The document's language in the catalogue (/Lang), and text in another language as a /Span
// marked-content sequence with its /Lang: English terms marked in Indonesian prose, the English
// column of the bilingual edition. qpdf's QDF form shows the content streams uncompressed.
TEST_F(PdfEditions, TheDocumentAndEveryOtherLanguagesTextCarryTheirLanguage) {
  auto qdf = [&](const std::string& edition) {
    const std::string out = (dir_->path() / ("qdf-" + edition + ".pdf")).string();
    auto r = run_shell("qpdf --qdf --object-streams=disable '" + file("nap-2018-2020", edition) + "' '" + out + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return testing::file_bytes(out);
  };
  auto count = [](const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
  };
  const std::string id = qdf("id"), en = qdf("en"), bilingual = qdf("bilingual");
  EXPECT_NE(id.find("/Lang (id)\n"), std::string::npos);
  EXPECT_NE(en.find("/Lang (en)\n"), std::string::npos);
  EXPECT_NE(bilingual.find("/Lang (id)\n"), std::string::npos);  // its first language
  const std::string english = "/Span <</Lang (en)>> BDC";
  EXPECT_GE(count(id, english), 10u);  // "beneficial ownership", "open contracting" …
  EXPECT_EQ(count(en, english), 0u);
  // The English column of the bilingual edition: its structure elements carry the language
  // (tests/emit/pdf/structure_tree_test.cpp), so its text needs no span.
  EXPECT_GE(count(bilingual, "/Lang (en)\n"), 300u);
  for (const auto* pdf : {&id, &en, &bilingual})
    EXPECT_EQ(count(*pdf, " BDC\n") + count(*pdf, " BMC\n"), count(*pdf, "EMC\n"));
  // The marked text is still text: pdftotext finds it.
  auto r = run_shell("pdftotext -enc UTF-8 '" + file("nap-2018-2020", "id") + "' - 2>/dev/null");
  EXPECT_NE(collapse(r.out).find("beneficial ownership"), std::string::npos);
}

TEST_F(PdfEditions, EveryFontIsEmbedded) {
  auto r = run_shell("pdffonts '" + file("nap-2018-2020", "bilingual") + "'");
  ASSERT_EQ(r.exit_code, 0);
  std::istringstream lines(r.out);
  std::string line;
  int fonts = 0;
  std::getline(lines, line);
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    ++fonts;
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(CID TrueType\s+Identity-H\s+yes\s+yes\s+yes)"))) << line;
  }
  EXPECT_GE(fonts, 3);
}

// For comparing titles: collapsed, and without hyphens, which pdftotext drops where a line
// breaks after one ("LAPOR!-" / "SP4N" comes out as "LAPOR!SP4N").
std::string comparable(const std::string& s) {
  std::string out;
  for (char c : collapse(s))
    if (c != '-') out += c;
  size_t pos;
  while ((pos = out.find("  ")) != std::string::npos) out.erase(pos, 1);
  return out;
}

TEST_F(PdfEditions, EveryCommitmentTitleInReadingOrder) {
  for (const char* lang : {"id", "en"}) {
    auto r = run_shell("pdftotext -f 3 -enc UTF-8 '" + file("nap-2018-2020", lang) + "' -");
    ASSERT_EQ(r.exit_code, 0);
    const std::string text = comparable(r.out);
    size_t at = 0;
    for (const auto& c : plan("nap-2018-2020").loaded.plan.commitments) {
      const std::string title = comparable(std::string(c.title.in(lang)));
      size_t found = text.find(title, at);
      EXPECT_NE(found, std::string::npos) << lang << ": commitment " << c.number << " '" << title << "' not after offset " << at;
      if (found != std::string::npos) at = found + title.size();
    }
  }
}

TEST_F(PdfEditions, EveryWordOfAChosenCommitment) {
  const auto& p = plan("nap-2018-2020").loaded.plan;
  const Commitment& c = p.commitments.at(9);  // LAPOR!-SP4N
  for (const char* lang : {"id", "en"}) {
    auto r = run_shell("pdftotext -enc UTF-8 '" + file("nap-2018-2020", lang) + "' -");
    const std::string text = collapse(r.out);
    const ProseStore& prose = plan("nap-2018-2020").prose;
    int words = 0;
    for (const auto& section : c.sections) {
      std::istringstream in(prose::plain_text(prose.get(std::string(section.text.in(lang)))));
      for (std::string w; in >> w; ++words) EXPECT_NE(text.find(w), std::string::npos) << lang << ": '" << w << "'";
    }
    EXPECT_GT(words, 300);
  }
}

TEST_F(PdfEditions, EveryWordInsideTheTextAreaOfItsPage) {
  const layout::Style& s = *archive_->style;
  for (const char* e : {"id", "en", "bilingual"}) {
    auto r = run_shell("pdftotext -bbox '" + file("nap-2018-2020", e) + "' -");
    const std::regex page_re(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
    const std::regex word_re(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    std::istringstream lines(r.out);
    int words = 0, page = 0;
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (std::regex_search(line, m, page_re)) {
        ++page;
        EXPECT_NEAR(std::stod(m[1]), s.page_width, 0.5);
        continue;
      }
      if (!std::regex_search(line, m, word_re)) continue;
      ++words;
      const double x0 = std::stod(m[1]), y0 = std::stod(m[2]), x1 = std::stod(m[3]), y1 = std::stod(m[4]);
      const std::string where = std::string(e) + " page " + std::to_string(page) + " '" + m[5].str() + "'";
      EXPECT_GE(x0, s.margin_left - 0.5) << where;
      EXPECT_LE(x1, s.page_width - s.margin_right + 0.5) << where;
      // Body text inside the margins; the running head and the footer in their bands.
      const bool head = y1 <= s.margin_top && y0 >= s.header_baseline_from_top - s.header_size * 1.5;
      const bool foot = y0 >= s.page_height - s.margin_bottom && y1 <= s.page_height - s.footer_baseline_from_bottom + s.footer_size;
      const bool body = y0 >= s.margin_top - 0.5 && y1 <= s.page_height - s.margin_bottom + 0.5;
      EXPECT_TRUE(head || foot || body) << where << " y " << y0 << ".." << y1;
    }
    EXPECT_GT(words, 10000) << e;
  }
}

// Every place a link or bookmark leads to is one destination, shared by all that lead there (the
// index links each commitment from every organisation it names): no two destinations alike.
TEST_F(PdfEditions, OneDestinationPerPlaceLinkedTo) {
  for (const char* edition : {"en", "bilingual"}) {
    const std::string out = (dir_->path() / ("dest-" + std::string(edition) + ".pdf")).string();
    auto r = run_shell("qpdf --qdf --object-streams=disable '" + file("nap-2018-2020", edition) + "' '" + out + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string qdf = testing::file_bytes(out);
    const std::regex xyz(R"(\[\s*(\d+) 0 R\s*/XYZ\s*([-\d.]+)\s*([-\d.]+)\s*([-\d.]+)\s*\])");
    std::set<std::string> places;
    size_t destinations = 0;
    for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), xyz); it != std::sregex_iterator(); ++it) {
      ++destinations;
      EXPECT_TRUE(places.insert((*it)[1].str() + " " + (*it)[3].str()).second) << edition << ": a second destination " << it->str();
    }
    size_t refs = 0;
    for (size_t at = qdf.find("/Dest "); at != std::string::npos; at = qdf.find("/Dest ", at + 1)) ++refs;
    EXPECT_GE(destinations, plan("nap-2018-2020").loaded.plan.commitments.size()) << edition;  // each commitment, at least
    EXPECT_GT(refs, destinations) << edition << ": some place is linked to more than once";
  }
}

TEST_F(PdfEditions, BookmarksMirrorTheTableOfContents) {
  auto r = run_shell("qpdf --json --json-key=outlines '" + file("nap-2018-2020", "en") + "'");
  ASSERT_EQ(r.exit_code, 0);
  const auto& p = plan("nap-2018-2020").loaded.plan;
  size_t titles = 0;
  for (size_t pos = r.out.find("\"title\""); pos != std::string::npos; pos = r.out.find("\"title\"", pos + 1)) ++titles;
  EXPECT_EQ(titles, p.commitments.size() + 4);  // contents, foreword, co-creation, commitments, index
  EXPECT_NE(r.out.find("Commitment 10: Quality Improvement of Public Service Complaints Resolution through LAPOR!-SP4N"),
            std::string::npos);
  EXPECT_EQ(r.out.find("\"destpageposfrom1\": null"), std::string::npos) << "every bookmark has a destination";
}

TEST_F(PdfEditions, DocumentInformationInTheEditionsLanguage) {
  auto id = run_shell("pdfinfo '" + file("nap-2018-2020", "id") + "'");
  EXPECT_NE(id.out.find("Title:           Rencana Aksi Keterbukaan Pemerintah Indonesia 2018–2020"), std::string::npos) << id.out;
  EXPECT_NE(id.out.find("Author:          Sekretariat Nasional Open Government Indonesia"), std::string::npos);
  EXPECT_NE(id.out.find("Keywords:        OGP, Partisipasi Publik"), std::string::npos);
  EXPECT_NE(id.out.find("CreationDate:    Fri Nov 30 00:00:00 2018 UTC"), std::string::npos) << id.out;
  auto en = run_shell("pdfinfo '" + file("nap-2018-2020", "en") + "'");
  EXPECT_NE(en.out.find("Title:           Open Government Indonesia National Action Plan 2018–2020"), std::string::npos);
  EXPECT_NE(en.out.find("Subject:         Fifth National Action Plan of Open Government Indonesia"), std::string::npos);
}

// With fewer threads than editions, the bilingual edition (about the two others together) is
// started first: started last, it ran alone after them and the step took half as long again.
TEST_F(PdfEditions, TheLargestEditionIsStartedFirst) {
  const BuildState& p = plan("nap-2018-2020");
  ASSERT_EQ(p.documents.size(), 3u);
  const std::vector<size_t> order = pdf_start_order(p.documents);
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(p.documents[order[0]].edition, "bilingual");
  // The single-language editions after it, in their own order.
  EXPECT_EQ(p.documents[order[1]].edition, p.documents[0].edition);
  EXPECT_EQ(p.documents[order[2]].edition, p.documents[1].edition);
  EXPECT_EQ(std::set<size_t>(order.begin(), order.end()), (std::set<size_t>{0, 1, 2}));
  EXPECT_TRUE(pdf_start_order({}).empty());
}

TEST_F(PdfEditions, TwoBuildsGiveTheSameBytes) {
  const BuildState& s = plan("nap-2018-2020");
  Env env = archive_->env;
  env.source_date_epoch = 1543536000;
  for (const auto& d : s.documents) {
    Diagnostics diags;
    std::string again = pdf_of(d, *archive_->style, env, diags);
    const std::string* first = archive_->outputs.find("nap-2018-2020/nap-2018-2020." + d.edition + ".pdf");
    ASSERT_TRUE(first);
    EXPECT_TRUE(again == *first) << d.edition << ": " << again.size() << " vs " << first->size() << " bytes";
  }
}

TEST_F(PdfEditions, ADraftCarriesItsMarkAndStageOnEveryPage) {
  const BuildState& s = plan("nap-2020-2022");
  for (const auto& d : s.documents) {
    pdf::PdfDocument measure(*archive_->style, const_cast<Diagnostics&>(s.diags));
    Diagnostics diags;
    layout::Pages pages = layout::layout_document(d, *archive_->style, measure, diags);
    for (size_t i = 0; i < pages.pages.size(); ++i) {
      ASSERT_EQ(pages.pages[i].marks.size(), 1u) << d.edition << " page " << i + 1;
      EXPECT_EQ(pages.pages[i].marks[0].text, d.langs.front() == "id" ? "DRAF 3" : "DRAFT 3");
    }
  }
  auto r = run_shell("pdftotext -enc UTF-8 '" + file("nap-2020-2022", "en") + "' -");
  size_t pages = std::count(r.out.begin(), r.out.end(), '\f');
  size_t stage = 0;
  for (size_t pos = r.out.find("Stage: Draft 3"); pos != std::string::npos; pos = r.out.find("Stage: Draft 3", pos + 1)) ++stage;
  EXPECT_EQ(stage, pages);  // the cover and every footer
  for (const auto& d : plan("nap-2018-2020").documents) EXPECT_TRUE(d.final_stage());
}

TEST_F(PdfEditions, ASecondLayoutRestylesWithoutCode) {
  Diagnostics diags;
  Env env = archive_->env;
  env.layout = "letter-compact";
  auto style = layout::Style::load(env.layout_file(), diags);
  ASSERT_TRUE(style);
  const auto& d = plan("nap-2018-2020").documents.front();
  size_t pages = 0;
  std::string bytes = pdf_of(d, *style, env, diags, &pages);
  ASSERT_FALSE(bytes.empty());
  const fs::path f = dir_->path() / "letter.pdf";
  std::ofstream(f, std::ios::binary) << bytes;
  auto info = run_shell("pdfinfo '" + f.string() + "'");
  EXPECT_NE(info.out.find("612 x 792 pts (letter)"), std::string::npos) << info.out;
  EXPECT_EQ(run_shell("qpdf --check '" + f.string() + "'").exit_code, 0);
  auto fonts = run_shell("pdffonts '" + f.string() + "'");
  EXPECT_NE(fonts.out.find("NotoSerif"), std::string::npos);
  size_t a4_pages = 0;
  Diagnostics d2;
  pdf_of(d, *archive_->style, env, d2, &a4_pages);
  EXPECT_NE(pages, a4_pages);
}

TEST(PdfCoverage, ACharacterTheFontsLackIsReportedNotBoxed) {
  Diagnostics diags;
  auto style = layout::Style::load(testing::source_dir() / "layouts" / "a4.json", diags);
  ASSERT_TRUE(style);
  doc::Document d = testing::one_chapter("foreword", "Foreword", {testing::paragraph("Kanji 漢字 here")});
  Env env;
  env.source_date_epoch = 0;
  std::string bytes = pdf_of(d, *style, env, diags);
  EXPECT_FALSE(bytes.empty());
  ASSERT_EQ(diags.warning_count(), 1u);  // one warning per place, naming every character
  const auto& w = diags.all()[0];
  EXPECT_EQ(w.code, Code::E002);
  EXPECT_NE(w.message.find("Kanji 漢字 here"), std::string::npos) << w.message;
  EXPECT_EQ(w.loc.str(), "commitments/1-p.xml:2:3");
  EXPECT_NE(w.message.find("the fonts of p.en.pdf cannot show"), std::string::npos) << w.message;
  EXPECT_NE(w.message.find("U+6F22 漢, U+5B57 字"), std::string::npos) << w.message;
}

TEST(PdfFonts, OnlyTheFacesAnEditionMeasuresOrDrawsAreEmbedded) {
  Diagnostics diags;
  auto style = layout::Style::load(testing::source_dir() / "layouts" / "a4.json", diags);
  ASSERT_TRUE(style);
  pdf::PdfDocument pdf(*style, diags);
  ASSERT_TRUE(pdf.ok());
  layout::Pages pages;
  pages.pages.emplace_back();
  // Regular is measured (as the layout measures), Bold only drawn.
  const double w = pdf.width(layout::Face::Regular, 12, "Rencana");
  EXPECT_GT(w, 0);
  pages.pages[0].text.push_back({100, 700, layout::Face::Regular, 12, {}, "Rencana", 0, {}});
  pages.pages[0].text.push_back({100 + w + 3, 700, layout::Face::Bold, 12, {}, "Aksi", 0, {}});
  pdf::DocumentInfo info;
  info.file = "faces.pdf";
  const std::string bytes = pdf.render(pages, info);
  ASSERT_FALSE(bytes.empty()) << (diags.all().empty() ? "" : diags.all()[0].message);
  EXPECT_EQ(diags.error_count(), 0u);
  EXPECT_NE(bytes.find("NotoSans-Regular"), std::string::npos);
  EXPECT_NE(bytes.find("NotoSans-Bold"), std::string::npos);
  EXPECT_EQ(bytes.find("NotoSans-Italic"), std::string::npos);
  EXPECT_EQ(bytes.find("NotoSans-BoldItalic"), std::string::npos);
  EXPECT_EQ(bytes.find("NotoSansMono"), std::string::npos);
  testing::TempDir dir("faces");
  const auto file = dir.path() / "faces.pdf";
  std::ofstream(file, std::ios::binary) << bytes;
  auto fonts = run_shell("pdffonts '" + file.string() + "'");
  ASSERT_EQ(fonts.exit_code, 0) << fonts.err;
  EXPECT_NE(fonts.out.find("NotoSans-Regular"), std::string::npos) << fonts.out;
  EXPECT_NE(fonts.out.find("NotoSans-Bold"), std::string::npos) << fonts.out;
  auto text = run_shell("pdftotext '" + file.string() + "' -");
  EXPECT_EQ(testing::collapse(text.out), "Rencana Aksi");
  // Rendered, the document measures nothing more (and embeds nothing more).
  EXPECT_EQ(pdf.width(layout::Face::Italic, 12, "lagi"), 0);
  EXPECT_FALSE(pdf.ok());
}

TEST(EncodeUri, PercentEncodesWhatALinkCannotCarry) {
  EXPECT_EQ(pdf::encode_uri("https://x.example/a b"), "https://x.example/a%20b");
  EXPECT_EQ(pdf::encode_uri("https://x.example/ü"), "https://x.example/%C3%BC");
  EXPECT_EQ(pdf::encode_uri("mailto:a@b.go.id"), "mailto:a@b.go.id");
}

}  // namespace
}  // namespace renaksi
