// Runs one plan folder through the pipeline table up to a step.
#include "support/build.h"

namespace renaksi::testing {

BuildState plan_through(const std::filesystem::path& folder, std::string_view stop_after, const Env& env) {
  ArchiveBuild a = build_plans({folder}, env, {.stop_after = stop_after});
  BuildState state = std::move(*a.plans.front());
  for (const auto& d : a.diags.all()) state.diags.add(d);
  return state;
}

}  // namespace renaksi::testing
