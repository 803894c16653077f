// The archive's search index split by word: per language of the site, the stems of every
// commitment's words with their postings, in shards by the stem's first letters
// (assets/search/<lang>/<key>.js), the stems alone (words.js, for one-edit typos) and the
// commitments' themes and leads (facets.js, for the filters), all built from the plans'
// summaries, so a cached plan's text is never read again.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "emit/html/site_context.h"

namespace renaksi::html {

// A shard holds at most about this many bytes unless a single stem's postings are larger: a
// shard over it is split by one more letter of the stem (search.js loads one shard per word
// typed, and before the first result at most 512 KiB in all).
constexpr size_t kSearchShardBytes = 48 * 1024;

// The file name of a stem prefix's shard: its letters a-z and digits as they are, any other
// code point as "_" and six hex digits (so a name is never ambiguous and stays ASCII).
std::string search_shard_key(const std::string& prefix);

// Writes every language's shards, words.js and facets.js into `site` and returns, per language,
// the shards' keys in order (search_index_js lists them for search.js).
std::map<std::string, std::vector<std::string>> write_search_shards(Site& site, const ArchivePlans& plans);

}  // namespace renaksi::html
