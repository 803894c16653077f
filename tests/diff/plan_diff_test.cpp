// diff/plan_diff: commitments matched by id (renumbered, added, removed), fields per language,
// milestones by id; and the terminal report of diff/diff_text in both modes.
#include <gtest/gtest.h>

#include <tuple>

#include "diff/diff_text.h"
#include "diff/plan_diff.h"

namespace renaksi::diff {
namespace {

LocalizedText both(const std::string& id, const std::string& en) {
  LocalizedText t;
  t.texts.push_back({"id", id, {}, 0, 0});
  t.texts.push_back({"en", en, {}, 0, 0});
  return t;
}

Commitment commitment(const std::string& id, int number, const std::string& title) {
  Commitment c;
  c.id = id;
  c.number = number;
  c.title = both("Judul " + title, "Title " + title);
  Milestone m;
  m.id = "m1";
  m.activity = both("Menyusun peraturan", "Drafting a regulation");
  c.milestones.push_back(m);
  return c;
}

Plan plan(Stage stage, std::vector<Commitment> commitments) {
  Plan p;
  p.id = "nap-test";
  p.stage = stage;
  p.languages = {{"id", true, {}}, {"en", false, {}}};
  p.title = both("Rencana", "Plan");
  p.commitments = std::move(commitments);
  return p;
}

const FieldChange* field(const CommitmentChange& c, Field f, const std::string& lang, const std::string& id = "") {
  for (const auto& x : c.fields)
    if (x.field == f && x.lang == lang && x.id == id) return &x;
  return nullptr;
}

TEST(PlanDiff, TheSamePlanHasNoChanges) {
  const Plan a = plan(Stage::Draft2, {commitment("alpha", 1, "A")});
  const PlanDiff d = diff_plans(a, a);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(render_plan_diff(d, false), "nap-test: draft-2 \u2192 draft-2\nno changes\n");
}

TEST(PlanDiff, CommitmentsAreMatchedByIdNotNumber) {
  // "beta" moves from 2 to 1 and "alpha" from 1 to 2, unchanged otherwise: two renumberings,
  // no field changes (matching by number would call every field changed).
  const Plan a = plan(Stage::Draft2, {commitment("alpha", 1, "A"), commitment("beta", 2, "B")});
  const Plan b = plan(Stage::Draft3, {commitment("beta", 1, "B"), commitment("alpha", 2, "A")});
  const PlanDiff d = diff_plans(a, b);
  ASSERT_EQ(d.commitments.size(), 2u);
  EXPECT_EQ(d.commitments[0].id, "beta");
  EXPECT_TRUE(d.commitments[0].renumbered());
  EXPECT_EQ(d.commitments[0].old_number, 2);
  EXPECT_EQ(d.commitments[0].new_number, 1);
  EXPECT_TRUE(d.commitments[0].fields.empty());
  EXPECT_EQ(render_plan_diff(d, false),
            "nap-test: draft-2 \u2192 draft-3\n"
            "commitment 2 \u2192 1 beta (renumbered)\n"
            "commitment 1 \u2192 2 alpha (renumbered)\n");
}

TEST(PlanDiff, AddedAndRemovedCommitmentsShowTheirWholeText) {
  const Plan a = plan(Stage::Draft2, {commitment("alpha", 1, "A"), commitment("gone", 2, "G")});
  const Plan b = plan(Stage::Draft3, {commitment("alpha", 1, "A"), commitment("new", 2, "N")});
  const PlanDiff d = diff_plans(a, b);
  ASSERT_EQ(d.commitments.size(), 2u);
  const CommitmentChange& added = d.commitments[0];
  const CommitmentChange& removed = d.commitments[1];
  EXPECT_TRUE(added.added());
  EXPECT_EQ(added.id, "new");
  EXPECT_TRUE(removed.removed());
  EXPECT_EQ(removed.id, "gone");
  ASSERT_NE(field(added, Field::Title, "en"), nullptr);
  EXPECT_EQ(field(added, Field::Title, "en")->change, Change::Added);
  ASSERT_NE(field(removed, Field::Title, "id"), nullptr);
  EXPECT_EQ(field(removed, Field::Title, "id")->change, Change::Removed);
  const std::string plain = render_plan_diff(d, false);
  EXPECT_NE(plain.find("commitment 2 new (added)\n  title [id] (added):\n    {+Judul N+}\n"), std::string::npos) << plain;
  EXPECT_NE(plain.find("commitment 2 gone (removed)\n  title [id] (removed):\n    [-Judul G-]\n"), std::string::npos) << plain;
}

TEST(PlanDiff, FieldsChangeInEachLanguageAndMilestonesByTheirId) {
  Commitment old_c = commitment("alpha", 1, "A");
  Commitment new_c = old_c;
  new_c.milestones[0].activity = both("Menyusun peraturan", "Updating a regulation");  // English only
  Milestone m2;
  m2.id = "m2";
  m2.activity = both("Mengumumkan hasil", "Publishing the results");
  new_c.milestones.push_back(m2);
  Section s;
  s.id = "problem";
  s.text = both("Masalah lama", "The old problem");
  old_c.sections.push_back(s);
  s.text = both("Masalah baru", "The old problem");
  new_c.sections.push_back(s);
  const PlanDiff d = diff_plans(plan(Stage::Draft2, {old_c}), plan(Stage::Draft3, {new_c}));
  ASSERT_EQ(d.commitments.size(), 1u);
  const CommitmentChange& c = d.commitments[0];
  EXPECT_FALSE(c.renumbered());
  EXPECT_EQ(field(c, Field::MilestoneActivity, "id", "m1"), nullptr);  // unchanged in Indonesian
  ASSERT_NE(field(c, Field::MilestoneActivity, "en", "m1"), nullptr);
  ASSERT_NE(field(c, Field::Milestone, "en", "m2"), nullptr);
  EXPECT_EQ(field(c, Field::Milestone, "en", "m2")->change, Change::Added);
  ASSERT_NE(field(c, Field::Section, "id", "problem"), nullptr);
  EXPECT_EQ(field(c, Field::Section, "en", "problem"), nullptr);

  const std::string plain = render_plan_diff(d, false);
  EXPECT_EQ(plain,
            "nap-test: draft-2 \u2192 draft-3\n"
            "commitment 1 alpha\n"
            "  section problem [id]:\n"
            "    Masalah [-lama-]{+baru+}\n"
            "  milestone-activity m1 [en]:\n"
            "    [-Drafting-]{+Updating+} a regulation\n"
            "  milestone m2 [id] (added):\n"
            "    {+Mengumumkan hasil+}\n"
            "  milestone m2 [en] (added):\n"
            "    {+Publishing the results+}\n");
  const std::string colour = render_plan_diff(d, true);
  EXPECT_NE(colour.find("Masalah \x1b[31;9mlama\x1b[0m\x1b[32;4mbaru\x1b[0m"), std::string::npos);
  EXPECT_EQ(colour.find("[-"), std::string::npos);
}

TEST(PlanDiff, OrganisationsThemesAndActorsChangeByTheirNamesInEachLanguage) {
  auto with_orgs = [](Plan p) {
    for (const auto& [id, name_id, name_en] : {std::tuple{"kemenkumham", "Kementerian Hukum", "Ministry of Law"},
                                               std::tuple{"bappenas", "Bappenas", "National Planning Agency"},
                                               std::tuple{"icw", "ICW", "Indonesia Corruption Watch"}}) {
      Organisation o;
      o.id = id;
      o.name = both(name_id, name_en);
      p.organisations.push_back(o);
    }
    Theme t;
    t.id = "justice";
    t.name = both("Keadilan", "Justice");
    p.themes.push_back(t);
    t.id = "budget";
    t.name = both("Anggaran", "Budget");
    p.themes.push_back(t);
    return p;
  };
  Commitment old_c = commitment("alpha", 1, "A");
  old_c.organisations.push_back({"kemenkumham", Role::Lead, {}, {}});
  old_c.organisations.push_back({"icw", Role::Support, {}, {}});
  old_c.themes.push_back({"justice", {}});
  old_c.milestones[0].actors = {"kemenkumham"};
  Commitment new_c = old_c;
  new_c.organisations[0].ref = "bappenas";  // a new lead; the same supporter
  new_c.themes.push_back({"budget", {}});
  new_c.milestones[0].actors = {"kemenkumham", "icw", "unknown-org"};
  const PlanDiff d = diff_plans(with_orgs(plan(Stage::Draft2, {old_c})), with_orgs(plan(Stage::Draft3, {new_c})));
  ASSERT_EQ(d.commitments.size(), 1u);
  const CommitmentChange& c = d.commitments[0];
  const std::string plain = render_plan_diff(d, false);
  ASSERT_NE(field(c, Field::Lead, "en"), nullptr) << plain;
  EXPECT_EQ(field(c, Field::Support, "en"), nullptr) << plain;
  ASSERT_NE(field(c, Field::Themes, "id"), nullptr);
  ASSERT_NE(field(c, Field::MilestoneActors, "en", "m1"), nullptr) << plain;
  EXPECT_NE(plain.find("  lead [en]:\n    [-Ministry of Law-]{+National Planning Agency+}\n"), std::string::npos) << plain;
  EXPECT_NE(plain.find("  themes [id]:\n    Keadilan{+, Anggaran+}\n"), std::string::npos) << plain;
  // An organisation the draft does not name shows as its id.
  EXPECT_NE(plain.find("  milestone-actors m1 [en]:\n    Ministry of Law{+, Indonesia Corruption Watch, unknown-org+}\n"),
            std::string::npos)
      << plain;
}

TEST(PlanDiff, ContentCannotColourOrMoveTheTerminal) {
  Commitment old_c = commitment("alpha", 1, "A");
  Commitment new_c = old_c;
  new_c.title = both("Judul \x1b[2Jx", "Title A");
  const std::string out = render_plan_diff(diff_plans(plan(Stage::Draft2, {old_c}), plan(Stage::Draft3, {new_c})), false);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_NE(out.find("\\x1b"), std::string::npos);
}

}  // namespace
}  // namespace renaksi::diff
