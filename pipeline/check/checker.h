// The check pass: content rules over a loaded plan (dates, ranges, references, uniqueness,
// languages, the drafting stage's requirements). Reports every problem; changes nothing.
#pragma once

#include "diag/diagnostic.h"
#include "model/plan.h"
#include "profile/template_profile.h"

namespace renaksi {

// What the load pass could not read, so that the checker does not pile consequences on a
// problem already reported (no "unknown organisation" for every reference when
// organisations.xml itself is broken).
struct CheckScope {
  bool organisations_loaded = true;
  bool all_commitments_loaded = true;
  // The plan's template profile: its sections, kinds, milestone limit and stage requirements.
  // None (the profile could not be read, T001/T002, already reported): those rules are skipped.
  const TemplateProfile* profile = nullptr;
};

void check_plan(const Plan& plan, Diagnostics& diags, CheckScope scope = {});

}  // namespace renaksi
