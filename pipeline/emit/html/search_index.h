// The search index: every commitment of every plan in every language, as a JavaScript file
// (assets/search-index.js) that the search page loads, so that search works from file:// too.
#pragma once

#include <string>
#include <vector>

#include "emit/html/site_context.h"

namespace renaksi::html {

// `window.RENAKSI_SEARCH = {"id": [...], "en": [...]};`: per language, one entry per
// commitment: its page (site path), number, title, plan, a snippet, and the words it is found
// by (its titles in every language, organisations, themes, policy areas, OGP id), from each
// plan's summary (`search_entries` made them when the plan's pages were written).
std::string search_index_js(const Site& site, const ArchivePlans& plans);

// The search entries of a plan's commitments in `lang` (one of its languages), in plan order.
std::vector<SitePlanSummary::SearchEntry> search_entries(const SitePlan& plan, const std::string& lang);

}  // namespace renaksi::html
