// The co-creation record (content/<plan>/cocreation/): loaded apart from the plan's own files,
// validated against schemas/cocreation.rng with file:line:col, a bad file reported while the
// other loads, other files of the folder (the survey's CSV) left alone.
#include "load/cocreation_loader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "load/loader.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

fs::path fixture() { return testing::fixtures_dir() / "cocreation" / "plan"; }

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.str() + "\n";
  return s;
}

TEST(CocreationLoader, NoFolderIsNoRecordAndNoDiagnostic) {
  Diagnostics d;
  const Cocreation r = load_cocreation(testing::fixtures_dir() / "progress" / "plan", d);
  EXPECT_TRUE(r.empty());
  EXPECT_TRUE(d.all().empty()) << all(d);
}

TEST(CocreationLoader, ReadsProposalsDecisionsAndTheConsultation) {
  Diagnostics d;
  const Cocreation r = load_cocreation(fixture(), d);
  ASSERT_FALSE(d.has_errors()) << all(d);
  ASSERT_EQ(r.proposals.size(), 5u);
  const Proposal& p = r.proposals[0];
  EXPECT_EQ(p.id, "p01");
  EXPECT_EQ(p.sector, "cso");
  EXPECT_EQ(p.received.text, "2018-08-20");
  EXPECT_EQ(p.theme, "services");
  EXPECT_EQ(p.from.texts.at(0).lang, "");
  EXPECT_EQ(p.from.texts.at(0).value, "Pemantau Anggaran");
  EXPECT_EQ(p.title.in("en"), "Open service data");
  EXPECT_EQ(p.link, "https://example.org/proposals/p01?a=1&b=2");
  EXPECT_EQ(p.decision, Decision::TakenUp);
  EXPECT_EQ(p.decision_commitment, "first");
  EXPECT_EQ(p.reason.in("id"), "Sejalan dengan RPJMN.");
  EXPECT_EQ(p.loc.line, 4);
  EXPECT_EQ(r.proposals[2].decision, Decision::Forwarded);
  EXPECT_EQ(r.proposals[2].forwarded_to, "agency");
  EXPECT_EQ(r.proposals[4].decision, Decision::Pending);
  EXPECT_FALSE(r.proposals[4].reason.present());

  const Consultation& c = r.consultation;
  ASSERT_TRUE(c.declared);
  EXPECT_EQ(c.period.start.text, "2018-10-01");
  EXPECT_EQ(c.period.end.text, "2018-10-15");
  EXPECT_EQ(c.email, "konsultasi@example.org");
  EXPECT_EQ(c.form, "https://forms.example.org/consult?subject={subject}");
  ASSERT_EQ(c.comments.size(), 4u);
  EXPECT_EQ(c.comments[0].id, "C1-01");
  EXPECT_EQ(c.comments[0].commitment, "first");
  EXPECT_EQ(c.comments[0].channel, "form");
  EXPECT_EQ(c.comments[1].heard.texts.at(0).lang, "jv");
  EXPECT_FALSE(c.comments[1].response.present());
  EXPECT_TRUE(c.comments[3].commitment.empty());  // the plan as a whole
  EXPECT_EQ(c.comments[3].commitment_loc.line, c.comments[3].loc.line);
}

TEST(CocreationLoader, LoadPlanCarriesTheRecord) {
  Diagnostics d;
  const LoadResult r = load_plan(fixture(), d);
  EXPECT_FALSE(d.has_errors()) << all(d);
  EXPECT_EQ(r.plan.record.proposals.size(), 5u);
  EXPECT_EQ(r.plan.record.consultation.comments.size(), 4u);
}

TEST(CocreationLoader, EveryBadFileIsReportedAtItsPlaceAndTheOtherLoads) {
  testing::TempDir dir("cocreation-bad");
  const fs::path plan = dir.path() / "plan";
  fs::copy(fixture(), plan, fs::copy_options::recursive);
  // A taken-up decision without its commitment, and a decision kind that is none.
  std::ofstream(plan / "cocreation" / "proposals.xml", std::ios::trunc)
      << "<?xml version=\"1.0\"?>\n<proposals version=\"1\">\n"
         "  <proposal id=\"p1\" sector=\"cso\">\n    <from><text>X</text></from>\n"
         "    <title><text xml:lang=\"en\">T</text></title>\n    <decision kind=\"taken-up\"/>\n  </proposal>\n</proposals>\n";
  std::ofstream(plan / "cocreation" / "notes.xml") << "<?xml version=\"1.0\"?>\n<notes/>\n";
  std::ofstream(plan / "cocreation" / "export.csv") << "Timestamp,Comment\n";
  Diagnostics d;
  const Cocreation r = load_cocreation(plan, d);
  const std::string s = all(d);
  EXPECT_NE(s.find("cocreation/proposals.xml:6:"), std::string::npos) << s;
  EXPECT_NE(s.find("error[L003]"), std::string::npos) << s;
  EXPECT_NE(s.find("cocreation/notes.xml:1:1: error[L004]"), std::string::npos) << s;
  EXPECT_EQ(s.find("export.csv"), std::string::npos) << s;
  EXPECT_TRUE(r.proposals.empty());
  EXPECT_EQ(r.consultation.comments.size(), 4u);  // the other file loads
}

TEST(CocreationLoader, AFileOfTheWrongKindIsNamed) {
  testing::TempDir dir("cocreation-kind");
  const fs::path plan = dir.path() / "plan";
  fs::copy(fixture(), plan, fs::copy_options::recursive);
  fs::copy_file(plan / "cocreation" / "proposals.xml", plan / "cocreation" / "consultation.xml", fs::copy_options::overwrite_existing);
  Diagnostics d;
  const Cocreation r = load_cocreation(plan, d);
  EXPECT_NE(all(d).find("expected a <consultation> document here (cocreation/consultation.xml)"), std::string::npos) << all(d);
  EXPECT_FALSE(r.consultation.declared);
}

TEST(CocreationLoader, ValidRecordFileChecksBytesAsTheLoaderWould) {
  Diagnostics d;
  EXPECT_TRUE(valid_record_file(testing::file_bytes(fixture() / "cocreation" / "consultation.xml"), "c.xml", d)) << all(d);
  Diagnostics bad;
  EXPECT_FALSE(valid_record_file("<consultation version=\"1\" start=\"2018-10-01\" end=\"2018-10-15\"/>", "c.xml", bad));
  EXPECT_TRUE(bad.has_errors());
}

}  // namespace
}  // namespace renaksi
