// What the archive's own pages (language page, home pages, organisations index, search index,
// sitemap) and the archive's link check need of one plan: small, already formatted, and
// serialisable to and from JSON, so that a plan taken whole from the per-plan cache brings its
// summary along instead of its composed documents.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/source_loc.h"
#include "env/packed_text.h"

namespace renaksi::html {

struct SitePlanSummary {
  // Bumped whenever the fields or their meaning change: an older summary is not read.
  static constexpr int kVersion = 8;

  // One organisation of the plan, as its index entry shows it.
  struct Role {
    std::string role;                                  // "Leads", "Pendukung"
    std::vector<std::pair<int, std::string>> mentions; // commitment number, label ("10. …")
  };
  struct Organisation {
    std::string anchor;  // "org-lkpp": one entry across plans
    std::string name;
    std::string sector;
    std::string sector_id;  // "cso": the sector filter's key
    std::string url;        // its web address, or empty
    std::vector<Role> roles;
  };
  // One commitment as the search page's filters know it (its full text is in the plan's own
  // search files, search_doc_js, never in the summary).
  struct SearchEntry {
    int number = 0;
    std::string title;
    std::vector<std::string> leads;   // its lead organisations, as the plan names them
    std::vector<std::string> themes;  // its themes' names
    std::string completion_id;        // its current completion level ("substantial"), "" without progress data
    std::string completion;           // that level's label in the edition's language
  };
  // The plan in one of its languages (one with its own pages).
  struct Edition {
    std::string lang;
    std::string title, plan_line, period, stage, commitments;  // the cover's lines, as formatted
    std::string issuer;                                        // the issuer's name (the footer)
    std::string issuer_url;                                    // its web site (the about page); may be ""
    std::string progress;  // "7 of 14 commitments substantial or complete, as of …", or ""
    std::vector<Organisation> organisations;                   // in the plan's index order
    std::vector<SearchEntry> search;                           // in plan order
    // Every word of its commitments' text, folded but not stemmed (the archive stems it in each
    // site language: EditionSearch::words), sorted, each with its postings "k:c k:c" (k: index into
    // `search`, c: weighted count), one "word\tpostings\n" line each: what the archive's word
    // index is built from, so that a cached plan's text is never read again. One text, not a
    // list of pairs, and held deflated: an archive holds every plan's summary until its own
    // pages are written, and the words are most of a summary (as a list about 1 MiB a plan of
    // 25 commitments, as text about 68 KiB a language, deflated 38 % of that).
    PackedText words;
  };
  // A link of the plan's pages to a file outside the plan (an archive page, an asset, another
  // plan), checked by the archive step.
  struct OutLink {
    std::string target;  // site path, with its "#fragment" if any
    // The pages that link to it (indexes into `pages`), each with its href when it is not
    // urls::relative(page, target) (most are, and are not stored).
    std::vector<std::pair<size_t, std::string>> from;
  };

  std::string id;
  SourceLoc loc;            // the plan's plan.xml, for a diagnostic about the plan
  std::string slug;         // the plan's folder on the site
  std::string start, end;   // its period, ISO dates: newest first sorts by start
  int number = 0;           // 0 when it has none
  std::string country;      // ISO 3166
  bool final_stage = true;
  std::string stage;        // the stage's id: "final", "draft-4"
  std::vector<std::pair<std::string, bool>> languages;  // as declared: code, administrative
  std::vector<Edition> editions;                        // its languages with pages, administrative first
  std::vector<std::pair<int, std::string>> commitment_slugs;  // number -> page folder, plan order
  std::vector<std::string> downloads;                   // site paths of the files it offers
  std::vector<std::string> pages;                       // site paths of its pages, in the order written
  // The ids on its pages that its links point at (page index, ids): what a link from elsewhere
  // may point at too. Other ids of its pages are not kept.
  std::vector<std::pair<size_t, std::vector<std::string>>> anchors;
  std::vector<OutLink> links_out;

  const Edition* edition(const std::string& lang) const;
  // The edition to show on a page in `lang`: `lang`'s when the plan has it, else its first.
  const Edition& edition_for(const std::string& lang) const;
  const std::string& commitment_slug(int number) const;  // "" when the plan has no such page

  // Its search words are a binary value (still deflated): the JSON goes to disk as CBOR
  // (nlohmann::json::to_cbor), as the plan cache keeps it, not as JSON text.
  nlohmann::json to_json() const;
  // nullopt when `j` is not a summary of this version, or names a path that is not a plain
  // relative site path (a damaged cache entry never writes outside site/).
  static std::optional<SitePlanSummary> from_json(const nlohmann::json& j);
};

}  // namespace renaksi::html
