// Round trip: a plan written as a submission and read back is the same plan, field by field.
#include <gtest/gtest.h>

#include "emit/ogp/helpers.h"
#include "emit/ogp/plan_diff.h"
#include "emit/ogp/reader.h"
#include "emit/ogp/writer.h"
#include "support/paths.h"

namespace renaksi {
namespace {

using testing::checked_plan;

// Writes `plan`, reads it back and reports every field that changed.
void expect_round_trip(const Plan& plan, bool require_valid = true) {
  const std::string xml = ogp::write_ogp_submission(plan);
  Diagnostics diags;
  auto back = ogp::read_ogp_submission(xml, "round-trip.xml", diags, {.require_valid = require_valid});
  for (const auto& d : diags.all()) ADD_FAILURE() << d.str();
  ASSERT_TRUE(back.has_value());
  for (const auto& diff : testing::plan_differences(plan, *back)) ADD_FAILURE() << diff;
  // And the plan read back writes the same bytes.
  EXPECT_TRUE(ogp::write_ogp_submission(*back) == xml);
}

class ContentRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(ContentRoundTrip, ReadingTheSubmissionBackGivesTheSamePlan) {
  BuildState state = checked_plan(testing::content_dir() / GetParam());
  ASSERT_TRUE(state.loaded.plan_file_ok);
  // A draft's submission is not valid (see content_submission_test); read it as far as it goes.
  expect_round_trip(state.loaded.plan, state.loaded.plan.stage == Stage::Final);
}

INSTANTIATE_TEST_SUITE_P(Plans, ContentRoundTrip, ::testing::ValuesIn(testing::content_plan_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(RoundTrip, TheCheckBasePlan) { expect_round_trip(checked_plan(testing::fixtures_dir() / "check" / "base").loaded.plan); }

TEST(RoundTrip, EveryOptionalPartSurvives) {
  // What the real plans do not use yet: budget text, participants' note, theme description,
  // units, a plan without a number, an event without a stage, a currency amount with decimals,
  // characters outside the BMP, and a commitment with every optional field.
  Plan plan = checked_plan(testing::content_dir() / "nap-2018-2020").loaded.plan;
  auto both = [](std::string id, std::string en, TextKind kind = TextKind::Short) {
    LocalizedText t;
    t.kind = kind;
    t.texts = {{"id", std::move(id), {}, 0}, {"en", std::move(en), {}, 0}};
    return t;
  };
  plan.number = 0;
  plan.themes[0].description = both("Deskripsi *tema*.", "Theme **description** 🌏.", TextKind::Prose);
  plan.events[0].stage.reset();
  plan.events[1].participants->note = both("Termasuk 5 daring", "Including 5 online");
  Commitment& c = plan.commitments[0];
  c.ogp_id = "ID0199";  // unused so far: ogpId is unique in a submission
  c.budget = Budget{"1500000000.50", "IDR", both("APBN 2019", "State budget 2019"), {}};
  c.organisations[0].unit = both("Direktorat Data", "Data Directorate");
  c.sdgs.push_back({5, "5.b", {}});
  expect_round_trip(plan);
}

TEST(PlanDiff, NamesEachFieldThatDiffers) {
  const Plan plan = checked_plan(testing::fixtures_dir() / "check" / "base").loaded.plan;
  Plan other = plan;
  other.commitments[0].milestones[0].period->end.text = "2019-07-01";
  other.commitments[0].problem.texts[1].value = "Another problem.";
  other.organisations[2].sector = Sector::Private;
  other.events[0].participants->women = 5;
  const auto diffs = testing::plan_differences(plan, other);
  const std::vector<std::string> expected = {
      "events[0].participants.women: 4 vs 5",
      "organisations[2].sector: 1 vs 2",
      "commitments[0].problem[1].value(en): 'The problem.' vs 'Another problem.'",
      "commitments[0].milestones[0].period.end: '2019-06-30' vs '2019-07-01'",
  };
  EXPECT_EQ(diffs, expected);
  EXPECT_TRUE(testing::plan_differences(plan, plan).empty());
}

TEST(OgpReader, RefusesAnInvalidSubmissionAndSaysWhy) {
  Diagnostics diags;
  auto plan = ogp::read_ogp_submission_file(testing::fixtures_dir() / "ogp" / "v002-milestone-without-date.xml", diags);
  EXPECT_FALSE(plan.has_value());
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.all()[0].code, Code::V002);
}

TEST(OgpReader, NodesCarryTheirPlaceInTheSubmission) {
  Diagnostics diags;
  const auto file = testing::fixtures_dir() / "ogp" / "valid.xml";
  auto plan = ogp::read_ogp_submission_file(file, diags);
  ASSERT_TRUE(plan.has_value());
  ASSERT_EQ(plan->commitments.size(), 1u);
  EXPECT_EQ(plan->commitments[0].loc.str(), file.generic_string() + ":58:5");
  EXPECT_EQ(plan->commitments[0].title.texts[1].loc.line, 61);
  EXPECT_EQ(plan->commitments[0].milestones[0].period->start.loc.str(), file.generic_string() + ":109:19");
}

}  // namespace
}  // namespace renaksi
