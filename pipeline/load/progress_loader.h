// Loads a plan's progress folder (content/<plan>/progress/: periods.xml, one <period-id>.xml
// per reporting period, irm.xml), each file validated against schemas/progress.rng with line and
// column diagnostics. Every problem is reported; a file that fails is left out, the rest load.
#pragma once

#include <filesystem>

#include "diag/diagnostic.h"
#include "model/progress.h"

namespace renaksi {

// The progress of the plan in `plan_folder`: empty (and nothing reported) when it has no
// progress/ folder.
PlanProgress load_progress(const std::filesystem::path& plan_folder, Diagnostics& diags);

}  // namespace renaksi
