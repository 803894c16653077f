// `renaksi validate` and `renaksi submission` as a user runs them: output, files, exit codes.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "emit/ogp/helpers.h"
#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::run_renaksi;
using testing::shell_quote;

TEST(OgpCli, HelpListsValidateAndSubmission) {
  testing::CommandResult r = run_renaksi("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("validate"), std::string::npos);
  EXPECT_NE(r.out.find("submission"), std::string::npos);
  EXPECT_EQ(run_renaksi("submission --help").exit_code, 0);
  EXPECT_EQ(run_renaksi("validate --help").exit_code, 0);
}

TEST(OgpCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_renaksi("validate").exit_code, 2);
  EXPECT_EQ(run_renaksi("validate no-such-file.xml").exit_code, 2);
  EXPECT_EQ(run_renaksi("submission").exit_code, 2);
  EXPECT_EQ(run_renaksi("submission content/no-such-plan").exit_code, 2);
  testing::CommandResult bad_date = run_renaksi("submission --date 2024-02-30 content/nap-2018-2020");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("2024-02-30"), std::string::npos) << bad_date.err;
}

TEST(OgpCli, ValidateChecksEveryFileAndExitsOneIfAnyIsInvalid) {
  testing::CommandResult r = run_renaksi(
      "validate tests/fixtures/ogp/valid.xml tests/fixtures/ogp/v002-unknown-element.xml "
      "tests/fixtures/ogp/v008-no-lead-institution.xml");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "tests/fixtures/ogp/valid.xml: valid, 0 errors\n"
            "tests/fixtures/ogp/v002-unknown-element.xml: invalid, 1 error\n"
            "tests/fixtures/ogp/v008-no-lead-institution.xml: invalid, 1 error\n");
  EXPECT_NE(r.err.find("tests/fixtures/ogp/v002-unknown-element.xml:76:7: error[V002]: Element 'riskAssessment'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("tests/fixtures/ogp/v008-no-lead-institution.xml:59:5: error[V008]: commitment 1 has no lead"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(run_renaksi("validate -q tests/fixtures/ogp/valid.xml").out, "");
}

TEST(OgpCli, SubmissionWritesAValidFileForAFinalPlan) {
  testing::TempDir dir("ogp-cli-final");
  const fs::path out = dir.path() / "nap-2018-2020.xml";
  testing::CommandResult r =
      run_renaksi("submission content/nap-2018-2020 --date 2024-05-01 -o " + shell_quote(out.string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("content/nap-2018-2020: 14 commitments, wrote " + out.string()), std::string::npos) << r.out;
  ASSERT_TRUE(fs::exists(out));
  // Nothing beside it: the temporary file it was written through is renamed into place.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
  const std::string xml = testing::read_file(out);
  EXPECT_NE(xml.find("generated=\"2024-05-01\" generator=\"renaksi "), std::string::npos);
  EXPECT_EQ(testing::xmllint_schema(out).exit_code, 0);
  EXPECT_EQ(run_renaksi("validate " + shell_quote(out.string())).exit_code, 0);

  // Without -o the same bytes go to standard output, and nothing else does.
  testing::CommandResult stdout_run = run_renaksi("submission --date 2024-05-01 content/nap-2018-2020");
  EXPECT_EQ(stdout_run.exit_code, 0);
  EXPECT_TRUE(stdout_run.out == xml);
}

TEST(OgpCli, SubmissionOfAnInvalidPlanWritesNothing) {
  testing::TempDir dir("ogp-cli-draft");
  const fs::path out = dir.path() / "draft.xml";
  testing::CommandResult r = run_renaksi("submission content/nap-2020-2022 -o " + shell_quote(out.string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_TRUE(fs::is_empty(dir.path()));  // no temporary file either
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("warning[C012]"), std::string::npos) << r.err;  // the check's warnings come first
  EXPECT_NE(r.err.find(out.string() + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error[V002]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("content/nap-2020-2022: the submission does not validate (3 errors); nothing written"),
            std::string::npos)
      << r.err;
}

TEST(OgpCli, SubmissionOfAPlanWithErrorsStopsAtTheCheck) {
  testing::TempDir dir("ogp-cli-errors");
  const fs::path plan = dir.path() / "plan", out = dir.path() / "out.xml";
  fs::copy(testing::fixtures_dir() / "check" / "base", plan, fs::copy_options::recursive);
  fs::copy(testing::fixtures_dir() / "check" / "c002-end-before-start", plan,
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  testing::CommandResult r = run_renaksi("submission " + shell_quote(plan.string()) + " -o " + shell_quote(out.string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_NE(r.err.find("error[C002]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("the plan has errors; no submission written"), std::string::npos) << r.err;
}

// Each fixture of tests/fixtures/ogp/ through `renaksi validate`: the marked lines and codes,
// every line in compiler form, the exit code and the summary line.
class OgpValidateFixture : public ::testing::TestWithParam<std::string> {
 protected:
  std::string relative() const { return "tests/fixtures/ogp/" + GetParam(); }
};

TEST_P(OgpValidateFixture, ReportsTheMarkedDiagnosticsInCompilerForm) {
  const testing::CommandResult r = run_renaksi("validate " + shell_quote(relative()));
  const auto expected = testing::ogp_fixture_expectations(testing::source_dir() / relative());
  EXPECT_EQ(r.exit_code, expected.empty() ? 0 : 1) << r.err;
  std::set<std::string> got;
  const std::regex line_re("^" + std::regex_replace(relative(), std::regex(R"([.])"), R"(\.)") +
                           R"(:(\d+):(\d+): error\[(V\d{3})\]: .+$)");
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, line_re)) {
      got.insert(m[1].str() + " " + m[3].str());
    } else {
      ADD_FAILURE() << "not in compiler form: " << line;
    }
  }
  EXPECT_EQ(got, expected) << r.err;
  EXPECT_NE(r.out.find(relative() + ": " + (expected.empty() ? "valid, 0 errors" : "invalid, ")), std::string::npos)
      << r.out;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, OgpValidateFixture, ::testing::ValuesIn(testing::ogp_fixture_names()),
                         [](const auto& info) { return testing::ogp_fixture_test_name(info.param); });

}  // namespace
}  // namespace renaksi
