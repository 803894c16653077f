// The self-assessment report of each reporting period of a Final plan, from the progress fixture
// plan (tests/fixtures/progress/plan: p1 names commitment 1 only, p2 both): one report per
// period and edition, its summary (a chart and a table of the commitments by completion level),
// each commitment's level, narrative, evidence and milestones with what they were at the
// previous update; then as the reader gets them: PDF and Word files, text pdftotext finds, a
// download on the plan's page. A draft and a plan without progress reports have none.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "compose/progress_report.h"
#include "emit/html/site.h"
#include "emit/html/urls.h"
#include "support/build.h"
#include "support/command.h"
#include "support/golden.h"
#include "support/paths.h"
#include "support/progress_fixture.h"
#include "support/text.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

class ProgressReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    plan_ = std::make_unique<BuildState>(testing::plan_through(testing::progress_fixture(), "pages"));
  }
  static void TearDownTestSuite() { plan_.reset(); }

  static const doc::Document& report(const std::string& period, const std::string& edition) {
    for (const auto& r : plan_->reports)
      if (r.report_period == period && r.edition == edition) return r;
    throw std::runtime_error("no report " + period + " " + edition);
  }
  template <class T>
  static const T& block_of(const doc::Chapter& ch, size_t at) {
    return std::get<T>(ch.blocks.at(at).content);
  }
  static std::string cell(const doc::TableContent& t, size_t row, size_t col) {
    return prose::plain_text(t.rows.at(row).at(col));
  }
  static std::string field(const doc::FieldList& f, const std::string& label) {
    for (const auto& r : f.rows)
      if (r.label == label) return prose::plain_text(r.value);
    return "(no field " + label + ")";
  }
  static inline std::unique_ptr<BuildState> plan_;
};

TEST_F(ProgressReport, OneReportPerPeriodWithDataAndPerEdition) {
  ASSERT_FALSE(plan_->diags.has_errors());
  ASSERT_EQ(plan_->reports.size(), 6u);  // p1 and p2, each in id, en and bilingual
  const std::vector<std::pair<std::string, std::string>> expected{{"p1", "id"}, {"p1", "en"}, {"p1", "bilingual"},
                                                                  {"p2", "id"}, {"p2", "en"}, {"p2", "bilingual"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(plan_->reports[i].report_period, expected[i].first);
    EXPECT_EQ(plan_->reports[i].edition, expected[i].second);
  }
  const doc::Document& en = report("p2", "en");
  // The period and the date as the plan's editions print them (no line break inside a date).
  EXPECT_TRUE(en.front.front().subtitle.starts_with("Self-assessment report: 1\u00a0July")) << en.front.front().subtitle;
  EXPECT_TRUE(en.front.front().subtitle.ends_with("31\u00a0December\u00a02019")) << en.front.front().subtitle;
  EXPECT_EQ(en.front.front().stage, "Progress as reported on 20\u00a0January\u00a02020");
  EXPECT_EQ(en.front.front().title, "Test Plan");  // the plan's own cover lines stay
  ASSERT_EQ(en.chapters.size(), 3u);  // the summary, then each commitment
  EXPECT_EQ(en.chapters[0].kind, doc::Chapter::Kind::Summary);
  EXPECT_EQ(en.chapters[1].commitment_number, 1);
  EXPECT_EQ(en.chapters[2].anchor, "commitment-2");
  const doc::Document& bi = report("p1", "bilingual");
  ASSERT_EQ(bi.front.size(), 2u);
  EXPECT_TRUE(bi.front[0].subtitle.starts_with("Laporan penilaian mandiri: 1\u00a0Januari")) << bi.front[0].subtitle;
  EXPECT_TRUE(bi.front[1].subtitle.starts_with("Self-assessment report: 1\u00a0January")) << bi.front[1].subtitle;
  EXPECT_EQ(bi.chapters[0].title.size(), 2u);
}

TEST_F(ProgressReport, TheSummaryCountsTheCommitmentsByLevelInAChartAndATable) {
  // p1: commitment 1 limited, commitment 2 without an update.
  const doc::Chapter& p1 = report("p1", "en").chapters[0];
  const doc::Chart& chart = block_of<doc::Chart>(p1, 1);
  ASSERT_EQ(chart.parts.size(), 1u);
  const doc::ChartContent& c = chart.parts[0].value;
  EXPECT_EQ(c.caption, "Commitments by completion level");
  std::vector<std::string> bars;
  int sum = 0;
  for (const auto& b : c.bars) {
    bars.push_back(b.id + "=" + b.value_text);
    sum += b.value;
  }
  EXPECT_EQ(bars, (std::vector<std::string>{"not-started=0", "limited=1", "substantial=0", "complete=0", "none=1"}));
  EXPECT_EQ(sum, 2);  // every commitment counted once
  EXPECT_EQ(c.bars.back().label, "No update");
  const doc::TableContent& t = block_of<doc::Table>(p1, 2).parts[0].value;
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(cell(t, 0, 3), "Limited");
  EXPECT_EQ(cell(t, 0, 4), "\u2014");  // no earlier update
  EXPECT_EQ(cell(t, 1, 3), "No update");
  EXPECT_EQ(t.rows[0][1].front().url, "#commitment-1");  // the title links its chapter
  const std::string intro = prose::plain_text(block_of<doc::Paragraph>(p1, 0).parts[0].value);
  EXPECT_NE(intro.find("1 of the 2\u00a0commitments have an update"), std::string::npos) << intro;
  // p2, in Indonesian: both updated, the earlier level beside the current one.
  const doc::Chapter& p2 = report("p2", "id").chapters[0];
  std::vector<std::string> id_bars;
  for (const auto& b : block_of<doc::Chart>(p2, 1).parts[0].value.bars) id_bars.push_back(b.label + "=" + b.value_text);
  EXPECT_EQ(id_bars, (std::vector<std::string>{"Belum dimulai=1", "Terbatas=0", "Substansial=1", "Selesai=0"}));
  const doc::TableContent& t2 = block_of<doc::Table>(p2, 2).parts[0].value;
  EXPECT_EQ(t2.header.at(3), "Tingkat penyelesaian");
  EXPECT_EQ(cell(t2, 0, 3), "Substansial");
  EXPECT_EQ(cell(t2, 0, 4), "Terbatas");
}

TEST_F(ProgressReport, EachCommitmentHasItsLevelNarrativeEvidenceAndWhatChanged) {
  const doc::Chapter& first = report("p2", "en").chapters[1];
  const doc::FieldList& f = block_of<doc::Fields>(first, 0).parts[0].value;
  EXPECT_EQ(field(f, "Completion"), "Substantial");
  EXPECT_EQ(field(f, "Date of update"), "20\u00a0January\u00a02020");
  const std::string before = field(f, "Previous update");  // the level, and the period it was reported for
  EXPECT_TRUE(before.starts_with("Limited (1\u00a0January")) << before;
  EXPECT_TRUE(before.ends_with("30\u00a0June\u00a02019)")) << before;
  // The narrative as text, markup-like characters kept as characters.
  EXPECT_EQ(prose::plain_text(block_of<doc::Paragraph>(first, 1).parts[0].value), "Fixture: mostly done <b>.");
  const prose::Inlines& evidence = block_of<doc::Paragraph>(first, 2).parts[0].value;
  bool linked = false;
  for (const auto& i : evidence) linked = linked || (i.kind == prose::Inline::Kind::Link && i.url == "https://example.org/fixture/report?a=1&b=%22x%22");
  EXPECT_TRUE(linked);
  const doc::TableContent& m = block_of<doc::Table>(first, 4).parts[0].value;
  ASSERT_EQ(m.rows.size(), 1u);
  EXPECT_EQ(cell(m, 0, 1), "Substantial (previously Limited)");
  EXPECT_EQ(cell(m, 0, 2), "Fixture: published.");
  // Commitment 2's first update, and in p1 no update at all.
  const doc::FieldList& second = block_of<doc::Fields>(report("p2", "en").chapters[2], 0).parts[0].value;
  EXPECT_EQ(field(second, "Completion"), "Not started");
  EXPECT_EQ(field(second, "Previous update"), "None (first update)");
  const doc::Chapter& none = report("p1", "en").chapters[2];
  EXPECT_EQ(field(block_of<doc::Fields>(none, 0).parts[0].value, "Completion"), "No update");
  EXPECT_EQ(prose::plain_text(block_of<doc::Paragraph>(none, 1).parts[0].value),
            "No update was recorded for this commitment in this period.");
}

// The whole bilingual report of p2, as its stable text form (`make goldens` rewrites it).
TEST_F(ProgressReport, GoldenBilingualReport) {
  testing::expect_golden("compose/progress-report/p2.bilingual.txt", doc::dump(report("p2", "bilingual")));
}

TEST_F(ProgressReport, WrittenAsPdfAndWordFilesOfTheirOwn) {
  for (const char* period : {"p1", "p2"}) {
    for (const char* edition : {"id", "en", "bilingual"}) {
      const std::string pdf = "fixture-plan/fixture-plan.progress-" + std::string(period) + "." + edition + ".pdf";
      const std::string* bytes = plan_->outputs.find(pdf);
      ASSERT_TRUE(bytes) << pdf;
      EXPECT_EQ(bytes->substr(0, 5), "%PDF-");
    }
    for (const char* lang : {"id", "en"})
      EXPECT_TRUE(plan_->outputs.find("fixture-plan/fixture-plan.progress-" + std::string(period) + "." + lang + ".docx")) << lang;
    EXPECT_FALSE(plan_->outputs.find("fixture-plan/fixture-plan.progress-" + std::string(period) + ".bilingual.docx"));
  }
  // The plan's own editions are still there, named as before.
  EXPECT_TRUE(plan_->outputs.find("fixture-plan/fixture-plan.en.pdf"));
  // What a reader's tools find in the English report of p2.
  testing::TempDir dir("progress-report");
  const fs::path pdf = dir.path() / "report.pdf";
  std::ofstream(pdf, std::ios::binary) << *plan_->outputs.find("fixture-plan/fixture-plan.progress-p2.en.pdf");
  const auto text = testing::run_shell("pdftotext -enc UTF-8 " + testing::shell_quote(pdf.string()) + " -");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const std::string t = testing::collapse(text.out);
  for (const char* s : {"Self-assessment report: 1 July", "Commitments by completion level", "Summary 3",
                        "Substantial (previously Limited)", "Fixture: mostly done <b>.", "None (first update)",
                        "Evidence: https://example.org/fixture/report?a=1&b=%22x%22"})
    EXPECT_NE(t.find(s), std::string::npos) << s << "\n" << t;
  // The chart's rows as they are drawn: each label on the line of its value.
  const auto layout = testing::run_shell("pdftotext -layout -f 3 -l 3 -enc UTF-8 " + testing::shell_quote(pdf.string()) + " -");
  ASSERT_EQ(layout.exit_code, 0) << layout.err;
  std::map<std::string, std::string> row;
  std::istringstream lines(layout.out);
  for (std::string line; std::getline(lines, line);)
    for (const char* label : {"Not started", "Limited", "Substantial", "Complete"})
      if (line.starts_with(label) && !row.count(label)) row[label] = testing::collapse(line.substr(std::string(label).size()));
  EXPECT_EQ(row["Not started"], "1");
  EXPECT_EQ(row["Limited"], "0");
  EXPECT_EQ(row["Substantial"], "1");
  EXPECT_EQ(row["Complete"], "0");
  const std::string docx = dir.path() / "report.docx";
  std::ofstream(docx, std::ios::binary) << *plan_->outputs.find("fixture-plan/fixture-plan.progress-p2.en.docx");
  const auto word = testing::run_shell("pandoc -f docx -t plain " + testing::shell_quote(docx));
  ASSERT_EQ(word.exit_code, 0) << word.err;
  const std::string w = testing::collapse(word.out);
  for (const char* s : {"Commitments by completion level", "Not started 1", "(previously", "Fixture: published."})
    EXPECT_NE(w.find(s), std::string::npos) << s << "\n" << w;
}

TEST_F(ProgressReport, ThePlanPageOffersEachReportByItsPeriod) {
  const std::string* page = plan_->outputs.find("site/" + html::urls::plan("en", html::plan_slug("fixture-plan")));
  ASSERT_TRUE(page);
  // The plan's own files first, then a list per period under its heading:
  // "Self-assessment report, 1 July – 31 December 2019", then "English edition (PDF, 268 kB)" …
  const size_t plan_pdf = page->find("fixture-plan.en.pdf");
  const size_t p1 = page->find("<h3>Self-assessment report, 1\u00a0January");
  const size_t p2 = page->find("<h3>Self-assessment report, 1\u00a0July");
  ASSERT_NE(plan_pdf, std::string::npos);
  ASSERT_NE(p1, std::string::npos);
  ASSERT_NE(p2, std::string::npos);
  EXPECT_LT(plan_pdf, p1);
  EXPECT_LT(p1, p2);
  for (const char* file : {"fixture-plan.progress-p1.en.pdf", "fixture-plan.progress-p1.bilingual.pdf", "fixture-plan.progress-p1.id.docx"}) {
    const size_t at = page->find(file);
    EXPECT_TRUE(at > p1 && at < p2) << file;
  }
  for (const char* file : {"fixture-plan.progress-p2.en.pdf", "fixture-plan.progress-p2.id.pdf", "fixture-plan.progress-p2.en.docx"})
    EXPECT_GT(page->find(file), p2) << file;
  size_t english = 0;
  for (size_t at = page->find("English edition (PDF"); at != std::string::npos; at = page->find("English edition (PDF", at + 1)) ++english;
  EXPECT_EQ(english, 3u);  // the plan's and each report's
  // The period's progress data is titled by its dates too, in the list and in the head.
  EXPECT_NE(page->find(">Progress report, 1\u00a0July"), std::string::npos);
  EXPECT_NE(page->find("title=\"Progress report, 1\u00a0January"), std::string::npos);
  const std::string* id_page = plan_->outputs.find("site/" + html::urls::plan("id", html::plan_slug("fixture-plan")));
  ASSERT_TRUE(id_page);
  EXPECT_NE(id_page->find("<h3>Laporan penilaian mandiri, 1\u00a0Juli"), std::string::npos);
}

TEST_F(ProgressReport, EachUpdateOnACommitmentPageLinksItsPeriodsReport) {
  const std::string* page = nullptr;
  for (const auto& path : plan_->outputs.paths("site/en/fixture-plan/1-"))
    if (path.ends_with("/index.html")) page = plan_->outputs.find(path);
  ASSERT_TRUE(page);
  const size_t p2 = page->find("id=\"progress-p2\""), p1 = page->find("id=\"progress-p1\"");
  ASSERT_NE(p2, std::string::npos);
  ASSERT_NE(p1, std::string::npos);
  const size_t to_p2 = page->find("fixture-plan.progress-p2.en.pdf"), to_p1 = page->find("fixture-plan.progress-p1.en.pdf");
  EXPECT_TRUE(to_p2 > p2 && to_p2 < p1);  // newest first: p2's update, then p1's
  EXPECT_GT(to_p1, p1);
  EXPECT_NE(page->find("The self-assessment report of this period (PDF, "), std::string::npos);
  EXPECT_EQ(page->find("progress-p2.id.pdf"), std::string::npos);  // the page's language only
}

TEST_F(ProgressReport, ADraftHasNone) {
  testing::TempDir dir("progress-report-draft");
  const BuildState s = testing::plan_through(testing::progress_fixture_as_draft(dir), "compose");
  EXPECT_FALSE(s.documents.empty());
  EXPECT_TRUE(s.reports.empty());
  // And a Final plan without progress reports (content/'s nap-2018-2020 has IRM ratings only).
  const BuildState real = testing::plan_through(testing::source_dir() / "content" / "nap-2018-2020", "compose");
  EXPECT_FALSE(real.loaded.plan.progress.irm.empty());
  EXPECT_TRUE(real.reports.empty());
}

}  // namespace
}  // namespace renaksi
