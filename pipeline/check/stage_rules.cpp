// What each drafting stage requires, as one declared table.
//
// Draft 1 (CSO + Secretariat): the problem, the idea that solves it, the implementation method.
// Draft 2: milestones sharpened against the RKP; the actors involved.
// Draft 3 (+ K/L/D/I): implementation sharpened with the responsible agencies: a lead agency,
//          the commitment's period, and every milestone's period, output and actors.
// Draft 4 (+ the public, for consultation): the full template: themes, OGP values,
//          alignment, contacts.
// Final: ready to implement: the plan's foreword and co-creation record as well; and every
//          field in every language of the plan (checked with the language rules, C012).
#include "check/stage_rules.h"

#include <functional>
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

struct CommitmentRule {
  Stage from;
  std::string_view what;  // the field, as a reader of the template names it
  std::function<bool(const Commitment&)> present;
};

struct MilestoneRule {
  Stage from;
  std::string_view what;
  std::function<bool(const Milestone&)> present;
};

struct PlanRule {
  Stage from;
  std::string_view what;
  std::function<bool(const Plan&)> present;
};

const std::vector<CommitmentRule>& commitment_rules() {
  static const std::vector<CommitmentRule> rules = {
      {Stage::Draft1, "a title", [](const Commitment& c) { return c.title.present(); }},
      {Stage::Draft1, "section B, the public problem", [](const Commitment& c) { return c.problem.present(); }},
      {Stage::Draft1, "section C, what the commitment is", [](const Commitment& c) { return c.description.present(); }},
      {Stage::Draft1, "section D, how it contributes (the method)",
       [](const Commitment& c) { return c.contribution.present(); }},
      {Stage::Draft2, "milestones", [](const Commitment& c) { return !c.milestones.empty(); }},
      {Stage::Draft2, "the actors involved (organisations)",
       [](const Commitment& c) { return !c.organisations.empty(); }},
      {Stage::Draft3, "a lead implementing organisation (section A)",
       [](const Commitment& c) { return !c.with_role(Role::Lead).empty(); }},
      {Stage::Draft3, "a start and end date", [](const Commitment& c) { return c.period.has_value(); }},
      {Stage::Draft4, "at least one theme", [](const Commitment& c) { return !c.themes.empty(); }},
      {Stage::Draft4, "section E, relevance to OGP values (one relevant value with its text)",
       [](const Commitment& c) {
         for (const auto& v : c.values)
           if (v.relevant && v.text.present()) return true;
         return false;
       }},
      {Stage::Draft4, "section F, alignment with RKP, RPJMN or Stranas PK",
       [](const Commitment& c) { return !c.alignment.empty(); }},
      {Stage::Draft4, "contacts", [](const Commitment& c) { return !c.contacts.empty(); }},
  };
  return rules;
}

const std::vector<MilestoneRule>& milestone_rules() {
  static const std::vector<MilestoneRule> rules = {
      {Stage::Draft3, "a start and end date", [](const Milestone& m) { return m.period.has_value(); }},
      {Stage::Draft3, "an expected output", [](const Milestone& m) { return m.output.present(); }},
      {Stage::Draft3, "the actors involved", [](const Milestone& m) { return !m.actors.empty(); }},
  };
  return rules;
}

const std::vector<PlanRule>& plan_rules() {
  static const std::vector<PlanRule> rules = {
      {Stage::Final, "a foreword", [](const Plan& p) { return p.foreword.present(); }},
      {Stage::Final, "a co-creation record with at least one event", [](const Plan& p) { return !p.events.empty(); }},
  };
  return rules;
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

void check_stage_requirements(const Plan& plan, Diagnostics& diags) {
  for (const auto& rule : plan_rules())
    if (plan.stage >= rule.from && !rule.present(plan))
      diags.error(Code::C013, plan.loc, "the plan lacks " + std::string(rule.what) + required(rule.from, plan));
  for (const auto& c : plan.commitments) {
    const std::string who = "commitment " + std::to_string(c.number);
    for (const auto& rule : commitment_rules())
      if (plan.stage >= rule.from && !rule.present(c))
        diags.error(Code::C013, c.loc, who + " lacks " + std::string(rule.what) + required(rule.from, plan));
    for (const auto& m : c.milestones)
      for (const auto& rule : milestone_rules())
        if (plan.stage >= rule.from && !rule.present(m))
          diags.error(Code::C013, m.loc,
                      who + " milestone '" + m.id + "' lacks " + std::string(rule.what) + required(rule.from, plan));
  }
}

}  // namespace renaksi
