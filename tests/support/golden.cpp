// Golden files.
#include "support/golden.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/paths.h"

namespace renaksi::testing {

namespace {
bool g_update = false;
}

void set_update_goldens(bool update) { g_update = update; }
bool update_goldens() { return g_update; }

void expect_golden(const std::string& name, const std::string& actual) {
  const auto path = source_dir() / "tests" / "golden" / name;
  if (g_update) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing; run the tests with --update to write it";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string expected = ss.str();
  if (expected == actual) return;
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int line = 1;; ++line) {
    bool more_e = static_cast<bool>(std::getline(e, el)), more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) break;
    if (el != al || more_e != more_a) {
      ADD_FAILURE() << name << ":" << line << " differs (rerun with --update if the change is intended)\n"
                    << "  expected: " << (more_e ? el : "<end>") << "\n"
                    << "  actual:   " << (more_a ? al : "<end>");
      return;
    }
  }
}

}  // namespace renaksi::testing
