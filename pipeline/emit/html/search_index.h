// The search data of the site, as JavaScript files that the search page loads with <script>
// (so that search works from file:// as over HTTP): a small catalogue of the plans
// (assets/search-index.js), the index split by word (search_shards.h) and, per commitment and
// language, its title, facts and full text (<lang>/<plan>/search/<number>.js), written with the
// plan's pages and loaded only for the results shown.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "emit/html/site_context.h"

namespace renaksi::html {

// The site path of a commitment's search data in `lang`: "id/nap-2018-2020/search/3.js".
std::string search_doc_path(const std::string& lang, const std::string& slug, int number);

// The plain text of a commitment's chapter, every block in order (headings, paragraphs,
// prose, fields as "label: value", each table's header and cells, milestones included), one
// block a line; a stand-in's text where the part has no text of its own.
std::string commitment_text(const doc::Chapter& commitment);

// The search data of a plan's edition in `lang` (one of its languages), made from one reading of
// its commitments (each chapter's text is gathered once for the words and the files):
struct EditionSearch {
  // Its commitments' search entries, in plan order: what the search page's filters offer
  // (titles, leads, themes).
  std::vector<SitePlanSummary::SearchEntry> entries;
  // Its words for the archive's word index: every word of each commitment's title (weight 4),
  // other titles and OGP id, leads and themes (2 each) and full text (1), folded as search.js
  // folds (not stemmed), sorted by their bytes, each with its postings "k:c k:c" (k: the
  // commitment's index in `entries`, c: its weighted count), one "word\tpostings\n" line each
  // (SitePlanSummary::Edition::words). A word never holds a tab or a line break: search_terms
  // splits text at them.
  std::string words;
  // Per commitment with a page, its path (search_doc_path) and
  // `renaksiSearchDoc("<path>", {...});`: its number, page, title, its titles in the plan's other
  // languages and OGP id, leads, themes' names and full text (commitment_text). search.js
  // defines `renaksiSearchDoc` and loads the file for a result it shows (title, highlighted
  // snippet).
  std::vector<std::pair<std::string, std::string>> files;
};
EditionSearch edition_search(const SitePlan& plan, const std::string& lang);

// `window.RENAKSI_SEARCH = {"id": [...], "en": [...]};`: per language of the site, the plans
// newest first (the word index's documents are their commitments in this order): the folder of
// its search data (a plan without that language gives its first language's), its language,
// name, stage, whether it is Final and its commitments' numbers (their count when they run 1, 2,
// 3 …); then
// `window.RENAKSI_SEARCH_SHARDS = {"id": "a ab ...", ...}`: the word index's shards per language.
std::string search_index_js(const Site& site, const ArchivePlans& plans,
                            const std::map<std::string, std::vector<std::string>>& shards);

}  // namespace renaksi::html
