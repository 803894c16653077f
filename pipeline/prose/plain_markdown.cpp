// Plain Markdown's Pandoc AST, made without Pandoc.
#include "prose/plain_markdown.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace renaksi::prose {

namespace {

using nlohmann::json;

// Pandoc's abbreviations (`pandoc --print-default-data-file abbreviations`, the same list from
// Pandoc 2.0 to 3.x): with `smart`, such a word followed by a space is joined to the next word
// by a no-break space. A text with one of them goes to Pandoc; so does any word with a dot
// inside ("U.S.", "Ph.D."), in case another Pandoc's list is longer.
constexpr std::array<std::string_view, 80> kAbbreviations = {
    "aet.",  "aetat.", "al.",   "Apr.",  "Aug.",   "bk.",    "Bros.", "c.",    "Capt.", "cf.",   "ch.",   "chap.",
    "chs.",  "Co.",    "col.",  "Corp.", "cp.",    "d.",     "Dec.",  "Dr.",   "e.g.",  "ed.",   "eds.",  "esp.",
    "f.",    "fasc.",  "Feb.",  "ff.",   "fig.",   "fl.",    "fol.",  "fols.", "Fr.",   "Gen.",  "Gov.",  "Hon.",
    "i.e.",  "ill.",   "Inc.",  "incl.", "Jan.",   "Jr.",    "Jul.",  "Jun.",  "Ltd.",  "M.A.",  "M.D.",  "Mar.",
    "Mr.",   "Mrs.",   "Ms.",   "n.",    "n.b.",   "nn.",    "No.",   "Nov.",  "Oct.",  "p.",    "Ph.D.", "pp.",
    "Pres.", "Prof.",  "pt.",   "q.v.",  "Rep.",   "Rev.",   "s.v.",  "s.vv.", "saec.", "sec.",  "Sen.",  "Sep.",
    "Sept.", "Sgt.",   "Sr.",   "St.",   "univ.",  "viz.",   "vol.",  "vs."};

bool ascii_alnum(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// A letter as Pandoc's reader sees one (Unicode general category L), or an ASCII digit.
bool word_char(UChar32 c) { return c >= 0 && (ascii_alnum(c) || (c >= 0x80 && u_isalpha(c))); }

// The characters a plain text may hold (besides letters and digits): none of them starts
// anything in Pandoc's Markdown within a line, and `smart` changes none of them alone.
bool plain_punctuation(UChar32 c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '(': case ')': case '%': case '/': case '?': case '!':
    case 0x2013:  // en dash, as in "2018–2020"
      return true;
    default:
      return false;
  }
}

// The code points of `s`, or nullopt when it is not valid UTF-8.
std::optional<std::vector<UChar32>> code_points(std::string_view s) {
  std::vector<UChar32> out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  if (static_cast<size_t>(n) != s.size()) return std::nullopt;
  for (int32_t i = 0; i < n;) {  // bounded: i grows by at least one each time
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return std::nullopt;
    out.push_back(c);
  }
  return out;
}

// True when the line [from, to) of `cps` may be a line of a plain paragraph, `first` its first.
// It starts with a letter, a digit or "(" (a line of "(Peraturan Presiden Nomor 9 Tahun 2016)").
// A list needs an empty line before it, so only a paragraph's first line can start one: there,
// a first word that ends in "." or ")" ("1.", "a.", "iv)", "(a)") may be a list marker. Inside
// a paragraph "2018." or "(1)" at a line's start is a word like any other.
bool plain_line(const std::vector<UChar32>& cps, size_t from, size_t to, bool first) {
  if ((!word_char(cps[from]) && cps[from] != '(') || cps[to - 1] == ' ') return false;
  if (!first) return true;
  size_t first_end = from;
  while (first_end < to && cps[first_end] != ' ') ++first_end;
  return cps[first_end - 1] != '.' && cps[first_end - 1] != ')';
}

// True when `word` (ending in its dot) may be one Pandoc joins to the next with a no-break space.
bool abbreviation(const std::string& word) {
  if (word.find('.') + 1 < word.size()) return true;  // a dot inside
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

bool plain(const std::vector<UChar32>& cps) {
  const size_t n = cps.size();
  bool any_text = false;
  bool first = true;  // the next line with text starts a paragraph
  for (size_t line = 0; line < n;) {  // bounded: each pass moves past one line
    size_t end = line;
    while (end < n && cps[end] != '\n') ++end;
    if (end > line) {
      if (!plain_line(cps, line, end, first)) return false;
      any_text = true;
      first = false;
    } else {
      first = true;
    }
    line = end + 1;
  }
  if (!any_text) return false;
  for (size_t i = 0; i < n; ++i) {
    const UChar32 c = cps[i];
    if (c == '\n' || c == ' ' || word_char(c)) continue;
    if (c == '\'' || c == 0x2019) {
      // Right after a letter or digit ("Indonesia's", "citizens' rights", "1990's"), `smart`
      // reads it as an apostrophe (U+2019), never as a quote: a quote opens only where no
      // word ends.
      if (i == 0 || !word_char(cps[i - 1])) return false;
      continue;
    }
    if (c == '-') {
      // Between two letters or digits ("masing-masing", "e-government"): never a list marker,
      // a rule or a `smart` dash.
      if (i == 0 || i + 1 >= n || !word_char(cps[i - 1]) || !word_char(cps[i + 1])) return false;
      continue;
    }
    if (!plain_punctuation(c)) return false;
    if (c == '.' && i + 1 < n && cps[i + 1] == '.') return false;  // an ellipsis, for `smart`
  }
  // Words ending in a dot before a space or a line's end: Pandoc's `str` reads letters, digits
  // and dots as one word, and `smart` looks it up in its abbreviations.
  for (size_t i = 0; i < n; ++i) {
    if (cps[i] != '.' || (i + 1 < n && cps[i + 1] != ' ' && cps[i + 1] != '\n')) continue;
    size_t start = i;
    while (start > 0 && (word_char(cps[start - 1]) || cps[start - 1] == '.')) --start;
    // The abbreviations are ASCII: a word with another letter is compared by its dots alone.
    std::string word;
    for (size_t k = start; k <= i; ++k) word += cps[k] < 0x80 ? static_cast<char>(cps[k]) : '\x7f';
    if (abbreviation(word)) return false;
  }
  return true;
}

// A word as Pandoc's `smart` gives it: a straight apostrophe curled (U+2019).
std::string with_apostrophes(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (char c : word) {
    if (c == '\'') out += "\u2019";
    else out += c;
  }
  return out;
}

}  // namespace

std::optional<json> plain_markdown_blocks(std::string_view markdown) {
  const std::optional<std::vector<UChar32>> cps = code_points(markdown);
  if (!cps || !plain(*cps)) return std::nullopt;
  // Paragraphs of the lines between empty lines; in each, the words (as written) with a Space
  // between two on a line (however many spaces) and a SoftBreak between lines.
  json blocks = json::array();
  json inlines = json::array();
  auto end_paragraph = [&] {
    if (inlines.empty()) return;
    blocks.push_back(json{{"t", "Para"}, {"c", std::move(inlines)}});
    inlines = json::array();
  };
  size_t from = 0;
  while (from <= markdown.size()) {  // bounded: each pass moves past one line
    size_t end = markdown.find('\n', from);
    if (end == std::string_view::npos) end = markdown.size();
    const std::string_view line = markdown.substr(from, end - from);
    if (line.empty()) {
      end_paragraph();
    } else {
      if (!inlines.empty()) inlines.push_back(json{{"t", "SoftBreak"}});
      size_t w = 0;
      while (w < line.size()) {  // bounded: each pass moves past one word and its spaces
        size_t e = line.find(' ', w);
        if (e == std::string_view::npos) e = line.size();
        inlines.push_back(json{{"t", "Str"}, {"c", with_apostrophes(line.substr(w, e - w))}});
        w = e;
        while (w < line.size() && line[w] == ' ') ++w;
        if (w < line.size()) inlines.push_back(json{{"t", "Space"}});
      }
    }
    from = end + 1;
  }
  end_paragraph();
  return blocks;
}

}  // namespace renaksi::prose
