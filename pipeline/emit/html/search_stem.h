// The search's stemmers in C++, word for word those of layouts/html/search.js (Indonesian after
// Tala, light English), for an index built at build time; tests/search/stem_parity.mjs runs both.
#pragma once

#include <string>
#include <vector>

namespace renaksi::html {

// The stem of `word` (already folded: NFD, combining marks removed, lower case, as search.js's
// normalise) in `lang`: "id" Indonesian (pengaduan -> adu), "en" English (complaints ->
// complaint), any other language the word itself.
std::string search_stem(const std::string& lang, const std::string& word);

// The terms of `text` as search.js indexes and queries them: its runs of letters and digits
// (Unicode \p{L} and \p{N}), each folded (NFD, U+0300..U+036F removed, lower case as
// JavaScript's toLowerCase) and stemmed in `lang`; in order, repeats kept.
std::vector<std::string> search_terms(const std::string& lang, const std::string& text);

std::string stem_indonesian(std::string word);
std::string stem_english(std::string word);

}  // namespace renaksi::html
