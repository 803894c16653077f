// The paginator: places blocks of parallel columns on pages, top to bottom. Columns of one
// block start level; each continues on the next page when the page is full; table headers
// repeat. Keeping (box.h): a chain of boxes that keep with the next (headings, a heading's
// subheading, a table's header row and first row, a paragraph's first line) goes on the page
// only when the chain and the first part (two lines) of the box that ends it fit, else on the
// next page (a one-line paragraph under a heading does not end a chain); a block's columns all move when one of them must; a box of lines is split only
// with two lines on each side. A block whose columns are marked in pairs (Box::pair, the
// paragraphs of a bilingual prose block, the same number in each column) is placed pair by
// pair: both paragraphs of a pair start level, and a page ends between pairs unless a pair is
// taller than what is left. Space gives: when what must go on the page misses by a little, the
// gaps between blocks already on the page (space before, space after a table) shrink, by at
// most kSpaceGive of each, instead of leaving the page nearly empty.
// It always ends: every page it adds receives at least one box (or a piece of one) of every
// column that still has boxes; a chain taller than a page is not kept (only its first box with
// the next's first part); a box taller than what is left is split at its breaks (a table
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
  // fit after this block when it ends with a box that keeps with the next (a heading): the next
  // block's lead_height. False when the page limit stopped it (full()).
  bool place(std::vector<Column> columns, double next_first = 0);
  // Vertical space, dropped at the top of a page.
  void space(double points);

  bool at_top() const { return y_ == top_; }
  bool full() const { return full_; }
  std::vector<Page>& pages() { return pages_; }

 private:
  // Places one block (or one pair of paragraphs of it).
  bool place_block(std::vector<Column> columns, double next_first);
  void put(Box& box, size_t column, double y);
  // Shrinks the gaps on this page by `by` points in all: what is below each gap moves up.
  void give(double by);
  // How much the gaps on this page can give.
  double slack() const;
  // The header row repeated above a continued table in column `c`, or null.
  const Box* repeated_header(const Column& column, const Box& row) const;

  std::vector<double> x_;
  double top_, bottom_;
  size_t max_pages_;
  double y_ = 0;
  bool full_ = false;
  struct Gap {
    double top, height;  // an empty band across the page, from `top` down
    double left;         // how much of it may still give
  };
  std::vector<Gap> gaps_;  // this page's
  std::vector<Page> pages_;
};

// The most a gap (space before a block, the space after a table) gives to fit what follows.
inline constexpr double kSpaceGive = 0.5;

// The height that must fit on a page for the box at `i` of `boxes` to start there: its space
// (unless `at_top`), the chain of boxes keeping with the next from it, and the first part of the
// box that ends the chain; `next_first` when the chain runs to the end of the column.
double chain_height(const std::vector<Box>& boxes, size_t i, double next_first, bool at_top = false);

// The height that must fit on a page for a block to start there (the most of its columns'
// chain_height from the first box). A block that all keeps (a heading) adds `next_first`.
// `after_heading`: the block follows a heading, so a first box of one line keeps with the next.
double lead_height(const std::vector<Column>& columns, double next_first, bool after_heading = false);

// For each of a run of blocks, the `next_first` to place it with: what must fit after it when it
// ends keeping with the next (the next block's lead, through a chain of headings); `after` follows
// the last block.
std::vector<double> next_leads(const std::vector<std::vector<Column>>& blocks, double after = 0);

// Splits `box` at `cuts` (offsets from its top, ascending, inside (0, height)) into
// cuts.size() + 1 boxes: text by its baseline, links by their middle, rectangles and
// vertical rules clipped. The first keeps the space before, the last keeps with the next.
std::vector<Box> split_box(Box box, const std::vector<double>& cuts);

}  // namespace renaksi::layout
