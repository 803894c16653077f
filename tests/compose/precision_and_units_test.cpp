// Compose with dates by month and by year, a language's date style, and organisations with
// several units: what every edition prints.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "compose/compose.h"
#include "compose/date_text.h"
#include "compose/org_names.h"
#include "doc/document.h"
#include "driver/pipeline.h"
#include "support/build.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

using testing::replace_once;

// The check fixtures' base plan, its commitment by month, its milestone by year, the CSO
// supporting it with two units, and `language` as its English <language> element.
BuildState composed(const testing::TempDir& dir, const std::string& language = "<language code=\"en\"/>") {
  const fs::path plan = testing::copy_base_plan(dir);
  replace_once(plan / "plan.xml", "<language code=\"en\"/>", language);
  const fs::path c = plan / "commitments" / "01.xml";
  replace_once(c, "<period start=\"2019-01-01\" end=\"2020-06-30\"/>", "<period start=\"2019-06\" end=\"2020-06\"/>");
  replace_once(c, "<period start=\"2019-01-01\" end=\"2019-06-30\"/>", "<period start=\"2019\" end=\"2020\"/>");
  replace_once(c, "<organisation ref=\"watch\" role=\"other\"/>",
               "<organisation ref=\"watch\" role=\"support\"><unit><text xml:lang=\"id\">Divisi Riset</text>"
               "<text xml:lang=\"en\">Research Division</text></unit></organisation>"
               "<organisation ref=\"watch\" role=\"support\"><unit><text xml:lang=\"id\">Divisi Advokasi</text>"
               "<text xml:lang=\"en\">Advocacy Division</text></unit></organisation>");
  Env env = Env::from_environment();
  env.cache_dir = dir.path() / "cache";
  return testing::plan_through(plan, "compose", env);
}

std::string dump_of(const BuildState& s, const std::string& edition) {
  for (const auto& d : s.documents)
    if (d.edition == edition) return doc::dump(d);
  return {};
}

TEST(ComposePrecision, MonthsAndYearsPrintAtTheirPrecision) {
  testing::TempDir dir("compose-precision");
  BuildState s = composed(dir);
  for (const auto& d : s.diags.all()) ADD_FAILURE() << d.str();
  const std::string id = dump_of(s, "id"), en = dump_of(s, "en");
  // No-break spaces inside each date (issue 11); a range may break after its dash.
  EXPECT_NE(id.find("Juni\u00a02019\u2013Juni\u00a02020"), std::string::npos) << id;
  EXPECT_NE(en.find("June\u00a02019\u202f\u2013\u2009June\u00a02020"), std::string::npos) << en;
  EXPECT_NE(id.find("2019\u20132020"), std::string::npos);
  EXPECT_NE(en.find("2019\u20132020"), std::string::npos);  // en-GB's year range
  // Day dates of the English edition are British by default, in tables and on the cover alike.
  EXPECT_NE(en.find("1\u00a0January\u00a02019"), std::string::npos) << en;
  EXPECT_EQ(en.find("January\u00a01,\u00a02019"), std::string::npos);
}

TEST(ComposePrecision, ThePlanChoosesTheDateStyle) {
  testing::TempDir dir("compose-date-style");
  BuildState s = composed(dir, "<language code=\"en\" date-style=\"en-US\"/>");
  for (const auto& d : s.diags.all()) ADD_FAILURE() << d.str();
  const std::string en = dump_of(s, "en");
  EXPECT_NE(en.find("January\u00a01,\u00a02019"), std::string::npos) << en;
  EXPECT_EQ(en.find("1\u00a0January\u00a02019"), std::string::npos);
  // The bilingual edition's English column follows the same style.
  EXPECT_NE(dump_of(s, "bilingual").find("January\u00a01,\u00a02019"), std::string::npos);
}

TEST(ComposeUnits, AnOrganisationIsNamedOnceWithItsUnits) {
  testing::TempDir dir("compose-units");
  BuildState s = composed(dir);
  for (const auto& d : s.diags.all()) ADD_FAILURE() << d.str();
  const std::string en = dump_of(s, "en"), id = dump_of(s, "id");
  // The metadata box.
  EXPECT_NE(en.find("Watch (Research Division; Advocacy Division)"), std::string::npos) << en;
  EXPECT_NE(id.find("Pemantau (Divisi Riset; Divisi Advokasi)"), std::string::npos) << id;
  // The index names the units beside the commitment.
  EXPECT_NE(en.find("First commitment (Research Division; Advocacy Division)"), std::string::npos) << en;
}

// A unit given in one language only is shown in the other edition as it is, marked with its
// language, not left out (in a draft, where a missing translation is a warning).
TEST(ComposeUnits, AUnitInOneLanguageOnlyIsShownMarkedWithIt) {
  testing::TempDir dir("compose-unit-language");
  BuildState s = composed(dir);
  replace_once(dir.path() / "plan" / "commitments" / "01.xml", "<text xml:lang=\"en\">Advocacy Division</text>", "");
  replace_once(dir.path() / "plan" / "plan.xml", "stage=\"final\"", "stage=\"draft-4\"");
  replace_once(dir.path() / "plan" / "commitments" / "01.xml", "<organisation ref=\"agency\" role=\"lead\"/>",
               "<organisation ref=\"agency\" role=\"lead\"><unit><text xml:lang=\"id\">Unit Layanan</text></unit></organisation>");
  Env env = Env::from_environment();
  env.cache_dir = dir.path() / "cache";
  BuildState again = testing::plan_through(dir.path() / "plan", "compose", env);
  for (const auto& d : again.diags.all())
    if (d.severity == Severity::Error) ADD_FAILURE() << d.str();
  const std::string en = dump_of(again, "en");
  EXPECT_NE(en.find("Watch (Research Division; [lang id Divisi Advokasi])"), std::string::npos) << en;
  EXPECT_NE(dump_of(again, "id").find("Pemantau (Divisi Riset; Divisi Advokasi)"), std::string::npos);
  // The lead agencies' section names it too.
  EXPECT_NE(en.find("[strong Agency] \u2014 [lang id Unit Layanan]"), std::string::npos) << en;
}

TEST(OrgNames, GroupsByOrganisationInFirstAppearanceOrder) {
  LocalizedText u1, u2, u3;
  u1.texts = {{"en", "Office of Science and Technology Policy", {}, 0}};
  u2.texts = {{"en", "Office of Management and Budget", {}, 0}};
  u3.texts = {{"en", "Office of Science and Technology Policy", {}, 0}};
  std::vector<OrganisationRef> refs = {{"eop", Role::Support, u1, {}}, {"gsa", Role::Support, {}, {}},
                                       {"eop", Role::Support, u2, {}}, {"eop", Role::Support, u3, {}}};
  std::vector<const OrganisationRef*> ptrs;
  for (const auto& r : refs) ptrs.push_back(&r);
  const auto groups = group_by_organisation(ptrs);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].ref, "eop");
  EXPECT_EQ(groups[1].ref, "gsa");
  EXPECT_EQ(units_in(groups[0], "en"), "Office of Science and Technology Policy; Office of Management and Budget");
  EXPECT_EQ(units_in(groups[1], "en"), "");
  EXPECT_EQ(units_in(groups[0], "id"), "");
}

}  // namespace
}  // namespace renaksi
