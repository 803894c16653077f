// The DOCX editions as Word's readers see them: one per language, none bilingual; Pandoc reads
// each back with every commitment title of its language; LibreOffice converts each to PDF;
// the same build date gives the same bytes; the reference document's styles, page and footer
// reach the output.
#include "emit/docx/docx_pass.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <regex>

#include "emit/docx/editions.h"
#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::collapse;
using testing::run_shell;
using testing::shell_quote;

// The first `n` words of `s`.
std::string first_words(const std::string& s, int n) {
  size_t end = 0;
  for (int i = 0; i < n && end != std::string::npos; ++i) end = s.find(' ', end + (i > 0));
  return s.substr(0, end);
}

// Every DOCX of both plans, written once per test process into a temporary folder.
class DocxEditions : public ::testing::Test {
 protected:
  struct Built {
    testing::TempDir dir{"docx-editions"};
    Outputs outputs;
    Diagnostics diags;
    DocxStats stats;
  };

  static Built& built() {
    static const std::unique_ptr<Built> b = [] {
      auto b = std::make_unique<Built>();
      for (const auto& plan : testing::composed_archive().plans)
        b->stats.editions += emit_docxs(plan->documents, testing::docx_build_options(), testing::docx_env(), b->outputs, b->diags).editions;
      for (const auto& [path, bytes] : b->outputs.files()) testing::write_output(b->dir.path() / path, bytes);
      return b;
    }();
    return *b;
  }

  static std::string file(const std::string& plan, const std::string& lang) {
    return (built().dir.path() / plan / (plan + "." + lang + ".docx")).string();
  }

  // A part of the DOCX (a ZIP), e.g. "word/styles.xml".
  static std::string part(const std::string& docx, const std::string& name) {
    auto r = run_shell("unzip -p " + shell_quote(docx) + " " + shell_quote(name));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
};

TEST_F(DocxEditions, OneDocxPerLanguageAndNoneBilingual) {
  EXPECT_EQ(built().diags.error_count(), 0u);
  EXPECT_EQ(built().stats.editions, 6u);
  for (const char* plan : {"nap-2018-2020", "nap-2020-2022", "nap-2023-2024"}) {
    for (const char* lang : {"id", "en"}) EXPECT_TRUE(fs::exists(file(plan, lang))) << plan << " " << lang;
    EXPECT_FALSE(built().outputs.has(std::string(plan) + "/" + plan + ".bilingual.docx"));
  }
}

TEST_F(DocxEditions, PandocReadsBackEveryCommitmentTitleOfTheLanguageInOrder) {
  for (const char* plan_id : {"nap-2018-2020", "nap-2020-2022"})
    for (const char* lang : {"id", "en"}) {
      auto r = run_shell("pandoc -f docx -t plain -s --wrap=none " + shell_quote(file(plan_id, lang)));
      ASSERT_EQ(r.exit_code, 0) << r.err;
      const std::string text = collapse(r.out);
      const Plan& plan = testing::composed_plan(plan_id).loaded.plan;
      size_t at = 0;
      for (const auto& c : plan.commitments) {
        const std::string title = collapse(std::string(c.title.in(lang)));
        ASSERT_FALSE(title.empty());
        size_t found = text.find(title, at);
        EXPECT_NE(found, std::string::npos) << plan_id << " " << lang << ": commitment " << c.number << " '" << title << "'";
        if (found != std::string::npos) at = found + title.size();
      }
      EXPECT_NE(text.find(plan.title.in(lang)), std::string::npos);
    }
}

TEST_F(DocxEditions, TheTablesAndTheIndexComeThrough) {
  auto r = run_shell("pandoc -f docx -t plain --wrap=none " + shell_quote(file("nap-2018-2020", "en")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = collapse(r.out);
  for (const char* s : {"Milestone activity with a verifiable deliverable", "Expected output", "Actors involved",
                        "Action plan kick-off meeting", "6 events with 293 recorded participants", "Lead implementing institution",
                        "Index of organisations", "Publish What You Pay Indonesia (PWYP Indonesia)", "Contact information"})
    EXPECT_NE(text.find(collapse(s)), std::string::npos) << s;
}

TEST_F(DocxEditions, LibreOfficeConvertsEachToPdf) {
  if (run_shell("command -v soffice").exit_code != 0)
    GTEST_SKIP() << "soffice is not installed (Debian package libreoffice-writer; scripts/setup installs it)";
  testing::TempDir out("docx-soffice");
  const std::string profile = "file://" + (out.path() / "profile").string();
  // One LibreOffice run for the four editions: it takes seconds to start.
  std::string files;
  for (const char* plan : {"nap-2018-2020", "nap-2020-2022"})
    for (const char* lang : {"id", "en"}) files += " " + shell_quote(file(plan, lang));
  auto r = run_shell("soffice --headless --norestore " + shell_quote("-env:UserInstallation=" + profile) +
                     " --convert-to pdf --outdir " + shell_quote(out.path().string()) + files);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* plan : {"nap-2018-2020", "nap-2020-2022"})
    for (const char* lang : {"id", "en"}) {
      const fs::path pdf = out.path() / (std::string(plan) + "." + lang + ".pdf");
      ASSERT_TRUE(fs::exists(pdf)) << pdf << "\n" << r.out << r.err;
      auto info = run_shell("pdfinfo " + shell_quote(pdf.string()));
      EXPECT_TRUE(std::regex_search(info.out, std::regex(R"(Page size:\s+595\.3\d* x 841\.89)"))) << info.out;  // A4
      auto text = run_shell("pdftotext -enc UTF-8 " + shell_quote(pdf.string()) + " -");
      const std::string t = collapse(text.out);
      for (const auto& c : testing::composed_plan(plan).loaded.plan.commitments)
        EXPECT_NE(t.find(first_words(std::string(c.title.in(lang)), 4)), std::string::npos) << plan << " " << lang << " " << c.number;
      EXPECT_NE(t.find("2 / "), std::string::npos) << "no page number field in the footer of " << plan << " " << lang;
    }
}

TEST_F(DocxEditions, TheSameDateGivesTheSameBytes) {
  const doc::Document& d = testing::edition("nap-2018-2020", "id");
  Diagnostics diags;
  const std::string again = docx_of(d, testing::docx_build_options(), testing::docx_env(), diags);
  EXPECT_EQ(diags.error_count(), 0u);
  ASSERT_FALSE(again.empty());
  EXPECT_TRUE(again == *built().outputs.find(docx_path(d))) << "two runs differ";
  const std::string core = part(file("nap-2018-2020", "id"), "docProps/core.xml");
  EXPECT_NE(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2018-11-30T00:00:00Z"), std::string::npos) << core;
  EXPECT_NE(core.find("<cp:keywords>OGP, Partisipasi Publik"), std::string::npos) << core;

  Env later = testing::docx_env();
  later.source_date_epoch = testing::kEpoch + 86400;
  const std::string next_day = docx_of(d, testing::docx_build_options(), later, diags);
  EXPECT_NE(next_day, again);
}

TEST_F(DocxEditions, TheReferenceDocumentsStylesPageAndFooterReachTheOutput) {
  const std::string docx = file("nap-2018-2020", "en");
  const std::string styles = part(docx, "word/styles.xml");
  for (const char* s : {"w:styleId=\"Heading1\"", "9B1C1C", "Noto Sans", "w:styleId=\"CoverLine\"", "w:styleId=\"IndexEntry\"",
                        "w:fill=\"EEF1F4\""})
    EXPECT_NE(styles.find(s), std::string::npos) << s;
  const std::string document = part(docx, "word/document.xml");
  EXPECT_NE(document.find("w:h=\"16838\""), std::string::npos);  // A4
  EXPECT_NE(document.find("w:footerReference"), std::string::npos);
  EXPECT_NE(document.find("w:val=\"Heading1\""), std::string::npos);
  EXPECT_NE(document.find("w:anchor=\"commitment-14\""), std::string::npos);  // contents and index links
  EXPECT_NE(part(docx, "word/footer1.xml").find(" PAGE "), std::string::npos);
  EXPECT_NE(styles.find("w:val=\"en\""), std::string::npos);  // proofing language of the edition
  EXPECT_NE(part(file("nap-2018-2020", "id"), "word/styles.xml").find("w:val=\"id\""), std::string::npos);
}

// A term in another language ([beneficial ownership]{lang=en}) is a run with its w:lang, in
// italics as written; the English edition has no English-marked run.
TEST_F(DocxEditions, ATermInAnotherLanguageCarriesItsLanguage) {
  const std::string id = part(file("nap-2018-2020", "id"), "word/document.xml");
  EXPECT_NE(id.find("<w:r><w:rPr><w:i/><w:iCs/><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">beneficial "
                    "ownership</w:t></w:r>"),
            std::string::npos);
  EXPECT_EQ(part(file("nap-2018-2020", "en"), "word/document.xml").find("<w:lang w:val=\"en\"/>"), std::string::npos);
}

TEST(DocxReference, TheCommittedReferenceDocumentIsWhatTheScriptMakes) {
  if (run_shell("command -v python3").exit_code != 0) GTEST_SKIP() << "python3 is not installed (scripts/setup installs it)";
  testing::TempDir dir("docx-reference");
  const std::string made = (dir.path() / "reference.docx").string();
  auto r = run_shell("scripts/make-reference-docx " + shell_quote(made));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Part by part (names, order, content): the compressed bytes depend on the zlib at hand.
  const std::string list =
      "python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
      "[print(i.filename, i.date_time, z.read(i).hex()) for i in z.infolist()]' ";
  auto want = run_shell(list + shell_quote(made));
  auto have = run_shell(list + "layouts/reference.docx");
  ASSERT_EQ(want.exit_code, 0) << want.err;
  EXPECT_TRUE(want.out == have.out) << "layouts/reference.docx is not what scripts/make-reference-docx makes: run it and commit";
}

}  // namespace
}  // namespace renaksi

namespace renaksi {
namespace {

// The contents are a Word TOC field over the chapter headings, marked for update, its result
// already holding every chapter (what LibreOffice shows); Word is asked to update the fields
// on opening (settings.xml), which the ZIP keeps valid for unzip and LibreOffice.
TEST_F(DocxEditions, TheContentsAreATocFieldWordAndLibreOfficeUpdate) {
  for (const char* lang : {"id", "en"}) {
    const std::string f = file("nap-2018-2020", lang);
    const std::string document = part(f, "word/document.xml");
    EXPECT_NE(document.find("<w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-1&quot; \\h \\z \\u </w:instrText>"),
              std::string::npos);
    EXPECT_NE(document.find("w:fldCharType=\"begin\" w:dirty=\"true\""), std::string::npos);
    EXPECT_NE(document.find("<w:docPartGallery w:val=\"Table of Contents\"/>"), std::string::npos);
    for (const auto& c : testing::composed_plan("nap-2018-2020").loaded.plan.commitments)
      EXPECT_NE(document.find("<w:hyperlink w:anchor=\"commitment-" + std::to_string(c.number) + "\""), std::string::npos) << c.number;
    const std::string settings = part(f, "word/settings.xml");
    EXPECT_NE(settings.find("<w:updateFields w:val=\"true\"/>"), std::string::npos) << settings;
    EXPECT_EQ(run_shell("unzip -tq " + shell_quote(f)).exit_code, 0);
  }
  if (run_shell("command -v soffice").exit_code != 0) GTEST_SKIP() << "soffice is not installed";
  testing::TempDir out("docx-toc");
  const std::string profile = "file://" + (out.path() / "profile").string();
  auto r = run_shell("soffice --headless --norestore " + shell_quote("-env:UserInstallation=" + profile) +
                     " --convert-to pdf --outdir " + shell_quote(out.path().string()) + " " + shell_quote(file("nap-2018-2020", "en")));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  // The page after the cover lists the chapters (the cover and contents take the first pages).
  auto text = run_shell("pdftotext -enc UTF-8 -f 1 -l 3 " + shell_quote((out.path() / "nap-2018-2020.en.pdf").string()) + " -");
  const std::string t = collapse(text.out);
  const size_t contents = t.find("Contents");
  ASSERT_NE(contents, std::string::npos) << t;
  for (const char* s : {"Foreword", "Index of organisations"}) EXPECT_NE(t.find(s, contents), std::string::npos) << s << "\n" << t;
  const auto& first = testing::composed_plan("nap-2018-2020").loaded.plan.commitments.front();
  EXPECT_NE(t.find(first_words(std::string(first.title.in("en")), 3), contents), std::string::npos) << t;
}

}  // namespace
}  // namespace renaksi
