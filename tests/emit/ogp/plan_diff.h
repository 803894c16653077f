// Compares two Plans field by field and names every field that differs (for round-trip tests).
#pragma once

#include <string>
#include <vector>

#include "model/plan.h"

namespace renaksi::testing {

// Every difference between `expected` and `actual`, each as "path: expected vs actual", e.g.
// "commitments[2].milestones[0].period.end: '2019-06-30' vs '2019-07-01'". Compares every
// field of the model except where things came from (SourceLoc, Text::body_line, the plan's
// folder), and a field's kind only when it is present (an absent field has no kind to keep).
std::vector<std::string> plan_differences(const Plan& expected, const Plan& actual);

}  // namespace renaksi::testing
