// Walks every human-readable field of a plan, in document order, with a name for each.
#pragma once

#include <string>

#include "model/plan.h"

namespace renaksi {

// Calls f(const LocalizedText&, const std::string& what) for every field that holds
// language texts: plan fields, themes, events, organisations, then each commitment's fields.
// `what` names the field for messages, e.g. "commitment 3 problem".
template <typename F>
void visit_texts(const Plan& plan, F&& f) {
  f(plan.title, std::string("plan title"));
  f(plan.subtitle, std::string("plan subtitle"));
  f(plan.foreword, std::string("foreword"));
  for (const auto& t : plan.themes) {
    f(t.name, "theme '" + t.id + "' name");
    f(t.description, "theme '" + t.id + "' description");
  }
  f(plan.cocreation_summary, std::string("co-creation summary"));
  for (const auto& e : plan.events) {
    f(e.name, "event '" + e.id + "' name");
    f(e.place, "event '" + e.id + "' place");
    if (e.participants) f(e.participants->note, "event '" + e.id + "' participants note");
    f(e.description, "event '" + e.id + "' description");
  }
  for (const auto& o : plan.organisations) {
    f(o.name, "organisation '" + o.id + "' name");
    f(o.abbreviation, "organisation '" + o.id + "' abbreviation");
  }
  for (const auto& c : plan.commitments) {
    const std::string p = "commitment " + std::to_string(c.number) + " ";
    f(c.title, p + "title");
    for (const auto& a : c.policy_areas) f(a, p + "policy area");
    for (const auto& o : c.organisations) f(o.unit, p + "unit of '" + o.ref + "'");
    for (const auto& s : c.sections) f(s.text, p + s.id);
    for (const auto& v : c.values) f(v.text, p + "value '" + std::string(ogp_value_id(v.kind)) + "'");
    for (const auto& a : c.alignment) f(a.text, p + "alignment with " + a.kind);
    if (c.budget) f(c.budget->text, p + "budget");
    f(c.notes, p + "notes");
    for (const auto& m : c.milestones) {
      f(m.activity, p + "milestone '" + m.id + "' activity");
      f(m.output, p + "milestone '" + m.id + "' output");
    }
    for (const auto& k : c.contacts) f(k.position, p + "contact position");
  }
}

}  // namespace renaksi
