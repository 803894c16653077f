// The project's own line breaker: ICU line-break opportunities (UAX #14) for the text's
// language, hyphenation points by each run's language (libhyphen), widths from the embedded
// fonts (kerned), and whole paragraphs broken at once by total fit (Knuth and Plass): the
// breaks that minimise the paragraph's demerits. A justified paragraph's lines all fill the
// width but its last; a word wider than the line is broken between characters as a last
// resort, so no text leaves its box.
#pragma once

#include <unicode/brkiter.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout/measure.h"
#include "style/style.h"
#include "text/string_map.h"

namespace renaksi::layout {

// A stretch of text in one style.
struct Run {
  std::string text;       // UTF-8; "\n" is a hard line break
  Face face = Face::Regular;
  Colour colour;
  std::string link;       // a link target, or empty
  std::string lang;       // its language (BCP 47), when known
};

// A positioned piece of one line.
struct Piece {
  double x = 0;           // from the line's start
  double width = 0;
  std::string text;
  Face face = Face::Regular;
  Colour colour;
  std::string link;
  std::string lang;
};

struct TextLine {
  std::vector<Piece> pieces;
  double width = 0;       // natural width, before justification
};

class Hyphenator;

class LineBreaker {
 public:
  // `hyphenation`: language (BCP 47) -> pattern file (the style's table); without it, or for a
  // language it lacks, words are not hyphenated.
  LineBreaker(const Measure& measure, const std::string& lang,
              const std::map<std::string, std::filesystem::path>* hyphenation = nullptr);
  ~LineBreaker();

  // Breaks `runs` set at `size` points into lines no wider than `width`. With `justify`, every
  // line but the last of the paragraph (and those ending in a hard break) fills the width, its
  // word spaces stretched or shrunk; otherwise lines are set ragged-right, as even as the breaks
  // allow. With `hyphenate` false, words are never hyphenated (headings, titles).
  std::vector<TextLine> lines(const std::vector<Run>& runs, double size, double width, bool justify,
                              bool hyphenate = true);

 private:
  // The hyphenator of a run's language (else the breaker's), or null.
  const Hyphenator* hyphenator(const std::string& lang);
  // Hyphenation points of `word` (byte offsets), remembered per hyphenator.
  const std::vector<size_t>& points(const Hyphenator& h, std::string_view word);

  const Measure& measure_;
  std::string lang_;
  const std::map<std::string, std::filesystem::path>* table_;
  std::unique_ptr<icu::BreakIterator> line_breaks_;
  std::unique_ptr<icu::BreakIterator> characters_;
  std::map<std::string, std::shared_ptr<const Hyphenator>> hyphenators_;  // by language
  std::map<const Hyphenator*, StringMap<std::vector<size_t>>> points_;  // by hyphenator, by word
};

}  // namespace renaksi::layout
