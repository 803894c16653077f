// The progress fixture plan (tests/fixtures/progress/plan, Final, with two periods' reports and
// IRM ratings), and a copy of it moved back to Draft 4, for tests that a draft shows no progress.
#pragma once

#include <filesystem>

#include "support/paths.h"

namespace renaksi::testing {

// tests/fixtures/progress/plan.
std::filesystem::path progress_fixture();

// A copy of the progress fixture in `dir`/draft with its stage set to Draft 4: its folder.
std::filesystem::path progress_fixture_as_draft(const TempDir& dir);

}  // namespace renaksi::testing
