// The check pass's rules for a plan's progress (content/<plan>/progress/): periods inside the
// plan, references that resolve, every text in every language, http(s) links, and the warnings
// a reader of a report would raise (complete with milestones not started, late with no evidence).
#pragma once

#include "diag/diagnostic.h"
#include "model/plan.h"

namespace renaksi {

// Reports every problem of plan.progress (C1xx, and C001/C002/C010/C011/C014 for what those
// codes already mean); changes nothing.
void check_progress(const Plan& plan, Diagnostics& diags);

}  // namespace renaksi
