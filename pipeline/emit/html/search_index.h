// The search data of the site, as JavaScript files that the search page loads with <script>
// (so that search works from file:// as over HTTP): a small catalogue of the plans
// (assets/search-index.js) and, per plan and language, the full text of its commitments
// (<lang>/<plan>/search-data.js), written with the plan's pages and loaded on demand.
#pragma once

#include <string>
#include <vector>

#include "emit/html/site_context.h"

namespace renaksi::html {

// The search entries of a plan's commitments in `lang` (one of its languages), in plan order:
// what the search page's filters offer (titles, leads, themes).
std::vector<SitePlanSummary::SearchEntry> search_entries(const SitePlan& plan, const std::string& lang);

// The site path of a plan's search data in `lang`: "id/nap-2018-2020/search-data.js".
std::string search_shard_path(const std::string& lang, const std::string& slug);

// The plain text of a commitment's chapter, every block in order (headings, paragraphs,
// prose, fields as "label: value", each table's header and cells, milestones included), one
// block a line; a stand-in's text where the part has no text of its own.
std::string commitment_text(const doc::Chapter& commitment);

// `renaksiSearchShard("<path>", [...]);`: one entry per commitment of the plan in `lang`: its
// number, page, title, its titles in the plan's other languages, leads, themes' names and full
// text (commitment_text). search.js defines `renaksiSearchShard` before it loads the file.
std::string search_shard_js(const SitePlan& plan, const std::string& lang);

// `window.RENAKSI_SEARCH = {"id": [...], "en": [...]};`: per language of the site, the plans
// newest first: the search data to load (a plan without that language gives its first
// language's), its name, stage and whether it is Final.
std::string search_index_js(const Site& site, const ArchivePlans& plans);

}  // namespace renaksi::html
