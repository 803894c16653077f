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

// A language's index of at most this many bytes is split from its stems' first letter, not
// their first two, so a small site gets a few dozen files instead of hundreds of tiny ones: even
// all its shards, typos' included, leave room in the 512 KiB a search may load before its first
// result for the script, the catalogue and the word list. The default plan's index, split from
// two letters, made 263-265 shards of about 150 bytes per language; on this machine's disk each
// file made after a build's others took 0.3-0.5 ms (the site step: 250-270 ms there, 27 ms in
// memory). A larger index starts from two letters, as before, so that the shards a word and its
// typos load stay small.
constexpr size_t kSearchOneLetterIndexBytes = 384 * 1024;

// The file name of a stem prefix's shard: its letters a-z and digits as they are, any other
// code point as "_" and six hex digits (so a name is never ambiguous and stays ASCII).
std::string search_shard_key(const std::string& prefix);

// Writes every language's shards, words.js and facets.js into `site` and returns, per language,
// the shards' keys in order (search_index_js lists them for search.js).
std::map<std::string, std::vector<std::string>> write_search_shards(Site& site, const ArchivePlans& plans);

}  // namespace renaksi::html
