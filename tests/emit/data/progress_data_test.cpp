// A Final plan's progress as open data, from the progress fixture plan (two periods, IRM
// ratings): each period's CSV and JSON read back against the reports, the IRM's ratings with
// their source, the feed's entry per report; a draft publishes none of it.
#include <gtest/gtest.h>

#include <fstream>

#include "emit/data/csv_reader.h"
#include "emit/data/open_data.h"
#include "emit/data/progress_tables.h"
#include "support/build.h"
#include "support/paths.h"
#include "support/progress_fixture.h"

namespace renaksi::open_data {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

class ProgressData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    plan_ = std::make_unique<BuildState>(testing::plan_through(testing::fixtures_dir() / "progress" / "plan", "data"));
  }
  static void TearDownTestSuite() { plan_.reset(); }
  static const std::string* file(const std::string& site_path) {
    return plan_->outputs.find(std::string(kSitePrefix) + site_path);
  }
  static inline std::unique_ptr<BuildState> plan_;
};

TEST_F(ProgressData, EachPeriodsCsvReadsBackAsItsReport) {
  ASSERT_FALSE(plan_->diags.has_errors());
  const Plan& plan = plan_->loaded.plan;
  ASSERT_EQ(plan.progress.reports.size(), 2u);
  const std::vector<std::string> langs = data_languages(plan);
  // p1: commitment "first" (limited) and its milestone m1 (limited); the period from the plan's start.
  const std::string* p1 = file(progress_file(plan.id, "p1", Format::Csv));
  ASSERT_TRUE(p1);
  const auto one = testing::records_of(*p1, progress_columns(langs));
  ASSERT_EQ(one.size(), 2u);
  EXPECT_EQ(one[0].at("Renaksi ID"), "fixture-plan/first");
  EXPECT_EQ(one[0].at("Milestone Number"), "");
  EXPECT_EQ(one[0].at("Completion"), "limited");
  EXPECT_EQ(one[0].at("Updated"), "2019-07-15");  // the report's date: the entry has none
  EXPECT_EQ(one[0].at("Period Start"), "2019-01-01");
  EXPECT_EQ(one[0].at("Period End"), "2019-06-30");
  EXPECT_EQ(one[0].at("Progress (en)"), "Fixture: work has begun.");
  EXPECT_EQ(one[0].at("Progress (id)"), "Fiktif: pekerjaan dimulai.");
  EXPECT_EQ(one[0].at("Evidence"), "https://example.org/fixture/minutes");
  EXPECT_EQ(one[1].at("Renaksi ID"), "fixture-plan/first/m1");
  EXPECT_EQ(one[1].at("Commitment Renaksi ID"), "fixture-plan/first");
  EXPECT_EQ(one[1].at("Milestone Number"), "1");
  // p2: both commitments, the milestone's own date, markup-like text kept as text.
  const auto two = testing::records_of(*file(progress_file(plan.id, "p2", Format::Csv)), progress_columns(langs));
  ASSERT_EQ(two.size(), 3u);
  EXPECT_EQ(two[0].at("Completion"), "substantial");
  EXPECT_EQ(two[0].at("Progress (en)"), "Fixture: mostly done <b>.");
  EXPECT_EQ(two[0].at("Evidence"), "https://example.org/fixture/report?a=1&b=%22x%22");
  EXPECT_EQ(two[1].at("Updated"), "2020-01-10");
  EXPECT_EQ(two[2].at("Renaksi ID"), "fixture-plan/second");
  EXPECT_EQ(two[2].at("Completion"), "not-started");
  EXPECT_EQ(two[2].at("Commitment Number"), "2");
  // The JSON holds the same rows under "progress", with the plan.
  const ordered_json j = ordered_json::parse(*file(progress_file(plan.id, "p2", Format::Json)));
  EXPECT_EQ(j["plan"]["id"], plan.id);
  ASSERT_EQ(j["progress"].size(), 3u);
  EXPECT_EQ(j["progress"][0]["Completion"], "substantial");
  EXPECT_TRUE(j["progress"][0]["Milestone Number"].is_null());
}

TEST_F(ProgressData, TheIrmRatingsCarryTheirSource) {
  const Plan& plan = plan_->loaded.plan;
  const std::string* csv = file(irm_file(plan.id, Format::Csv));
  ASSERT_TRUE(csv);
  const auto rows = testing::records_of(*csv, irm_columns());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].at("Commitment Renaksi ID"), "fixture-plan/first");
  EXPECT_EQ(rows[0].at("IRM Rating"), "verifiable");
  EXPECT_EQ(rows[0].at("Value"), "yes");
  EXPECT_EQ(rows[0].at("Source"), "https://example.org/fixture/irm");
  EXPECT_EQ(rows[0].at("IRM Report"), "Fixture Design Report");
  EXPECT_EQ(rows[1].at("Value"), "access-to-information civic-participation");
  EXPECT_EQ(rows[2].at("IRM Report"), "");
  EXPECT_EQ(ordered_json::parse(*file(irm_file(plan.id, Format::Json)))["irm"].size(), 3u);
}

TEST_F(ProgressData, TheFeedHasAnEntryPerReport) {
  const Plan& plan = plan_->loaded.plan;
  const std::vector<PlanDataSource> sources{{plan.id, [&](Table t) { return *file(plan_file(plan.id, t, Format::Json)); },
                                             [&](Table t) { return *file(plan_file(plan.id, t, Format::Csv)); }}};
  FeedOptions options;
  options.site_url = "https://nap.example/";
  options.plan_page = [](const std::string& id, const std::string& lang) { return lang + "/" + id + "/index.html"; };
  Outputs out;
  Diagnostics diags;
  const auto facts = read_archive_facts(sources, diags);
  ASSERT_TRUE(facts);
  ASSERT_TRUE(emit_archive_data(*facts, sources, plan_->locales, options, {}, out, diags));
  const std::string* feed = out.find(std::string(kSitePrefix) + feed_file());
  ASSERT_TRUE(feed);
  for (const char* period : {"p1", "p2"}) {
    const std::string id = "<id>urn:renaksi:progress:fixture-plan:" + std::string(period) + "</id>";
    EXPECT_NE(feed->find(id), std::string::npos) << *feed;
    EXPECT_NE(feed->find("https://nap.example/data/fixture-plan/fixture-plan-progress-" + std::string(period) + ".csv"),
              std::string::npos);
  }
  EXPECT_NE(feed->find("<updated>2020-01-20T00:00:00Z</updated>"), std::string::npos);
  EXPECT_NE(feed->find("<category term=\"progress\""), std::string::npos);
  EXPECT_NE(feed->find("laporan kemajuan, 2019-07-01 s.d. 2019-12-31"), std::string::npos) << *feed;  // in the plan's first language
}

TEST_F(ProgressData, ADraftPublishesNoProgress) {
  testing::TempDir dir("progress-data-draft");
  const fs::path draft = testing::progress_fixture_as_draft(dir);
  const BuildState s = testing::plan_through(draft, "data");
  ASSERT_FALSE(s.diags.has_errors());
  EXPECT_EQ(s.outputs.paths("site/data/").size(), 4u);  // the commitments and milestones only
  const ordered_json j = ordered_json::parse(*s.outputs.find(std::string(kSitePrefix) + plan_file("fixture-plan", Table::Commitments, Format::Json)));
  EXPECT_FALSE(j["plan"].contains("progress"));
}

}  // namespace
}  // namespace renaksi::open_data
