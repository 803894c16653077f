// A box: the unit the paginator places (a line of text, a table row, a heading). Its contents
// are positioned relative to its top-left corner, y growing downwards. A box with `breaks` (a
// table row, a field: boxes of several lines) is split there when it does not fit on a page.
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"

namespace renaksi::layout {

struct Box {
  double height = 0;
  double space_before = 0;     // dropped when the box starts a page
  bool keep_with_next = false; // a heading: never the last thing on a page
  int table = -1;              // a table row: the index of its header box in Column::headers
  std::vector<Glyphs> text;    // y: the baseline, measured down from the box's top
  std::vector<Rect> rects;     // y: the top edge, measured down; h grows downwards
  std::vector<Rule> rules;     // y1, y2 measured down
  std::vector<LinkArea> links; // y: the top edge, measured down
  std::vector<Anchor> anchors; // y: measured down (normally 0)
  std::vector<double> breaks;  // where the box may be split across pages (its line boundaries),
                               // measured down, ascending, each inside (0, height)
};

// The height of what must go on a page for `b` to start there: its first line when it can be
// split, all of it otherwise.
inline double first_part(const Box& b) { return b.breaks.empty() ? b.height : b.breaks.front(); }

// One language's column of a block: boxes in order, and the header rows that repeat when a
// table continues on the next page.
struct Column {
  std::vector<Box> boxes;
  std::vector<Box> headers;
};

}  // namespace renaksi::layout
