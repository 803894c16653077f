// What each drafting stage requires, as the plan's template profile declares it.
#pragma once

#include <string_view>

#include "diag/diagnostic.h"
#include "model/plan.h"
#include "profile/template_profile.h"

namespace renaksi {

// "Draft 2", "Final": the stage as the secretariat names it in messages.
std::string_view stage_display(Stage s);

// Reports, as C013 errors, every field that the plan's stage requires (by the profile's
// "requires" list) and the content lacks.
void check_stage_requirements(const Plan& plan, const TemplateProfile& profile, Diagnostics& diags);

}  // namespace renaksi
