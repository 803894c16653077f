// What changed between two drafts of a plan: per commitment (matched by its stable id, not its
// number) and per field, in each language, word by word; commitments and milestones added,
// removed or renumbered. Plain data: the terminal report and the compose step read it.
#pragma once

#include <string>
#include <vector>

#include "diff/word_diff.h"
#include "model/plan.h"

namespace renaksi::diff {

// Which field of a plan or commitment a change is in. The names in the reports come from the
// catalogue (compose) or are these ids (the terminal report, field_id).
enum class Field {
  Title, Subtitle, Foreword, Cocreation,               // the plan's, and Title a commitment's
  Period, Section, Value, Alignment, Budget, Notes,     // a commitment's (id: section id, value or alignment kind)
  Lead, Support, Themes,                                // a commitment's organisations and themes, by name
  Milestone, MilestoneActivity, MilestoneOutput, MilestonePeriod,  // id: the milestone's id
  MilestoneActors,                                      // its organisations, by name in each language
};
std::string_view field_id(Field f);

enum class Change { Added, Removed, Changed };

struct FieldChange {
  Field field = Field::Title;
  std::string id;    // section id, value/alignment kind or milestone id; "" otherwise
  std::string lang;  // "" for a field without language (a period)
  // Texts are compared after reflowing each paragraph (line ends in a paragraph are spaces).
  Change change = Change::Changed;
  WordDiff words;    // Added: one Insert piece; Removed: one Delete piece
};

struct CommitmentChange {
  std::string id;
  int old_number = 0;  // 0: added in the new draft
  int new_number = 0;  // 0: removed from it
  LocalizedText title; // the new draft's title (the old one's for a removed commitment)
  std::vector<FieldChange> fields;
  bool added() const { return old_number == 0; }
  bool removed() const { return new_number == 0; }
  bool renumbered() const { return old_number != 0 && new_number != 0 && old_number != new_number; }
};

struct PlanDiff {
  std::string plan_id;
  Stage old_stage = Stage::Draft1;
  Stage new_stage = Stage::Draft1;
  std::vector<std::string> langs;            // the new draft's languages, then any only the old one had
  std::vector<FieldChange> plan_fields;      // title, subtitle, foreword, co-creation summary
  std::vector<CommitmentChange> commitments; // those with any change: the new draft's order, then the removed
  bool empty() const { return plan_fields.empty() && commitments.empty(); }
};

PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan);

}  // namespace renaksi::diff
