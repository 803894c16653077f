// Table-driven tests of every validate code: each file in tests/fixtures/ogp/ is a submission
// whose lines marked `<!-- expect: error V002 -->` are exactly the diagnostics it must give:
// in-process, and, for what the schema alone checks (V001, V002), from `xmllint --schema`,
// which must accept what only renaksi's own rules refuse. (tests/cli/ogp_cli_test.cpp runs
// `renaksi validate` on the same fixtures.)
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "emit/ogp/helpers.h"
#include "emit/ogp/validator.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

fs::path ogp_fixtures() { return testing::fixtures_dir() / "ogp"; }

using testing::ogp_fixture_names;
std::set<std::string> expectations(const fs::path& file) { return testing::ogp_fixture_expectations(file); }

bool schema_level(const std::string& expectation) {
  const std::string code = expectation.substr(expectation.size() - 4);
  return code == "V001" || code == "V002";
}

class OgpFixture : public ::testing::TestWithParam<std::string> {
 protected:
  fs::path file() const { return ogp_fixtures() / GetParam(); }
  std::string relative() const { return "tests/fixtures/ogp/" + GetParam(); }
};

TEST_P(OgpFixture, TheValidatorGivesExactlyTheMarkedDiagnostics) {
  Diagnostics diags;
  const bool valid = ogp::validate_submission_file(file(), diags);
  const auto expected = expectations(file());
  std::set<std::string> got;
  std::string all;
  for (const auto& d : diags.all()) {
    got.insert(std::to_string(d.loc.line) + " " + std::string(code_id(d.code)));
    all += "  " + d.str() + "\n";
    EXPECT_GT(d.loc.col, 0) << d.str();
    EXPECT_EQ(d.severity, Severity::Error);
  }
  EXPECT_EQ(got, expected) << all;
  EXPECT_EQ(valid, expected.empty());
}

TEST_P(OgpFixture, XmllintAgreesOnWhatTheSchemaChecks) {
  std::set<std::string> schema_lines;
  for (const auto& e : expectations(file()))
    if (schema_level(e)) schema_lines.insert(e.substr(0, e.find(' ')));
  const testing::CommandResult r = testing::xmllint_schema(relative());
  if (schema_lines.empty()) {
    // Valid, or refused only by renaksi's own rules, which XSD 1.0 cannot express.
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return;
  }
  EXPECT_NE(r.exit_code, 0);
  std::set<std::string> got;
  const std::regex line_re("^" + std::regex_replace(relative(), std::regex(R"([.])"), R"(\.)") + R"(:(\d+): .*)");
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, line_re)) got.insert(m[1].str());
  }
  EXPECT_EQ(got, schema_lines) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, OgpFixture, ::testing::ValuesIn(ogp_fixture_names()),
                         [](const auto& info) { return testing::ogp_fixture_test_name(info.param); });

TEST(OgpFixtures, EveryValidateCodeHasAFixture) {
  std::set<std::string> codes;
  for (const auto& name : ogp_fixture_names())
    for (const auto& e : expectations(ogp_fixtures() / name)) codes.insert(e.substr(e.size() - 4));
  for (const auto& info : code_catalogue())
    if (info.id[0] == 'V') {
      EXPECT_TRUE(codes.count(std::string(info.id))) << info.id << " (" << info.summary << ") has no fixture";
    }
}

TEST(OgpFixtures, AnAttributeErrorPointsAtTheAttribute) {
  Diagnostics diags;
  ogp::validate_submission_file(ogp_fixtures() / "v002-not-a-calendar-date.xml", diags);
  ASSERT_EQ(diags.all().size(), 1u);
  const Diagnostic& d = diags.all()[0];
  EXPECT_EQ(d.loc.line, 110);
  EXPECT_EQ(d.loc.col, 38);  // `end="2019-06-31"`, not the <period> start tag
  EXPECT_NE(d.message.find("'2019-06-31' is not a valid value of the union type 'PlanDate'"), std::string::npos)
      << d.str();
  EXPECT_NE(d.message.find("(commitment 1, milestone 'm1', period)"), std::string::npos) << d.str();
}

TEST(OgpFixtures, TheBrokenSubmissionsTheIssueNamesAreThere) {
  // Missing English text of a title, a milestone period without its end, an unknown element, not
  // well-formed: each must be a schema-level error that xmllint rejects as well.
  for (const char* name : {"v002-title-without-english.xml", "v002-milestone-period-without-end.xml",
                           "v002-unknown-element.xml", "v001-not-well-formed.xml"}) {
    const auto expected = expectations(ogp_fixtures() / name);
    ASSERT_EQ(expected.size(), 1u) << name;
    EXPECT_TRUE(schema_level(*expected.begin())) << name;
  }
}

}  // namespace
}  // namespace renaksi
