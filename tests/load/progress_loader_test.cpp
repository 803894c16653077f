// The progress folder (content/<plan>/progress/): loaded apart from the plan's own files,
// validated against schemas/progress.rng with file:line:col, every bad file reported while the
// others load; the default six-monthly periods; the per-plan cache's key covers progress files.
#include "load/progress_loader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "load/loader.h"
#include "output/plan_cache.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.str() + "\n";
  return s;
}

const fs::path& fixture() {
  static const fs::path p = testing::fixtures_dir() / "progress" / "plan";
  return p;
}

TEST(ProgressLoader, NoProgressFolderIsNoProgressAndNoDiagnostic) {
  Diagnostics d;
  PlanProgress p = load_progress(testing::fixtures_dir() / "check" / "base", d);
  EXPECT_TRUE(p.empty());
  EXPECT_TRUE(d.all().empty()) << all(d);
}

TEST(ProgressLoader, ReadsReportsEntriesEvidenceAndIrmRatings) {
  Diagnostics d;
  PlanProgress p = load_progress(fixture(), d);
  ASSERT_FALSE(d.has_errors()) << all(d);
  ASSERT_EQ(p.reports.size(), 2u);
  const ProgressReport& p2 = p.reports[1];
  EXPECT_EQ(p2.period_id, "p2");
  EXPECT_EQ(p2.updated.text, "2020-01-20");
  ASSERT_EQ(p2.commitments.size(), 2u);
  const CommitmentProgress& first = p2.commitments[0];
  EXPECT_EQ(first.entry.ref, "first");
  EXPECT_EQ(first.entry.level, Completion::Substantial);
  EXPECT_EQ(first.entry.updated.text, "2020-01-20");  // the report's date
  ASSERT_EQ(first.entry.evidence.size(), 1u);
  EXPECT_EQ(first.entry.evidence[0].href, "https://example.org/fixture/report?a=1&b=%22x%22");
  ASSERT_EQ(first.milestones.size(), 1u);
  EXPECT_EQ(first.milestones[0].updated.text, "2020-01-10");  // its own date
  ASSERT_NE(first.entry.narrative.find("en"), nullptr);
  EXPECT_EQ(first.entry.narrative.find("en")->value, "Fixture: mostly done <b>.");
  EXPECT_EQ(first.entry.loc.line, 4);
  ASSERT_EQ(p.irm.size(), 1u);
  ASSERT_EQ(p.irm[0].ratings.size(), 3u);
  EXPECT_EQ(p.irm[0].ratings[1].kind, "relevance");
  EXPECT_EQ(p.irm[0].ratings[1].value, "access-to-information civic-participation");
  EXPECT_EQ(p.irm[0].ratings[0].report, "Fixture Design Report");
}

TEST(ProgressLoader, LoadPlanCarriesTheProgress) {
  Diagnostics d;
  LoadResult r = load_plan(fixture(), d);
  EXPECT_FALSE(d.has_errors()) << all(d);
  EXPECT_EQ(r.plan.progress.reports.size(), 2u);
}

TEST(ProgressLoader, EveryBadFileIsReportedAtLineAndColumnAndTheOthersLoad) {
  testing::TempDir dir("progress-bad");
  const fs::path plan = dir.path() / "plan";
  testing::write_file(plan / "progress" / "p1.xml",
        "<?xml version=\"1.0\"?>\n<progress version=\"1\" period=\"p1\" updated=\"2019-07-01\">\n"
        "  <commitment ref=\"first\" level=\"half-done\"/>\n</progress>\n");
  testing::write_file(plan / "progress" / "irm.xml", "<?xml version=\"1.0\"?>\n<progress version=\"1\" period=\"p2\" updated=\"2019-07-01\"/>\n");
  testing::write_file(plan / "progress" / "p2.xml", "<?xml version=\"1.0\"?>\n<progress version=\"1\" period=\"p2\"");
  testing::write_file(plan / "progress" / "p3.xml", "<?xml version=\"1.0\"?>\n<progress version=\"1\" period=\"p3\" updated=\"2020-07-01\"/>\n");
  Diagnostics d;
  PlanProgress p = load_progress(plan, d);
  const std::string got = all(d);
  EXPECT_NE(got.find("p1.xml:3:3: error[L003]"), std::string::npos) << got;
  EXPECT_NE(got.find("irm.xml:2:1: error[L004]"), std::string::npos) << got;
  EXPECT_NE(got.find("p2.xml:"), std::string::npos) << got;
  EXPECT_NE(got.find("error[L002]"), std::string::npos) << got;
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].period_id, "p3");
}

TEST(ProgressPeriods, SixMonthlyFromThePlansStartTheLastCutAtItsEnd) {
  Period plan;
  plan.start.text = "2018-09-01";
  plan.end.text = "2020-12-31";
  const auto periods = default_reporting_periods(plan);
  ASSERT_EQ(periods.size(), 5u);
  EXPECT_EQ(periods[0].id, "p1");
  EXPECT_EQ(periods[0].period.start.text, "2018-09-01");
  EXPECT_EQ(periods[0].period.end.text, "2019-02-28");
  EXPECT_EQ(periods[1].period.start.text, "2019-03-01");
  EXPECT_EQ(periods[4].period.start.text, "2020-09-01");
  EXPECT_EQ(periods[4].period.end.text, "2020-12-31");
  Period months;
  months.start.text = "2019-01";
  months.end.text = "2020-06";
  const auto m = default_reporting_periods(months);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[2].period.end.text, "2020-06-30");
  Period bad;
  bad.start.text = "2020-01-01";
  bad.end.text = "2019-01-01";
  EXPECT_TRUE(default_reporting_periods(bad).empty());
}

TEST(ProgressPeriods, DeclaredPeriodsReplaceTheDefault) {
  PlanProgress p;
  ReportingPeriod mid;
  mid.id = "mid-term";
  p.declared_periods.push_back(mid);
  Period plan;
  plan.start.text = "2019-01-01";
  plan.end.text = "2020-12-31";
  const auto got = reporting_periods(p, plan);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].id, "mid-term");
  EXPECT_EQ(reporting_periods(PlanProgress{}, plan).size(), 4u);
}

TEST(ProgressCache, AddingOrEditingAProgressFileChangesThePlansCacheKey) {
  testing::TempDir dir("progress-key");
  const fs::path plan = testing::copy_base_plan(dir);
  const auto before = plan_cache_key("id", plan);
  ASSERT_TRUE(before);
  testing::write_file(plan / "progress" / "p1.xml", "<progress/>");
  const auto added = plan_cache_key("id", plan);
  ASSERT_TRUE(added);
  EXPECT_NE(*before, *added);
  testing::write_file(plan / "progress" / "p1.xml", "<progress />");
  const auto edited = plan_cache_key("id", plan);
  ASSERT_TRUE(edited);
  EXPECT_NE(*added, *edited);
}

}  // namespace
}  // namespace renaksi
