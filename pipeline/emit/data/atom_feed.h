// The archive's Atom 1.0 feed (RFC 4287): one entry per new plan and per new draft, each with a
// stable id and the date its content gives it (never the clock), and one per progress report of
// a Final plan, written with libxml2's text writer.
#pragma once

#include <string>
#include <vector>

namespace renaksi::open_data {

struct FeedLink {
  std::string rel;    // "alternate", "related", "self"
  std::string href;   // absolute, or relative to the feed's own address
  std::string type;   // a media type, or ""
  std::string hreflang;
};

struct FeedEntry {
  // NewPlan: a plan at its Final stage; NewDraft: a plan at a draft stage; ProgressUpdate: a
  // Final plan's report of one period, id "urn:renaksi:progress:<plan>:<period>", dated by the
  // report.
  enum class Kind { NewPlan, NewDraft, ProgressUpdate };
  Kind kind = Kind::NewPlan;
  std::string id;       // an IRI that never changes for this entry ("urn:renaksi:plan:<id>:<stage>")
  std::string title;
  std::string lang;     // xml:lang of the entry's texts
  std::string updated;  // an ISO date from the content: YYYY, YYYY-MM or YYYY-MM-DD
  std::string category; // a term: the plan's stage id ("draft-2", "final")
  std::vector<FeedLink> links;
};

struct Feed {
  std::string id;
  std::string title;
  std::string lang;
  std::string author;  // the archive's name
  std::vector<FeedLink> links;
  std::vector<FeedEntry> entries;  // written newest first (by updated, then id)
};

// "2018-10-23T00:00:00Z" from "2018-10-23" ("2018-10" and "2018" take their first day); "" when
// the text is not such a date.
std::string atom_date(const std::string& iso);

// The feed's XML (UTF-8). Its <updated> is its newest entry's (the epoch's first day when it
// has none). Empty only when libxml2 fails.
std::string write_atom(Feed feed);

}  // namespace renaksi::open_data
