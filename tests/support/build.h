// Runs one plan folder through the pipeline table up to a step, for tests of that step.
#pragma once

#include <filesystem>
#include <string_view>

#include "driver/pipeline.h"

namespace renaksi::testing {

// The plan at `folder` through every step up to and including `stop_after` (a plan step),
// with `env` (the environment's by default). The archive-wide diagnostics (Pandoc's, the
// style's) are added to the plan's, so `diags` holds every problem the build found.
BuildState plan_through(const std::filesystem::path& folder, std::string_view stop_after,
                        const Env& env = Env::from_environment());

}  // namespace renaksi::testing
