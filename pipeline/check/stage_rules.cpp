// What each drafting stage requires, as the plan's template profile declares it.
//
// The profile's "requires" list names, for each field, the stage from which it must be there
// and how a message names it (templates/ogi-2018.json: Draft 1 the problem, the idea and the
// method; Draft 2 milestones and actors; Draft 3 the lead agency and every date, output and
// actor; Draft 4 themes, OGP values, alignment, contacts; Final the foreword and co-creation
// record). This file knows only how to tell whether each kind of field is present.
#include "check/stage_rules.h"

#include <string>

namespace renaksi {

std::string_view stage_display(Stage s) {
  switch (s) {
    case Stage::Draft1: return "Draft 1";
    case Stage::Draft2: return "Draft 2";
    case Stage::Draft3: return "Draft 3";
    case Stage::Draft4: return "Draft 4";
    case Stage::Final: return "Final";
  }
  return "";
}

namespace {

enum class Scope { Plan, Commitment, Milestone };

Scope scope_of(std::string_view field) {
  if (field.starts_with("plan.")) return Scope::Plan;
  if (field.starts_with("milestone.")) return Scope::Milestone;
  return Scope::Commitment;
}

bool plan_has(const Plan& p, std::string_view field) {
  if (field == "plan.foreword") return p.foreword.present();
  if (field == "plan.cocreation") return !p.events.empty();
  return true;
}

bool milestone_has(const Milestone& m, std::string_view field) {
  if (field == "milestone.period") return m.period.has_value();
  if (field == "milestone.output") return m.output.present();
  if (field == "milestone.actors") return !m.actors.empty();
  return true;
}

bool commitment_has(const Commitment& c, std::string_view field) {
  if (field == "title") return c.title.present();
  if (field == "organisations") return !c.organisations.empty();
  if (field == "lead") return !c.with_role(Role::Lead).empty();
  if (field == "period") return c.period.has_value();
  if (field == "themes") return !c.themes.empty();
  if (field == "milestones") return !c.milestones.empty();
  if (field == "contacts") return !c.contacts.empty();
  if (field == "alignment") return !c.alignment.empty();
  if (field == "values") {
    for (const auto& v : c.values)
      if (v.relevant && v.text.present()) return true;
    return false;
  }
  // A prose section of the profile.
  const Section* s = c.section(field);
  return s && s->text.present();
}

std::string required(Stage from, const Plan& plan) {
  std::string s = "; required from ";
  s += stage_display(from);
  s += " (the plan is at ";
  s += stage_display(plan.stage);
  s += ")";
  return s;
}

}  // namespace

void check_stage_requirements(const Plan& plan, const TemplateProfile& profile, Diagnostics& diags) {
  auto due = [&](const Requirement& r) { return plan.stage >= r.from; };
  for (const auto& r : profile.requires_)
    if (scope_of(r.field) == Scope::Plan && due(r) && !plan_has(plan, r.field))
      diags.error(Code::C013, plan.loc, "the plan lacks " + r.what + required(r.from, plan));
  for (const auto& c : plan.commitments) {
    const std::string who = "commitment " + std::to_string(c.number);
    for (const auto& r : profile.requires_)
      if (scope_of(r.field) == Scope::Commitment && due(r) && !commitment_has(c, r.field))
        diags.error(Code::C013, c.loc, who + " lacks " + r.what + required(r.from, plan));
    for (const auto& m : c.milestones)
      for (const auto& r : profile.requires_)
        if (scope_of(r.field) == Scope::Milestone && due(r) && !milestone_has(m, r.field))
          diags.error(Code::C013, m.loc, who + " milestone '" + m.id + "' lacks " + r.what + required(r.from, plan));
  }
}

}  // namespace renaksi
