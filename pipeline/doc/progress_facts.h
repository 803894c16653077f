// What the outputs show of a plan's progress after Final, in an edition's language: each
// commitment's current completion level, the history of its updates with evidence, the IRM's
// ratings with their source, and the plan's count. Part of doc::Facts; plain, formatted data
// (a self-assessment report or an open-data table can be made from it or from model/progress.h).
#pragma once

#include <string>
#include <vector>

namespace renaksi::doc {

struct EvidenceFact {
  std::string href;        // http or https (check, C106)
  std::string label;       // the link's text, or "" (the site then shows the address)
  std::string label_lang;  // its language when it is not the edition's
};

// What one update said of a commitment or a milestone.
struct UpdateFact {
  std::string ref;           // the commitment's or milestone's id
  std::string name;          // a milestone's activity, in the edition's language (else another's)
  std::string period_id;     // "p3", "mid-term"
  std::string period;        // the period, formatted: "Januari – Juni 2019"
  std::string date;          // the date of the update, formatted
  std::string iso_date;      // the same, YYYY-MM-DD
  std::string level_id;      // "substantial"
  std::string level;         // its label
  std::string narrative;     // in the edition's language, else another's
  std::string narrative_lang;
  std::vector<EvidenceFact> evidence;
  std::vector<UpdateFact> milestones;  // a commitment's update: its milestones' entries
};

struct IrmRatingFact {
  std::string kind;    // "verifiable", "relevance", …
  std::string label;   // "Verifiable"
  std::string value;   // "Yes", "Access to information, Civic participation"
  std::string source;  // http(s) address of the page that gives it
  std::string report;  // the IRM report's name, or ""
};

struct CommitmentProgressFacts {
  int number = 0;
  std::string level_id;  // the latest update's level, "" when no update names the commitment
  std::string level;
  std::string as_of;     // the latest update's date, formatted
  std::vector<UpdateFact> history;  // newest period first
  std::vector<IrmRatingFact> irm;
};

struct ProgressFacts {
  std::vector<CommitmentProgressFacts> commitments;  // only those with something to show
  int total = 0;          // the plan's commitments
  int with_level = 0;     // those some update names
  int advanced = 0;       // those whose current level is substantial or complete
  std::string as_of;      // the date of the latest update, formatted ("" with no update)
  std::string as_of_iso;

  const CommitmentProgressFacts* of(int number) const {
    for (const auto& c : commitments)
      if (c.number == number) return &c;
    return nullptr;
  }
};

}  // namespace renaksi::doc
