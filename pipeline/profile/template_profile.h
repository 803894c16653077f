// A template profile: which sections a commitment has, in what order, under which labels, and
// what each drafting stage requires, read from templates/<id>.json (data, not code).
//
// A plan names its profile (plan.xml's template attribute); check, compose and the outputs
// follow it. The profile names the content's section ids and the catalogue's label keys; the
// C++ knows only the kinds of block a section can be (prose, the lead organisations, the
// value relevance, the alignment, the additional information, the milestone table, the
// contacts) and the fields a requirement can name. docs/content-format.md explains the file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "model/plan.h"

namespace renaksi {

// Group: a heading only, over the subsections (level 3) that follow it.
enum class SectionKind { Prose, Group, Lead, Values, Alignment, Additional, Milestones, Contacts };

// One choice of a values or alignment section: the content's kind id and its heading's key.
struct LabelledKind {
  std::string kind;
  std::string heading;
};

// A column of the milestone table: which milestone field it shows, under which label.
// Number: "<commitment>.<position>", as Canada's and narrative plans number them.
enum class MilestoneField { Number, Activity, Period, Start, End, Output, Actors };
struct MilestoneColumn {
  MilestoneField field = MilestoneField::Activity;
  std::string label;
};

struct ProfileSection {
  SectionKind kind = SectionKind::Prose;
  std::string id;       // a prose section's content element, a group's name; the kind's name otherwise
  std::string heading;  // catalogue key of its heading
  int level = 2;        // 2: a section; 3: a subsection of the section before
  std::string anchor;   // the part after "commitment-N-" of its anchor (its id when not given)
  // The heading prints even when the content lacks the section; for values: every value the
  // content gives prints, relevant or not (OGP 2022 asks each question).
  bool always = false;
  std::vector<LabelledKind> choices;        // values / alignment: the kinds the template asks
  std::vector<LabelledKind> parts;          // additional: "budget", "sdgs", "notes" subheadings
  std::vector<MilestoneColumn> columns;     // milestones
  std::optional<int> max_rows;              // milestones: at most this many (C005)
};

// A field a drafting stage requires, and how messages name it.
struct Requirement {
  std::string field;  // a section id, or one of the fields of kRequirableFields
  Stage from = Stage::Draft1;
  std::string what;
};

struct TemplateProfile {
  std::string id;
  std::string file;                  // where it was read, for messages
  std::vector<LabelledKind> summary;  // the rows of the commitment's summary box and their labels
  std::vector<ProfileSection> sections;
  std::vector<Requirement> requires_;

  const ProfileSection* prose_section(std::string_view id) const;
  const ProfileSection* of_kind(SectionKind k) const;
  std::vector<std::string_view> prose_ids() const;
};

// The fields a requirement may name besides the profile's prose sections: a commitment's
// title, organisations, lead, period, themes, values, alignment, contacts, milestones;
// "milestone.period", "milestone.output", "milestone.actors"; "plan.foreword",
// "plan.cocreation".
extern const std::vector<std::string_view> kRequirableFields;
// The rows a summary may list.
extern const std::vector<std::string_view> kSummaryRows;

// The profiles there are: the stems of templates/*.json under the data folder, sorted.
std::vector<std::string> template_ids(const std::filesystem::path& data_dir);

// Reads templates/<id>.json under the data folder. An id with no file is T001 at `asked_at`
// (the plan's template attribute), naming the profiles there are and the nearest; a file that
// is not a valid profile is T002 at the file, every problem reported.
std::optional<TemplateProfile> load_template_profile(const std::filesystem::path& data_dir, const std::string& id,
                                                     const SourceLoc& asked_at, Diagnostics& diags);

// Reads a profile from its text (for tests and for load_template_profile).
std::optional<TemplateProfile> parse_template_profile(const std::string& text, const std::string& file,
                                                      Diagnostics& diags);

}  // namespace renaksi
