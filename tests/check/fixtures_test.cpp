// Table-driven tests of every diagnostic code: each folder in tests/fixtures/check/ overlays
// the files it holds on a copy of base/ (and deletes the paths its DELETE file lists). Lines
// marked `<!-- expect: error C003 -->`, and lines of its EXPECT file (`path:line severity
// CODE`), are the diagnostics the load and check passes must give: exactly those, no more.
// A file too large to commit is made by the fixture's MAKE file: `path bytes` makes a file of
// that many bytes (spaces) at that path of the plan folder.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "driver/pipeline.h"
#include "support/build.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

fs::path check_fixtures() { return testing::fixtures_dir() / "check"; }

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(check_fixtures()))
    if (e.is_directory() && e.path().filename() != "base") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// "path:line severity CODE", path relative to the plan folder.
using Expectation = std::string;

std::set<Expectation> expectations(const fs::path& fixture) {
  std::set<Expectation> out;
  const std::regex marker(R"(expect:\s*(error|warning)\s+([LCTV][0-9]{3}))");
  for (const auto& e : fs::recursive_directory_iterator(fixture)) {
    if (!e.is_regular_file() || e.path().extension() != ".xml") continue;
    std::ifstream in(e.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
      for (std::sregex_iterator m(line.begin(), line.end(), marker), end; m != end; ++m)
        out.insert(fs::relative(e.path(), fixture).generic_string() + ":" + std::to_string(n) + " " + (*m)[1].str() +
                   " " + (*m)[2].str());
  }
  std::ifstream expect(fixture / "EXPECT");
  for (std::string line; std::getline(expect, line);)
    if (!line.empty()) out.insert(line);
  return out;
}

std::set<std::string> expected_codes_everywhere() {
  std::set<std::string> codes;
  for (const auto& name : fixture_names())
    for (const auto& e : expectations(check_fixtures() / name)) codes.insert(e.substr(e.size() - 4));
  return codes;
}

class CheckFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(CheckFixture, GivesExactlyTheExpectedDiagnostics) {
  const fs::path fixture = check_fixtures() / GetParam();
  testing::TempDir dir(GetParam());
  const fs::path plan = dir.path() / "plan";
  fs::copy(check_fixtures() / "base", plan, fs::copy_options::recursive);
  fs::copy(fixture, plan, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::ifstream del(fixture / "DELETE");
  for (std::string line; std::getline(del, line);)
    if (!line.empty()) fs::remove(plan / line);
  std::ifstream make(fixture / "MAKE");
  for (std::string path; make >> path;) {
    std::size_t bytes = 0;
    ASSERT_TRUE(make >> bytes) << "MAKE: path bytes";
    std::ofstream out(plan / path, std::ios::binary);
    const std::string chunk(1 << 16, ' ');
    for (std::size_t left = bytes; left > 0;) {
      const std::size_t n = std::min(left, chunk.size());
      out.write(chunk.data(), static_cast<std::streamsize>(n));
      left -= n;
    }
    ASSERT_TRUE(out.good()) << path;
  }
  fs::remove(plan / "DELETE");
  fs::remove(plan / "EXPECT");
  fs::remove(plan / "MAKE");

  const std::set<Expectation> expected = expectations(fixture);
  ASSERT_FALSE(expected.empty()) << "a fixture must expect at least one diagnostic";

  BuildState state = testing::plan_through(plan, "check");
  std::set<Expectation> got;
  std::ostringstream all;
  for (const auto& d : state.diags.all()) {
    got.insert(fs::relative(d.loc.file, plan).generic_string() + ":" + std::to_string(d.loc.line) + " " +
               (d.severity == Severity::Error ? "error " : "warning ") + std::string(code_id(d.code)));
    all << "  " << d.str() << "\n";
    EXPECT_FALSE(d.message.empty());
  }
  EXPECT_EQ(got, expected) << "diagnostics given:\n" << all.str();
}

INSTANTIATE_TEST_SUITE_P(Fixtures, CheckFixture, ::testing::ValuesIn(fixture_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(CheckFixtures, EveryLoadAndCheckCodeHasAFixture) {
  // L and C codes are the load and check passes'; other passes' codes have their own tests.
  const auto codes = expected_codes_everywhere();
  for (const auto& info : code_catalogue())
    if (info.id[0] == 'L' || info.id[0] == 'C') {
      EXPECT_TRUE(codes.count(std::string(info.id))) << info.id << " (" << info.summary << ") has no fixture";
    }
}

TEST(CheckFixtures, BaseIsClean) {
  BuildState state = testing::plan_through(check_fixtures() / "base", "check");
  for (const auto& d : state.diags.all()) ADD_FAILURE() << d.str();
}

}  // namespace
}  // namespace renaksi
