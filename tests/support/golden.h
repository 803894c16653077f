// Golden files: compare a produced text with tests/golden/<name>, or rewrite it with --update.
#pragma once

#include <string>

namespace renaksi::testing {

void set_update_goldens(bool update);
bool update_goldens();

// Compares `actual` with the golden file (a test failure naming the first differing line), or,
// under --update, writes it.
void expect_golden(const std::string& name, const std::string& actual);

}  // namespace renaksi::testing
