// The real plans in content/ give the results their stages call for.
#include <gtest/gtest.h>

#include "check/checker.h"
#include "driver/pipeline.h"
#include "support/build.h"
#include "support/paths.h"

namespace renaksi {
namespace {

BuildState checked(const char* plan) { return testing::plan_through(testing::content_dir() / plan, "check"); }

TEST(Content, DefaultPlanIsFinalWithNoDiagnostics) {
  BuildState s = checked("nap-2018-2020");
  ASSERT_TRUE(s.loaded.plan_file_ok);
  EXPECT_EQ(s.loaded.plan.stage, Stage::Final);
  EXPECT_GE(s.loaded.plan.commitments.size(), 12u);
  for (const auto& d : s.diags.all()) ADD_FAILURE() << d.str();
}

TEST(Content, DefaultPlanHasEveryFieldInEveryLanguage) {
  BuildState s = checked("nap-2018-2020");
  const Plan& p = s.loaded.plan;
  for (const auto& c : p.commitments) {
    for (const char* id : {"problem", "description", "contribution"}) {
      ASSERT_TRUE(c.section(id)) << c.loc.str() << " " << id;
      for (const auto& lang : p.language_codes()) EXPECT_FALSE(c.section(id)->text.in(lang).empty()) << c.loc.str() << " " << lang;
    }
    for (const auto& lang : p.language_codes()) EXPECT_FALSE(c.title.in(lang).empty()) << c.loc.str() << " " << lang;
    EXPECT_FALSE(c.contacts.empty()) << c.loc.str();
    EXPECT_GE(c.milestones.size(), 1u);
    EXPECT_LE(c.milestones.size(), 5u);
  }
  EXPECT_GE(p.events.size(), 4u);
}

TEST(Content, DraftThreePlanHasNoErrorsAndWarnsOfMissingEnglish) {
  BuildState s = checked("nap-2020-2022");
  EXPECT_EQ(s.loaded.plan.stage, Stage::Draft3);
  EXPECT_EQ(s.diags.error_count(), 0u);
  ASSERT_EQ(s.diags.warning_count(), 3u);
  for (const auto& d : s.diags.all()) {
    EXPECT_EQ(d.code, Code::C012) << d.str();
    EXPECT_NE(d.message.find("'en'"), std::string::npos) << d.str();
  }
}

TEST(Content, TheSameDraftAtFinalWouldFail) {
  // What the stage rules allow at Draft 3 becomes errors at Final: the check follows the stage.
  BuildState s = checked("nap-2020-2022");
  Plan at_final = s.loaded.plan;
  at_final.stage = Stage::Final;
  Diagnostics diags;
  ASSERT_TRUE(s.profile);
  check_plan(at_final, diags, {.profile = &*s.profile});
  size_t c012 = 0, c013 = 0;
  for (const auto& d : diags.all()) {
    c012 += d.code == Code::C012 && d.severity == Severity::Error;
    c013 += d.code == Code::C013;
  }
  EXPECT_EQ(c012, 3u);
  EXPECT_GT(c013, 0u);
}

}  // namespace
}  // namespace renaksi
