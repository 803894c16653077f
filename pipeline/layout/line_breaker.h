// The project's own line breaker: ICU line-break opportunities (UAX #14) for the text's
// language, widths from the embedded fonts, greedy filling, and justification by placing each
// word. A word wider than the line is broken between characters, so no text leaves its box.
#pragma once

#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <vector>

#include "layout/measure.h"
#include "style/style.h"

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

class LineBreaker {
 public:
  LineBreaker(const Measure& measure, const std::string& lang);

  // Breaks `runs` set at `size` points into lines no wider than `width`. With `justify`, every
  // line but the last of the paragraph (and those ending in a hard break) fills the width.
  std::vector<TextLine> lines(const std::vector<Run>& runs, double size, double width, bool justify);

 private:
  const Measure& measure_;
  std::unique_ptr<icu::BreakIterator> line_breaks_;
  std::unique_ptr<icu::BreakIterator> characters_;
};

}  // namespace renaksi::layout
