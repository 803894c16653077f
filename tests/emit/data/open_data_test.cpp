// Each plan's open data read back against the plan it came from; the archive's tables hold every
// plan's rows; the same plan gives the same bytes.
#include <gtest/gtest.h>

#include <set>

#include "emit/data/csv_reader.h"
#include "emit/data/open_data.h"
#include "emit/data/plan_tables.h"
#include "support/shared_archive.h"

namespace renaksi::open_data {
namespace {

using nlohmann::ordered_json;

const std::string* file(const std::string& site_path) {
  return testing::shared_archive().outputs.find(std::string(kSitePrefix) + site_path);
}

TEST(OpenData, EveryPlansCsvReadsBackAsItsPlan) {
  const ArchiveBuild& a = testing::shared_archive();
  ASSERT_EQ(a.error_count(), 0u);
  ASSERT_FALSE(a.plans.empty());
  for (const auto& s : a.plans) {
    const Plan& plan = s->loaded.plan;
    SCOPED_TRACE(plan.id);
    const std::vector<std::string> langs = data_languages(plan);
    ASSERT_GE(langs.size(), 1u);
    const std::string* csv = file(plan_file(plan.id, Table::Commitments, Format::Csv));
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->substr(0, 3), "\xEF\xBB\xBF");
    const auto rows = testing::records_of(*csv, commitment_columns(langs));
    ASSERT_EQ(rows.size(), plan.commitments.size());
    std::set<std::string> ids;
    size_t milestones = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      const Commitment& c = plan.commitments[i];
      const auto& r = rows[i];
      EXPECT_EQ(r.at("Renaksi ID"), plan.id + "/" + c.id);
      EXPECT_TRUE(ids.insert(r.at("Renaksi ID")).second);
      EXPECT_EQ(r.at("Commitment Number"), std::to_string(c.number));
      EXPECT_EQ(r.at("Commitment Unique Identifier"), c.ogp_id);
      EXPECT_EQ(r.at("Stage"), stage_id(plan.stage));
      for (const auto& l : langs) {
        EXPECT_EQ(r.at("Commitment Title (" + l + ")"), c.title.in(l)) << l;
        EXPECT_EQ(r.at("Action Plan (" + l + ")"), plan.title.in(l)) << l;
      }
      if (c.period) {
        EXPECT_EQ(r.at("Start Date"), c.period->start.text);
        EXPECT_EQ(r.at("End Date"), c.period->end.text);
      }
      EXPECT_EQ(r.at("Milestones"), std::to_string(c.milestones.size()));
      milestones += c.milestones.size();
    }
    const std::string* mcsv = file(plan_file(plan.id, Table::Milestones, Format::Csv));
    ASSERT_TRUE(mcsv);
    const auto mrows = testing::records_of(*mcsv, milestone_columns(langs));
    ASSERT_EQ(mrows.size(), milestones);
    size_t k = 0;
    for (const Commitment& c : plan.commitments)
      for (size_t i = 0; i < c.milestones.size(); ++i, ++k) {
        EXPECT_EQ(mrows[k].at("Renaksi ID"), milestone_key(plan, c, i));
        EXPECT_EQ(mrows[k].at("Milestone Number"), std::to_string(i + 1));
        for (const auto& l : langs) EXPECT_EQ(mrows[k].at("Milestone (" + l + ")"), c.milestones[i].activity.in(l));
      }
  }
}

TEST(OpenData, JsonHoldsThePlanAndItsRows) {
  const ArchiveBuild& a = testing::shared_archive();
  for (const auto& s : a.plans) {
    const Plan& plan = s->loaded.plan;
    const std::string* json = file(plan_file(plan.id, Table::Commitments, Format::Json));
    ASSERT_TRUE(json);
    const ordered_json j = ordered_json::parse(*json);
    EXPECT_EQ(j["format"], "renaksi-open-data");
    EXPECT_EQ(j["plan"]["id"], plan.id);
    EXPECT_EQ(j["plan"]["stage"], stage_id(plan.stage));
    ASSERT_EQ(j["commitments"].size(), plan.commitments.size());
    EXPECT_EQ(j["commitments"][0].begin().key(), "Renaksi ID");  // the columns' order is kept
    EXPECT_EQ(j["commitments"][0]["Commitment Number"], plan.commitments.front().number);
  }
}

TEST(OpenData, TheArchivesTablesHoldEveryPlansRows) {
  const ArchiveBuild& a = testing::shared_archive();
  size_t commitments = 0, milestones = 0;
  for (const auto& s : a.plans)
    for (const auto& c : s->loaded.plan.commitments) {
      ++commitments;
      milestones += c.milestones.size();
    }
  const std::string* json = file(archive_file(Table::Commitments, Format::Json));
  ASSERT_TRUE(json);
  const ordered_json j = ordered_json::parse(*json);
  EXPECT_EQ(j["plans"].size(), a.plans.size());
  EXPECT_EQ(j["commitments"].size(), commitments);
  const std::string* csv = file(archive_file(Table::Milestones, Format::Csv));
  ASSERT_TRUE(csv);
  const auto records = testing::read_csv(*csv);
  ASSERT_TRUE(records);
  EXPECT_EQ(records->size(), milestones + 1);
}

TEST(OpenData, SamePlanSameBytes) {
  const BuildState& s = *testing::shared_archive().plans.front();
  Outputs one, two;
  emit_plan_data(s.loaded.plan, s.locales, one);
  emit_plan_data(s.loaded.plan, s.locales, two);
  EXPECT_EQ(one.files(), two.files());
  // Its four tables, and a Final plan's two files per progress report and of its IRM ratings.
  const Plan& plan = s.loaded.plan;
  const bool progress = plan.stage == Stage::Final;
  EXPECT_EQ(one.files().size(),
            4u + (progress ? 2 * plan.progress.reports.size() + (plan.progress.irm.empty() ? 0 : 2) : 0));
}

}  // namespace
}  // namespace renaksi::open_data
