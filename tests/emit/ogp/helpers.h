// Shared by the OGP-submission tests: loading plans, the real plans, xmllint, temporary files.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "driver/pipeline.h"
#include "support/command.h"
#include "support/paths.h"  // testing::write_file

namespace renaksi::testing {

// Loads and checks a plan folder as `renaksi submission` does.
BuildState checked_plan(const std::filesystem::path& folder);

// The plan folders under content/, sorted.
std::vector<std::string> content_plan_names();

// `xmllint --noout --schema schemas/ogp-submission.xsd FILE`, from the source tree.
CommandResult xmllint_schema(const std::filesystem::path& file);

std::string read_file(const std::filesystem::path& path);

// The submissions in tests/fixtures/ogp/ (file names, sorted).
std::vector<std::string> ogp_fixture_names();

// "line CODE" for each `<!-- expect: error V002 -->` marker in a fixture.
std::set<std::string> ogp_fixture_expectations(const std::filesystem::path& file);

// Where two texts first differ: "" when they are equal, else "line N: expected '...' vs
// actual '...'" (a missing line shown as <end>).
std::string first_difference(const std::string& expected, const std::string& actual);

// The test name for a fixture file: "v002-unknown-element.xml" -> "v002_unknown_element".
std::string ogp_fixture_test_name(const std::string& file_name);

}  // namespace renaksi::testing
