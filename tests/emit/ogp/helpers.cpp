// Shared by the OGP-submission tests.
#include "emit/ogp/helpers.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/build.h"
#include "support/paths.h"

namespace renaksi::testing {

BuildState checked_plan(const std::filesystem::path& folder) { return plan_through(folder, "check"); }

std::vector<std::string> content_plan_names() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(content_dir()))
    if (e.is_directory()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

CommandResult xmllint_schema(const std::filesystem::path& file) {
  return run_shell("xmllint --noout --nonet --schema schemas/ogp-submission.xsd " + shell_quote(file.string()));
}

std::string read_file(const std::filesystem::path& path) {
  std::stringstream ss;
  ss << std::ifstream(path, std::ios::binary).rdbuf();
  return ss.str();
}

std::vector<std::string> ogp_fixture_names() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(fixtures_dir() / "ogp"))
    if (e.path().extension() == ".xml") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::set<std::string> ogp_fixture_expectations(const std::filesystem::path& file) {
  std::set<std::string> out;
  const std::regex marker(R"(expect:\s*error\s+(V[0-9]{3}))");
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    for (std::sregex_iterator m(line.begin(), line.end(), marker), end; m != end; ++m)
      out.insert(std::to_string(n) + " " + (*m)[1].str());
  return out;
}

std::string ogp_fixture_test_name(const std::string& file_name) {
  std::string n = file_name.substr(0, file_name.rfind('.'));
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
}

std::string first_difference(const std::string& expected, const std::string& actual) {
  if (expected == actual) return "";
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int line = 1;; ++line) {
    const bool more_e = static_cast<bool>(std::getline(e, el)), more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) return "the same lines, but not the same bytes (a final newline?)";
    if (more_e != more_a || el != al)
      return "line " + std::to_string(line) + ": expected '" + (more_e ? el : "<end>") + "' vs actual '" +
             (more_a ? al : "<end>") + "'";
  }
}

}  // namespace renaksi::testing
