// A commitment's organisations as an edition names them: each organisation once per role, with
// every unit the content gives it ("Executive Office of the President (Office of Science and
// Technology Policy; Office of Management and Budget)").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/plan.h"

namespace renaksi {

// One organisation of a role, with the units of every entry that names it.
struct OrgWithUnits {
  std::string ref;
  const OrganisationRef* first = nullptr;    // its first entry, for its place in the content
  std::vector<const LocalizedText*> units;   // in content order, entries without a unit left out
};

// `refs` grouped by organisation, in the order each organisation first appears.
std::vector<OrgWithUnits> group_by_organisation(const std::vector<const OrganisationRef*>& refs);

// The units' texts in `lang`, each once, joined by "; " ("" when there are none).
std::string units_in(const OrgWithUnits& org, std::string_view lang);

}  // namespace renaksi
