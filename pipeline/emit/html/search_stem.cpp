// The search's stemmers, ported from layouts/html/search.js. JavaScript measures strings in
// UTF-16 code units and its regular expressions see code units, so lengths here are counted the
// same way (js_length) and "one character" is one code point of the UTF-8 text.
#include "emit/html/search_stem.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cstddef>
#include <string_view>

namespace renaksi::html {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

int measure(std::string_view w) {
  int n = 0;
  for (char c : w)
    if (is_vowel(c)) ++n;
  return n;
}

// The length of UTF-8 `w` in UTF-16 code units (a code point above U+FFFF counts two).
size_t js_length(std::string_view w) {
  size_t n = 0;
  for (unsigned char c : w) {
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    n += (c >= 0xF0) ? 2 : 1;
  }
  return n;
}

// The byte length of the UTF-8 sequence that starts with `c` (1 for a stray byte).
size_t sequence_length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

bool starts_with(std::string_view w, std::string_view p) { return w.substr(0, p.size()) == p; }
bool ends_with(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

struct Cut {
  bool found = false;
  std::string word;
  int kind = 0;  // 1: me-/di-/ter-, 2: pe-/per-, 3: peng-/ke-, 4: ber-
};

Cut first_order_prefix(const std::string& w) {
  struct Rule {
    std::string_view prefix, replace;
    int kind;
    bool before_vowel;
  };
  static constexpr std::array<Rule, 14> rules{{{"meng", "", 1, false},
                                               {"meny", "s", 1, true},
                                               {"mem", "p", 1, true},
                                               {"mem", "", 1, false},
                                               {"men", "", 1, false},
                                               {"me", "", 1, false},
                                               {"peng", "", 3, false},
                                               {"peny", "s", 3, true},
                                               {"pem", "p", 3, true},
                                               {"pem", "", 3, false},
                                               {"pen", "", 3, false},
                                               {"di", "", 1, false},
                                               {"ter", "", 1, false},
                                               {"ke", "", 3, false}}};
  for (const Rule& r : rules) {
    if (!starts_with(w, r.prefix)) continue;
    const std::string_view rest = std::string_view(w).substr(r.prefix.size());
    if (r.before_vowel && !(!rest.empty() && is_vowel(rest.front()))) continue;
    std::string word = std::string(r.replace) + std::string(rest);
    if (measure(word) < 1 || js_length(word) < 3) return {};
    return {true, std::move(word), r.kind};
  }
  return {};
}

Cut second_order_prefix(const std::string& w) {
  struct Rule {
    std::string_view prefix, replace;
    int kind;
  };
  static constexpr std::array<Rule, 5> rules{
      {{"belajar", "ajar", 4}, {"pelajar", "ajar", 2}, {"ber", "", 4}, {"per", "", 2}, {"pe", "", 2}}};
  for (const Rule& r : rules) {
    if (!starts_with(w, r.prefix)) continue;
    std::string word = std::string(r.replace) + w.substr(r.prefix.size());
    if (measure(word) < 1 || js_length(word) < 3) return {};
    return {true, std::move(word), r.kind};
  }
  // /^be[^aeiou]er/: be, one character that is not a vowel, er.
  if (starts_with(w, "be") && w.size() > 2) {
    const unsigned char c = static_cast<unsigned char>(w[2]);
    const size_t len = sequence_length(c);
    // A code point above U+FFFF is two code units in JavaScript: [^aeiou] takes only the first.
    if (len < 4 && 2 + len <= w.size() && !is_vowel(w[2]) && w.compare(2 + len, 2, "er") == 0)
      return {true, w.substr(2), 4};
  }
  return {};
}

std::string suffix(const std::string& w, int prefix) {
  if (ends_with(w, "kan") && prefix != 3 && prefix != 2 && js_length(w) > 5) return w.substr(0, w.size() - 3);
  if (ends_with(w, "an") && prefix != 1 && js_length(w) > 4) return w.substr(0, w.size() - 2);
  // /[^s]i$/: a character that is not s, then i.
  if (w.size() >= 2 && w.back() == 'i' && w[w.size() - 2] != 's' && prefix <= 2 && js_length(w) > 4)
    return w.substr(0, w.size() - 1);
  return w;
}

// The last code point of `w` as its UTF-8 bytes (empty for an empty word).
std::string_view last_char(std::string_view w) {
  size_t i = w.size();
  while (i > 0 && (static_cast<unsigned char>(w[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0) --i;
  return w.substr(i);
}

bool has_any(std::string_view w, std::string_view set) { return w.find_first_of(set) != std::string_view::npos; }

// search.js's normalise: NFD, the combining diacritics U+0300..U+036F removed, lower case.
std::string fold(const icu::UnicodeString& word) {
  // ASCII (most words of most plans) folds to its lower case: it has no decomposition and no
  // combining mark, and the root locale lowers A-Z alone. ICU's normalisation, lowering and
  // conversion are for the rest (a 240-commitment plan's site folds some 2 million words).
  bool ascii = true;
  for (int32_t i = 0; i < word.length() && ascii; ++i) ascii = word.charAt(i) < 0x80;
  if (ascii) {
    std::string out(static_cast<size_t>(word.length()), '\0');
    for (int32_t i = 0; i < word.length(); ++i) {
      const char16_t c = word.charAt(i);
      out[static_cast<size_t>(i)] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(word, status) : word;
  if (U_FAILURE(status)) decomposed = word;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t c = decomposed.charAt(i);
    if (c < 0x0300 || c > 0x036F) kept.append(c);
  }
  kept.toLower(icu::Locale::getRoot());
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace

std::vector<std::string> search_terms(const std::string& lang, const std::string& text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::vector<std::string> out;
  int32_t start = -1;
  for (int32_t i = 0; i <= u.length();) {
    const bool end = i == u.length();
    const UChar32 c = end ? 0 : u.char32At(i);
    const bool letter = !end && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
    if (letter && start < 0) start = i;
    if (!letter && start >= 0) {
      std::string w = fold(icu::UnicodeString(u, start, i - start));
      if (!w.empty()) out.push_back(search_stem(lang, w));
      start = -1;
    }
    if (end) break;
    i += U16_LENGTH(c);
  }
  return out;
}

std::string stem_indonesian(std::string w) {
  if (measure(w) <= 2) return w;
  for (std::string_view p : {"kah", "lah", "pun"})
    if (ends_with(w, p)) {
      w.resize(w.size() - 3);
      break;
    }
  if (measure(w) > 2)
    for (std::string_view p : {"ku", "mu", "nya"})
      if (ends_with(w, p)) {
        w.resize(w.size() - p.size());
        break;
      }
  if (measure(w) <= 2) return w;
  int prefix = 0;
  if (Cut first = first_order_prefix(w); first.found) {
    w = std::move(first.word);
    prefix = first.kind;
    if (measure(w) > 2) w = suffix(w, prefix);
    if (measure(w) > 2)
      if (Cut second = second_order_prefix(w); second.found) w = std::move(second.word);
  } else {
    if (Cut second = second_order_prefix(w); second.found) {
      w = std::move(second.word);
      prefix = second.kind;
    }
    if (measure(w) > 2) w = suffix(w, prefix);
  }
  return w;
}

std::string stem_english(std::string w) {
  if (js_length(w) <= 3) return w;
  if (ends_with(w, "ies") && js_length(w) > 4) {
    w.resize(w.size() - 3);
    w += 'y';
  } else if (ends_with(w, "sses")) {
    w.resize(w.size() - 2);
  } else if (w.size() >= 2 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u') {
    w.resize(w.size() - 1);
  }
  for (std::string_view s : {"ing", "ed", "ly"}) {
    if (!ends_with(w, s) || w.size() == s.size()) continue;
    const std::string stem = w.substr(0, w.size() - s.size());
    if (!has_any(stem, "aeiouy") || js_length(stem) < 3) break;
    w = stem;
    // /([^aeiouslz])\1$/: the same consonant twice at the end (planned -> plann -> plan); a
    // code point above U+FFFF is two different code units to JavaScript, never matched.
    const std::string_view last = last_char(w);
    const std::string_view before = last_char(std::string_view(w).substr(0, w.size() - last.size()));
    if (!last.empty() && last.size() < 4 && last == before && !(last.size() == 1 && has_any(last, "aeiouslz")))
      w.resize(w.size() - last.size());
    break;
  }
  if (ends_with(w, "e") && js_length(w) > 4) w.resize(w.size() - 1);
  return w;
}

std::string search_stem(const std::string& lang, const std::string& word) {
  if (lang == "id") return stem_indonesian(word);
  if (lang == "en") return stem_english(word);
  return word;
}

}  // namespace renaksi::html
