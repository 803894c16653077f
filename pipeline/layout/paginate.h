// The paginator: places blocks of parallel columns on pages, top to bottom. Columns of one
// block start level; each continues on the next page when the page is full; table headers
// repeat; a heading is never the last thing on a page; nothing goes below the text area.
#pragma once

#include <functional>
#include <vector>

#include "layout/box.h"
#include "layout/page.h"

namespace renaksi::layout {

class Paginator {
 public:
  // `columns_x`: the left edge of each column; `top`, `bottom`: the text area's limits (PDF y).
  Paginator(std::vector<double> columns_x, double top, double bottom);

  // Starts a new page (the first call starts the first page).
  void new_page();
  // Places one block: one Column per column position. `next_first`: the height of what must
  // fit after this block when it ends with a heading (the next block's first box, with its
  // space), so the heading does not end a page.
  void place(std::vector<Column> columns, double next_first = 0);
  // Vertical space, dropped at the top of a page.
  void space(double points);

  bool at_top() const { return y_ == top_; }
  std::vector<Page>& pages() { return pages_; }

 private:
  void put(Box& box, size_t column, double y);

  std::vector<double> x_;
  double top_, bottom_;
  double y_ = 0;
  std::vector<Page> pages_;
};

}  // namespace renaksi::layout
