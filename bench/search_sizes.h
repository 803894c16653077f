// The site's search data by language against its budget, one line each (make bench).
#pragma once

#include <filesystem>

namespace renaksi::bench {

// Prints, per language of the site written at `site` (a folder with assets/ and <lang>/),
// what its search page loads before the first result and unasked, each against its budget, and
// the word index's sizes (shards: count, total, largest, a word's; words.js; facets.js; texts).
// Nothing when `site` is not a folder.
void print_search_sizes(const std::filesystem::path& site);

}  // namespace renaksi::bench
