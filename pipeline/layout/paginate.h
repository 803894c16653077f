// The paginator: places blocks of parallel columns on pages, top to bottom. Columns of one
// block start level; each continues on the next page when the page is full; table headers
// repeat; a heading is never the last thing on a page; nothing goes below the text area.
// It always ends: every page it adds receives at least one box (or a piece of one) of every
// column that still has boxes; a box taller than what is left is split at its breaks (a table
// row at its lines, its header row repeated on the continuation page); a box that cannot be split
// and fits on no page is placed at the top of a page anyway. It adds at most `max_pages` pages.
#pragma once

#include <functional>
#include <vector>

#include "env/limits.h"
#include "layout/box.h"
#include "layout/page.h"

namespace renaksi::layout {

class Paginator {
 public:
  // `columns_x`: the left edge of each column; `top`, `bottom`: the text area's limits (PDF y).
  Paginator(std::vector<double> columns_x, double top, double bottom,
            size_t max_pages = static_cast<size_t>(limits::kMaxPagesPerEdition));

  // Starts a new page (the first call starts the first page). False, and nothing added, when
  // there are `max_pages` pages already: full() is then true.
  bool new_page();
  // Places one block: one Column per column position. `next_first`: the height of what must
  // fit after this block when it ends with a heading (the next block's first box, with its
  // space), so the heading does not end a page. False when the page limit stopped it (full()).
  bool place(std::vector<Column> columns, double next_first = 0);
  // Vertical space, dropped at the top of a page.
  void space(double points);

  bool at_top() const { return y_ == top_; }
  bool full() const { return full_; }
  std::vector<Page>& pages() { return pages_; }

 private:
  void put(Box& box, size_t column, double y);
  // The header row repeated above a continued table in column `c`, or null.
  const Box* repeated_header(const Column& column, const Box& row) const;

  std::vector<double> x_;
  double top_, bottom_;
  size_t max_pages_;
  double y_ = 0;
  bool full_ = false;
  std::vector<Page> pages_;
};

// Splits `box` at `cuts` (offsets from its top, ascending, inside (0, height)) into
// cuts.size() + 1 boxes: text by its baseline, links by their middle, rectangles and
// vertical rules clipped. The first keeps the space before, the last keeps with the next.
std::vector<Box> split_box(Box box, const std::vector<double>& cuts);

}  // namespace renaksi::layout
