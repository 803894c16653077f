// Tests of the load pass on the real content and on single files.
#include "load/loader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::content_dir;

TEST(Loader, EveryContentFileValidatesAgainstTheSchema) {
  int files = 0;
  for (const auto& plan : fs::directory_iterator(content_dir())) {
    if (!plan.is_directory()) continue;
    Diagnostics diags;
    EXPECT_TRUE(validate_content_file(plan.path() / "plan.xml", DocumentKind::Plan, diags));
    EXPECT_TRUE(validate_content_file(plan.path() / "organisations.xml", DocumentKind::Organisations, diags));
    files += 2;
    for (const auto& c : fs::directory_iterator(plan.path() / "commitments")) {
      EXPECT_TRUE(validate_content_file(c.path(), DocumentKind::Commitment, diags)) << c.path();
      ++files;
    }
    for (const auto& d : diags.all()) ADD_FAILURE() << d.str();
  }
  EXPECT_GE(files, 2 + 2 + 12 + 5);
}

TEST(Loader, ReadsTheDefaultPlan) {
  Diagnostics diags;
  LoadResult r = load_plan(content_dir() / "nap-2018-2020", diags);
  ASSERT_TRUE(r.plan_file_ok);
  EXPECT_TRUE(r.organisations_ok);
  EXPECT_TRUE(r.all_commitments_ok);
  EXPECT_TRUE(diags.all().empty());
  const Plan& p = r.plan;
  EXPECT_EQ(p.id, "nap-2018-2020");
  EXPECT_EQ(p.stage, Stage::Final);
  ASSERT_EQ(p.language_codes(), (std::vector<std::string>{"id", "en"}));
  EXPECT_GE(p.commitments.size(), 12u);
  for (size_t i = 1; i < p.commitments.size(); ++i)
    EXPECT_LT(p.commitments[i - 1].number, p.commitments[i].number);

  // The kick-off of 8 August 2018 with 83 people (seed 001).
  auto kick = std::find_if(p.events.begin(), p.events.end(), [](const Event& e) { return e.id == "kick-off"; });
  ASSERT_NE(kick, p.events.end());
  EXPECT_TRUE(kick->single_day);
  EXPECT_EQ(kick->when.start.text, "2018-08-08");
  ASSERT_TRUE(kick->participants);
  EXPECT_EQ(kick->participants->total, 83);

  auto lapor = std::find_if(p.commitments.begin(), p.commitments.end(),
                            [](const Commitment& c) { return c.ogp_id == "ID0101"; });
  ASSERT_NE(lapor, p.commitments.end());
  EXPECT_FALSE(lapor->with_role(Role::Lead).empty());
  EXPECT_LE(lapor->milestones.size(), 5u);
}

TEST(Loader, EveryNodeCarriesItsFileAndLine) {
  Diagnostics diags;
  LoadResult r = load_plan(content_dir() / "nap-2018-2020", diags);
  for (const auto& c : r.plan.commitments) {
    EXPECT_NE(c.loc.file.find("commitments/"), std::string::npos);
    EXPECT_GT(c.loc.line, 0);
    EXPECT_GT(c.loc.col, 0);
    ASSERT_TRUE(c.section("problem")) << c.loc.str();
    for (const auto& t : c.section("problem")->text.texts) {
      EXPECT_EQ(t.loc.file, c.loc.file);
      EXPECT_GT(t.loc.line, c.loc.line);
      EXPECT_GE(t.body_line, t.loc.line);
    }
    for (const auto& m : c.milestones) {
      EXPECT_GT(m.loc.line, 0);
      if (m.period) {
        EXPECT_GT(m.period->start.loc.col, m.period->loc.col);
      }
    }
  }
}

TEST(Loader, ProseIsDedentedSoIndentationIsNeverACodeBlock) {
  Diagnostics diags;
  LoadResult r = load_plan(content_dir() / "nap-2018-2020", diags);
  int prose = 0;
  for (const auto& c : r.plan.commitments)
    for (const auto& s : c.sections)
    for (const auto& t : s.text.texts) {
      ++prose;
      ASSERT_FALSE(t.value.empty());
      EXPECT_NE(t.value.front(), ' ') << c.loc.str();
      EXPECT_EQ(t.value.find("\n    "), std::string::npos) << c.loc.str();
    }
  EXPECT_GT(prose, 0);
}

TEST(Loader, MissingFolderIsReported) {
  Diagnostics diags;
  LoadResult r = load_plan("no/such/plan", diags);
  EXPECT_FALSE(r.plan_file_ok);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].code, Code::L001);
}

TEST(Loader, RefusesExternalEntitiesWithoutReadingThem) {
  testing::TempDir dir("xxe");
  fs::path f = dir.path() / "c.xml";
  std::ofstream(f) << "<?xml version=\"1.0\"?>\n<!DOCTYPE commitment [<!ENTITY x SYSTEM \"/etc/hostname\">]>\n"
                      "<commitment version=\"1\" id=\"a\" number=\"1\"><title><text xml:lang=\"en\">&x;</text></title>"
                      "</commitment>\n";
  Diagnostics diags;
  EXPECT_FALSE(validate_content_file(f, DocumentKind::Commitment, diags));
  ASSERT_FALSE(diags.all().empty());
  EXPECT_EQ(diags.all().back().code, Code::L005);
  EXPECT_EQ(diags.all().back().loc.line, 2);
}

TEST(Loader, ReportsEveryInvalidFileNotOnlyTheFirst) {
  testing::TempDir dir("many");
  fs::create_directories(dir.path() / "commitments");
  fs::copy(testing::fixtures_dir() / "check" / "base", dir.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::ofstream(dir.path() / "commitments" / "02.xml") << "<commitment>\n";
  std::ofstream(dir.path() / "commitments" / "03.xml") << "<commitment version=\"1\"/>\n";
  Diagnostics diags;
  LoadResult r = load_plan(dir.path(), diags);
  EXPECT_FALSE(r.all_commitments_ok);
  EXPECT_EQ(r.plan.commitments.size(), 1u);  // 01.xml still loads
  bool l002 = false, l003 = false;
  for (const auto& d : diags.all()) {
    l002 = l002 || (d.code == Code::L002 && d.loc.file.ends_with("02.xml"));
    l003 = l003 || (d.code == Code::L003 && d.loc.file.ends_with("03.xml"));
  }
  EXPECT_TRUE(l002);
  EXPECT_TRUE(l003);
}

}  // namespace
}  // namespace renaksi
