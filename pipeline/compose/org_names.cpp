// A commitment's organisations grouped by organisation, with their units.
#include "compose/org_names.h"

#include <algorithm>

namespace renaksi {

std::vector<OrgWithUnits> group_by_organisation(const std::vector<const OrganisationRef*>& refs) {
  std::vector<OrgWithUnits> out;
  for (const OrganisationRef* r : refs) {
    auto it = std::find_if(out.begin(), out.end(), [&](const OrgWithUnits& o) { return o.ref == r->ref; });
    if (it == out.end()) it = out.insert(out.end(), OrgWithUnits{r->ref, r, {}});
    if (r->unit.present()) it->units.push_back(&r->unit);
  }
  return out;
}

std::string units_in(const OrgWithUnits& org, std::string_view lang) {
  std::vector<std::string_view> seen;
  std::string out;
  for (const LocalizedText* u : org.units) {
    std::string_view text = u->in(lang);
    if (text.empty() || std::find(seen.begin(), seen.end(), text) != seen.end()) continue;
    seen.push_back(text);
    if (!out.empty()) out += "; ";
    out += text;
  }
  return out;
}

}  // namespace renaksi
