// Progress of a plan after Final, as loaded from content/<plan>/progress/: the reporting periods,
// one report per period (a completion level, a narrative and evidence per commitment and
// milestone) and the IRM's ratings. Kept apart from the plan's own text: adding a period never
// edits plan.xml or a commitment file. Plain data, read by check and compose (and, later, by a
// self-assessment report and the open-data tables).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source_loc.h"
#include "model/date.h"

namespace renaksi {

// OGP's completion scale, in order of progress; withdrawn stands apart.
enum class Completion { NotStarted, Limited, Substantial, Complete, Withdrawn };
std::string_view completion_id(Completion c);  // "not-started" … "withdrawn", as written in content
std::optional<Completion> parse_completion(std::string_view id);

// A reporting period: declared in progress/periods.xml, else six-monthly from the plan's start.
struct ReportingPeriod {
  std::string id;  // "p1", "mid-term"
  Period period;
  SourceLoc loc;   // the <period> of periods.xml; file only for a default period
};

// The six-monthly periods of `plan_period` (ids "p1", "p2", …), the last one cut at the plan's
// end; empty when the plan's period is not valid.
std::vector<ReportingPeriod> default_reporting_periods(const Period& plan_period);

// One language's text of a progress field (whitespace collapsed), as the content's <text>.
struct ProgressText {
  std::string lang;
  std::string value;
  SourceLoc loc;  // the <text> element
};
// A field: one text per language; empty `texts` = absent.
struct ProgressTexts {
  std::vector<ProgressText> texts;
  SourceLoc loc;  // the field's element
  // The text in `lang`, or nullptr.
  const ProgressText* find(std::string_view lang) const {
    for (const auto& t : texts)
      if (t.lang == lang) return &t;
    return nullptr;
  }
};

struct EvidenceLink {
  std::string href;     // as written; check requires http or https
  ProgressTexts label;  // optional: what the link is
  SourceLoc loc;
};

// What one report says of one commitment or milestone.
struct ProgressEntry {
  std::string ref;  // the commitment's or milestone's id
  SourceLoc ref_loc;
  Completion level = Completion::NotStarted;
  IsoDate updated;  // the entry's own date, else the report's (text empty when neither)
  ProgressTexts narrative;
  std::vector<EvidenceLink> evidence;
  SourceLoc loc;
};

struct CommitmentProgress {
  ProgressEntry entry;
  std::vector<ProgressEntry> milestones;
};

// One file progress/<period-id>.xml.
struct ProgressReport {
  std::string period_id;
  SourceLoc period_loc;  // the period attribute
  IsoDate updated;       // the date of the update
  std::vector<CommitmentProgress> commitments;
  SourceLoc loc;  // the <progress> element
};

// One rating of the IRM, with where it was published.
struct IrmRating {
  std::string kind;    // "verifiable", "relevance", "potential-impact", "ambition", "completion",
                       // "early-results", "did-it-open-government"
  std::string value;   // "yes", "access-to-information civic-participation", "marginal" …
  std::string source;  // the page that gives it: http or https
  std::string report;  // the IRM report's name, as published (optional)
  SourceLoc loc;
};

struct IrmCommitment {
  std::string ref;
  SourceLoc ref_loc;
  std::vector<IrmRating> ratings;
  SourceLoc loc;
};

struct PlanProgress {
  std::vector<ReportingPeriod> declared_periods;  // periods.xml; empty: the default periods
  SourceLoc periods_loc;
  std::vector<ProgressReport> reports;  // in file-name order
  std::vector<IrmCommitment> irm;       // irm.xml
  bool empty() const { return reports.empty() && irm.empty(); }
};

// The plan's reporting periods: those progress/periods.xml declares, else the default ones.
std::vector<ReportingPeriod> reporting_periods(const PlanProgress& progress, const Period& plan_period);

}  // namespace renaksi
