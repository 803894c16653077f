// The checks of the co-creation record: references that resolve (a comment on a commitment the
// plan does not have is an error), a reason for every decision and a response to every comment
// in every language by Final (an error then, a warning before), nothing pending at Final, ids
// once, http(s) links and a plausible address, and a Draft 4 plan that declares no consultation.
#include "check/cocreation_checks.h"

#include <gtest/gtest.h>

#include "load/loader.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

// The fixture copied, edited by `edit`, loaded and checked: every diagnostic, one per line.
std::string checked(const std::function<void(const fs::path&)>& edit) {
  testing::TempDir dir("cocreation-check");
  const fs::path plan = dir.path() / "plan";
  fs::copy(testing::fixtures_dir() / "cocreation" / "plan", plan, fs::copy_options::recursive);
  edit(plan);
  Diagnostics d;
  const LoadResult r = load_plan(plan, d);
  check_cocreation(r.plan, d);
  std::string s;
  for (const auto& x : d.all()) s += x.str() + "\n";
  return s;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

const auto kAsIs = [](const fs::path&) {};

void final_stage(const fs::path& plan) { testing::replace_once(plan / "plan.xml", "stage=\"draft-4\"", "stage=\"final\""); }

TEST(CocreationChecks, TheFixtureAtDraft4HasOnlyAMissingTranslationToReport) {
  const std::string s = checked(kAsIs);
  EXPECT_EQ(count(s, "error["), 0u) << s;
  // G-01's response lacks Indonesian: said now, an error from Final on.
  EXPECT_EQ(count(s, "warning[C203]"), 1u) << s;
  EXPECT_NE(s.find("the response to comment 'G-01' has no text in 'id'"), std::string::npos) << s;
}

TEST(CocreationChecks, AtFinalEveryDecisionHasItsReasonAndEveryCommentItsResponse) {
  const std::string s = checked(final_stage);
  EXPECT_NE(s.find("consultation.xml:10:3: error[C204]: the response to comment 'C1-02' is missing"), std::string::npos) << s;
  EXPECT_NE(s.find("error[C204]: proposal 'p05' is still pending"), std::string::npos) << s;
  EXPECT_NE(s.find("error[C203]: the response to comment 'G-01' has no text in 'id'"), std::string::npos) << s;
  EXPECT_EQ(count(s, "error["), 3u) << s;
}

TEST(CocreationChecks, ADecisionWithoutAReasonIsAnErrorAtFinalAndAWarningBefore) {
  auto no_reason = [](const fs::path& plan) {
    testing::replace_once(plan / "cocreation" / "proposals.xml",
                          "<reason><text xml:lang=\"id\">Bukan keterbukaan pemerintah.</text><text xml:lang=\"en\">Not about open government.</text></reason>",
                          "");
  };
  const std::string draft = checked(no_reason);
  EXPECT_NE(draft.find("proposals.xml:30:5: warning[C203]: the decision on proposal 'p04' gives no reason"), std::string::npos) << draft;
  const std::string final_ = checked([&](const fs::path& plan) {
    no_reason(plan);
    final_stage(plan);
  });
  EXPECT_NE(final_.find("proposals.xml:30:5: error[C203]: the reason for the decision on proposal 'p04' is missing"), std::string::npos)
      << final_;
}

TEST(CocreationChecks, ACommentOnACommitmentThePlanDoesNotHaveIsAnError) {
  const std::string s = checked([](const fs::path& plan) {
    testing::replace_once(plan / "cocreation" / "consultation.xml", "commitment=\"second\"", "commitment=\"third\"");
  });
  EXPECT_NE(s.find("consultation.xml:13:23: error[C202]: comment 'C2-01' names the commitment 'third', which the plan does not have "
                   "(its commitments are first, second)"),
            std::string::npos)
      << s;
}

TEST(CocreationChecks, ReferencesIdsLinksAndAddressesAreChecked) {
  const std::string s = checked([](const fs::path& plan) {
    const fs::path p = plan / "cocreation" / "proposals.xml";
    testing::replace_once(p, "theme=\"services\"", "theme=\"health\"");
    testing::replace_once(p, "kind=\"merged\" commitment=\"second\"", "kind=\"merged\" commitment=\"gone\"");
    testing::replace_once(p, "to=\"agency\"", "to=\"ministry\"");
    testing::replace_once(p, "https://example.org/proposals/p01", "javascript:alert(1)//");
    testing::replace_once(p, "id=\"p05\"", "id=\"p04\"");
    const fs::path c = plan / "cocreation" / "consultation.xml";
    testing::replace_once(c, "konsultasi@example.org", "konsultasi at example");
    testing::replace_once(c, "https://forms.example.org", "ftp://forms.example.org");
    testing::replace_once(c, "id=\"C2-01\"", "id=\"C1-01\"");
    testing::replace_once(c, "received=\"2018-10-05\"", "received=\"2018-02-30\"");
  });
  for (const char* want : {"error[C202]: proposal 'p01' names the theme 'health'", "error[C202]: the decision on proposal 'p02' names the commitment 'gone'",
                           "error[C202]: the decision on proposal 'p03' forwards it to 'ministry'",
                           "error[C205]: the link 'javascript:alert(1)//?a=1&b=2' of proposal 'p01'", "error[C201]: a second proposal 'p04'",
                           "error[C205]: the consultation's address 'konsultasi at example'", "error[C205]: the consultation's form 'ftp://",
                           "error[C201]: a second comment 'C1-01'", "error[C001]: '2018-02-30' is not a real calendar date"})
    EXPECT_NE(s.find(want), std::string::npos) << want << "\n" << s;
}

TEST(CocreationChecks, ConsultationDatesAndLanguages) {
  const std::string s = checked([](const fs::path& plan) {
    const fs::path c = plan / "cocreation" / "consultation.xml";
    testing::replace_once(c, "start=\"2018-10-01\" end=\"2018-10-15\"", "start=\"2018-10-15\" end=\"2018-10-01\"");
    testing::replace_once(c, "<response><text xml:lang=\"id\">Survei", "<response><text xml:lang=\"fr\">x</text><text xml:lang=\"id\">Survei");
  });
  EXPECT_NE(s.find("error[C002]: the consultation ends (2018-10-01) before it starts (2018-10-15)"), std::string::npos) << s;
  EXPECT_NE(s.find("error[C010]: the response to comment 'C2-01' has a text in 'fr'"), std::string::npos) << s;
  // What the public wrote may be in any language (C1-02 is Javanese): no C010 for it.
  EXPECT_EQ(s.find("'jv'"), std::string::npos) << s;
}

TEST(CocreationChecks, Draft4WithoutAConsultationIsWarned) {
  const std::string s = checked([](const fs::path& plan) { fs::remove(plan / "cocreation" / "consultation.xml"); });
  EXPECT_NE(s.find("warning[C206]: the plan is at Draft 4, the public consultation, but declares none"), std::string::npos) << s;
}

}  // namespace
}  // namespace renaksi
