// What each drafting stage requires (DOMAIN.md, seed 004), as one declared table.
#pragma once

#include <string_view>

#include "diag/diagnostic.h"
#include "model/plan.h"

namespace renaksi {

// "Draft 2", "Final": the stage as the secretariat names it in messages.
std::string_view stage_display(Stage s);

// Reports, as C013 errors, every field that the plan's stage requires and the content lacks.
void check_stage_requirements(const Plan& plan, Diagnostics& diags);

}  // namespace renaksi
