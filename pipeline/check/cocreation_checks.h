// The check pass's rules for a plan's co-creation record (content/<plan>/cocreation/): ids once,
// references that resolve, a reason for every decision and a response to every comment in every
// language by Final, http(s) links and a plausible address, a consultation for Draft 4.
#pragma once

#include "diag/diagnostic.h"
#include "model/plan.h"

namespace renaksi {

// Reports every problem of plan.record (C2xx, and C001/C002/C010/C011/C014 for what those codes
// already mean); changes nothing.
void check_cocreation(const Plan& plan, Diagnostics& diags);

}  // namespace renaksi
