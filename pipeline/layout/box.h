// A box: the unit the paginator places (a line of text, a table row, a heading). Its contents
// are positioned relative to its top-left corner, y growing downwards. A box with `breaks` (a
// table row, a field: boxes of several lines) is split there when it does not fit on a page.
// Keeping: a box that keeps with the next is on the same page as the next box; such boxes chain
// (a heading, its subheading, a paragraph's first line…), and the chain ends with the first box
// that does not keep, of which only its first part (see first_part) must fit. A paragraph's lines
// are one box each: its first line keeps with the second (no orphan) and, from four lines on, its
// last-but-one with the last (no widow); a paragraph of two or three lines keeps whole. A heading
// has two lines of text below it: a one-line paragraph right after it keeps with what follows.
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"

namespace renaksi::layout {

struct Box {
  double height = 0;
  double space_before = 0;     // dropped when the box starts a page
  bool keep_with_next = false; // on the same page as the next box (see above)
  bool heading = false;        // a line of a heading: a single line after it keeps with the next
  int table = -1;              // a table row: the index of its header box in Column::headers
  std::vector<Glyphs> text;    // y: the baseline, measured down from the box's top
  std::vector<Rect> rects;     // y: the top edge, measured down; h grows downwards
  std::vector<Rule> rules;     // y1, y2 measured down
  std::vector<LinkArea> links; // y: the top edge, measured down
  std::vector<Anchor> anchors; // y: measured down (normally 0)
  std::vector<double> breaks;  // where the box may be split across pages (its line boundaries),
                               // measured down, ascending, each inside (0, height)
  int pair = -1;               // in a column of a bilingual block: the first box of its n-th
                               // paragraph; both columns' n-th paragraphs start level
};

// The breaks at which `b` may be split with at least two lines on each side: none for a box of
// two or three lines, all but the first and the last from four lines on.
inline std::vector<double> usable_breaks(const Box& b) {
  if (b.breaks.size() < 3) return {};
  return std::vector<double>(b.breaks.begin() + 1, b.breaks.end() - 1);
}

// The height of what must go on a page for `b` to start there: its first two lines when it can
// be split, all of it otherwise.
inline double first_part(const Box& b) { return b.breaks.size() < 3 ? b.height : b.breaks[1]; }

// One language's column of a block: boxes in order, and the header rows that repeat when a
// table continues on the next page.
struct Column {
  std::vector<Box> boxes;
  std::vector<Box> headers;
};

}  // namespace renaksi::layout
