// Template profiles: the shipped ones read clean, a bad one is reported in full, and a plan in
// a profile written by the test alone (no code) is checked and composed as that profile says.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "driver/pipeline.h"
#include "profile/template_profile.h"
#include "support/build.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

TEST(TemplateProfile, EveryShippedProfileReadsClean) {
  const std::vector<std::string> ids = template_ids(testing::source_dir());
  EXPECT_GE(ids.size(), 3u);
  for (const char* id : {"ogi-2018", "ogp-2022", "narrative"})
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  for (const auto& id : ids) {
    Diagnostics diags;
    auto p = load_template_profile(testing::source_dir(), id, {"plan.xml", 1, 1}, diags);
    for (const auto& d : diags.all()) ADD_FAILURE() << d.str();
    ASSERT_TRUE(p) << id;
    EXPECT_EQ(p->id, id);
    EXPECT_FALSE(p->sections.empty());
    EXPECT_FALSE(p->requires_.empty());
  }
}

TEST(TemplateProfile, TheOgp2022ProfileHasOgpsQuestionsAndNoIndonesianSections) {
  Diagnostics diags;
  auto p = load_template_profile(testing::source_dir(), "ogp-2022", {}, diags);
  ASSERT_TRUE(p);
  for (const char* id : {"brief-description", "problem", "causes", "status-quo", "description", "expected-results"})
    EXPECT_TRUE(p->prose_section(id)) << id;
  EXPECT_FALSE(p->prose_section("contribution"));
  EXPECT_FALSE(p->of_kind(SectionKind::Alignment));  // RKP, RPJMN, Stranas PK are OGI's
  const ProfileSection* planning = p->of_kind(SectionKind::Milestones);
  ASSERT_TRUE(planning);
  ASSERT_EQ(planning->columns.size(), 4u);
  EXPECT_EQ(planning->columns[2].field, MilestoneField::End);
  EXPECT_FALSE(planning->max_rows);
}

TEST(TemplateProfile, AnUnknownTemplateNamesTheNearest) {
  Diagnostics diags;
  EXPECT_FALSE(load_template_profile(testing::source_dir(), "ogp-2023", {"plan.xml", 4, 60}, diags));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].code, Code::T001);
  EXPECT_EQ(diags.all()[0].loc.line, 4);
  EXPECT_NE(diags.all()[0].message.find("did you mean 'ogp-2022'?"), std::string::npos) << diags.all()[0].message;
  Diagnostics traversal;
  EXPECT_FALSE(load_template_profile(testing::source_dir(), "../locales/en", {}, traversal));
  EXPECT_EQ(traversal.all().at(0).code, Code::T001);
}

struct BadProfile {
  const char* name;
  const char* text;
  std::vector<const char*> messages;  // each must be in some T002 message
};

class BadProfiles : public ::testing::TestWithParam<BadProfile> {};

TEST_P(BadProfiles, EveryProblemIsReported) {
  Diagnostics diags;
  EXPECT_FALSE(parse_template_profile(GetParam().text, "templates/bad.json", diags));
  ASSERT_FALSE(diags.all().empty());
  for (const auto& d : diags.all()) EXPECT_EQ(d.code, Code::T002) << d.str();
  for (const char* m : GetParam().messages) {
    bool found = false;
    for (const auto& d : diags.all()) found = found || d.message.find(m) != std::string::npos;
    EXPECT_TRUE(found) << m;
  }
}

INSTANTIATE_TEST_SUITE_P(
    TemplateProfile, BadProfiles,
    ::testing::Values(
        BadProfile{"NotJson", "{\n  \"id\": \"x\",\n  oops\n}", {"not valid JSON"}},
        BadProfile{"NotAnObject", "[1, 2]", {"one JSON object"}},
        BadProfile{"EveryProblemOfTheFile",
                   R"({"id": "Bad Id", "colour": 1,
                       "sections": [{"kind": "poem", "heading": "x"},
                                    {"id": "problem"},
                                    {"kind": "milestones", "heading": "m", "columns": [{"field": "when", "label": "l"}], "max": 0},
                                    {"id": "problem", "heading": "h"},
                                    {"id": "problem", "heading": "h"}],
                       "requires": [{"field": "problme", "from": "draft-9", "what": "w"}]})",
                   {"id must be lower-case", "colour is not a key", "'poem' is not a kind of section",
                    "sections[1].heading is missing", "'when' is not number", "max must be a whole number",
                    "repeats the section 'problem'", "did you mean 'problem'?", "'draft-9' is not a drafting stage"}},
        BadProfile{"NoSections", R"({"id": "x", "sections": []})", {"at least one section"}},
        BadProfile{"WrongTypes", R"({"id": "x", "sections": "all", "requires": {}})", {"sections must be an array", "requires must be an array"}}),
    [](const auto& info) { return std::string(info.param.name); });

// A data folder with the shipped catalogues and one profile made up here: the chosen
// sections, a new label, no milestones and no alignment.
class OwnProfile : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(data_.path() / "templates");
    fs::copy(testing::source_dir() / "locales", data_.path() / "locales", fs::copy_options::recursive);
    fs::copy(testing::source_dir() / "layouts", data_.path() / "layouts", fs::copy_options::recursive);
    for (const char* lang : {"en", "id"}) {
      const fs::path file = data_.path() / "locales" / (std::string(lang) + ".json");
      nlohmann::ordered_json j = nlohmann::ordered_json::parse(testing::file_bytes(file));
      j["own.story"] = std::string(lang) == "en" ? "Our story" : "Kisah kami";
      std::ofstream(file) << j.dump(2);
    }
    std::ofstream(data_.path() / "templates" / "own.json") << R"({
      "id": "own",
      "summary": [{"row": "number", "label": "meta.number"}, {"row": "lead", "label": "meta.lead"}],
      "sections": [
        {"id": "story", "heading": "own.story", "always": true},
        {"id": "problem", "heading": "section.b", "level": 3},
        {"kind": "contacts", "heading": "contacts.title"}],
      "requires": [
        {"field": "title", "from": "draft-1", "what": "a title"},
        {"field": "story", "from": "draft-1", "what": "its story"}]
    })";
    fs::copy(testing::fixtures_dir() / "check" / "base", plan_, fs::copy_options::recursive);
    std::string xml = testing::file_bytes(plan_ / "plan.xml");
    xml.replace(xml.find("stage=\"final\">"), 14, "stage=\"final\" template=\"own\">");
    std::ofstream(plan_ / "plan.xml") << xml;
    env_.data_dir = data_.path();
  }

  // A commitment with `body` after its organisations; dated unless `dated` is false.
  void commitment(const std::string& body, bool dated = true) {
    std::ofstream(plan_ / "commitments" / "01.xml")
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<commitment version=\"1\" id=\"first\" number=\"1\">\n"
           "  <title><text xml:lang=\"id\">Komitmen</text><text xml:lang=\"en\">Commitment</text></title>\n" +
               std::string(dated ? "  <period start=\"2019-01-01\" end=\"2019-12-31\"/>\n" : "") +
               "  <organisations><organisation ref=\"agency\" role=\"lead\"/></organisations>\n" +
               body + "</commitment>\n";
  }

  testing::TempDir data_{"own-profile-data"};
  testing::TempDir content_{"own-profile-plan"};
  fs::path plan_ = content_.path() / "plan";
  Env env_ = Env::from_environment();
};

TEST_F(OwnProfile, ItsStageRulesAndSectionsAreTheProfilesAlone) {
  // No story at Final: the profile's own requirement, in its own words; the OGI sections this
  // profile does not have are reported where they are, with what it has.
  commitment("  <contribution><text xml:lang=\"id\">K.</text><text xml:lang=\"en\">C.</text></contribution>\n"
             "  <alignment><with kind=\"rkp\"><text xml:lang=\"id\">R.</text><text xml:lang=\"en\">R.</text></with></alignment>\n");
  BuildState s = testing::plan_through(plan_, "check", env_);
  std::vector<std::string> found;
  for (const auto& d : s.diags.all()) found.push_back(std::string(code_id(d.code)) + " " + d.message);
  auto has = [&](const std::string& what) {
    return std::any_of(found.begin(), found.end(), [&](const std::string& f) { return f.find(what) != std::string::npos; });
  };
  EXPECT_TRUE(has("C013 commitment 1 lacks its story; required from Draft 1")) << ::testing::PrintToString(found);
  EXPECT_TRUE(has("C024 commitment 1 has the section <contribution>, which the template 'own' does not have"));
  EXPECT_TRUE(has("C025 commitment 1 gives an alignment with 'rkp', which the template 'own' does not ask for (it has no such section)"));
  EXPECT_FALSE(has("section B")) << "the OGI rules are not this profile's";
  EXPECT_FALSE(has("milestones")) << "this profile requires none";
}

TEST_F(OwnProfile, ComposesItsSectionsInItsOrderUnderItsLabels) {
  // At Draft 4: a Final plan would also need what OGP's submission does (milestones).
  std::string xml = testing::file_bytes(plan_ / "plan.xml");
  xml.replace(xml.find("stage=\"final\""), 13, "stage=\"draft-4\"");
  std::ofstream(plan_ / "plan.xml") << xml;
  commitment(
      "  <problem><text xml:lang=\"id\">Masalahnya.</text><text xml:lang=\"en\">The problem.</text></problem>\n"
      "  <story><text xml:lang=\"id\">Kisahnya.</text><text xml:lang=\"en\">The story.</text></story>\n");
  BuildState s = testing::plan_through(plan_, "compose", env_);
  for (const auto& d : s.diags.all()) EXPECT_NE(d.severity, Severity::Error) << d.str();
  ASSERT_FALSE(s.documents.empty());
  const doc::Document& en = s.documents.at(1);
  ASSERT_EQ(en.langs, std::vector<std::string>{"en"});
  const doc::Chapter* chapter = nullptr;
  for (const auto& c : en.chapters)
    if (c.kind == doc::Chapter::Kind::Commitment) chapter = &c;
  ASSERT_TRUE(chapter);
  std::vector<std::string> headings;
  for (const auto& b : chapter->blocks)
    if (const auto* h = std::get_if<doc::Heading>(&b.content)) headings.push_back(prose::plain_text(h->parts.at(0).value));
  // Its order (story before problem, although the content gives problem first), its label.
  EXPECT_EQ(headings, (std::vector<std::string>{"Our story", "B. What is the public problem that the commitment will address?"}));
  const auto* summary = std::get_if<doc::Fields>(&chapter->blocks.front().content);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->parts.at(0).value.rows.size(), 2u);  // number and lead only
}

// A plan whose content rules pass (its profile asks for no dates) but whose OGP submission
// the schema refuses (OGP's needs a commitment's dates) is refused by `check` as by `build`, in the
// same words, at plan.xml: never at a generated file that does not exist.
TEST_F(OwnProfile, CheckFindsWhatTheSubmissionWouldRejectAtTheContent) {
  commitment("  <story><text xml:lang=\"id\">Kisahnya.</text><text xml:lang=\"en\">The story.</text></story>\n",
             false);
  ArchiveBuild checked = build_plans({plan_}, env_, {.stop_after = "check"});
  const Diagnostics found = checked.all_diagnostics();
  ASSERT_TRUE(found.has_errors());
  for (const auto& d : found.all()) {
    EXPECT_EQ(fs::path(d.loc.file).filename(), "plan.xml") << d.str();
    EXPECT_NE(d.message.find("OGP submission would not be valid"), std::string::npos) << d.str();
  }
  // The build validates the submission beside Pandoc's run (check_step, join_submission); what
  // it finds still stops the plan before anything is composed or laid out.
  ArchiveBuild built = build_plans({plan_}, env_, {.stop_after = "ogp"});
  ASSERT_EQ(built.plans.size(), 1u);
  EXPECT_TRUE(built.plans[0]->documents.empty());
  EXPECT_TRUE(built.plans[0]->outputs.artifacts().empty());
  EXPECT_FALSE(built.plans[0]->submission);
  std::vector<std::string> a, b;
  for (const auto& d : found.all()) a.push_back(d.str());
  const Diagnostics from_build = built.all_diagnostics();
  for (const auto& d : from_build.all()) b.push_back(d.str());
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace renaksi
