// Word-by-word difference of two texts: ICU word segmentation, then Myers' shortest edit script
// over the tokens, bounded in tokens and in edits (past a bound the text is shown as replaced whole).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace renaksi::diff {

// Bounds of one field's difference. Myers' algorithm keeps one row of at most 2d+1 positions
// per edit d, so memory is O(kMaxEdits²) ints (about 4 MB) and time O((n+m)·kMaxEdits).
inline constexpr std::size_t kMaxTokens = 50'000;  // per side, after the common start and end
inline constexpr std::size_t kMaxEdits = 1'000;

enum class Op { Same, Insert, Delete };

struct Piece {
  Op op = Op::Same;
  std::string text;
  bool operator==(const Piece&) const = default;
};

struct WordDiff {
  std::vector<Piece> pieces;  // in reading order; a change is its deletion, then its insertion
  bool whole = false;         // past a bound: the differing middle is shown deleted and inserted whole
  bool changed() const;
};

// The text cut at ICU's word boundaries for `lang` ("id", "en"…): words, spaces and
// punctuation, each a token; concatenated they give the text back.
std::vector<std::string> word_tokens(std::string_view text, std::string_view lang);

WordDiff diff_words(std::string_view old_text, std::string_view new_text, std::string_view lang);

}  // namespace renaksi::diff
