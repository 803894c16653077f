// The search index: every commitment of every plan in every language, as a JavaScript file
// (assets/search-index.js) that the search page loads, so that search works from file:// too.
#pragma once

#include <string>

#include "emit/html/site_context.h"

namespace renaksi::html {

// `window.RENAKSI_SEARCH = {"id": [...], "en": [...]};`: per language, one entry per
// commitment: its page (site path), number, title, plan, a snippet, and the words it is found
// by (its titles in every language, organisations, themes, policy areas, OGP id).
std::string search_index_js(const Site& site);

}  // namespace renaksi::html
