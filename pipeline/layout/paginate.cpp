// The paginator.
#include "layout/paginate.h"

#include <algorithm>

namespace renaksi::layout {

Paginator::Paginator(std::vector<double> columns_x, double top, double bottom)
    : x_(std::move(columns_x)), top_(top), bottom_(bottom), y_(top) {}

void Paginator::new_page() {
  pages_.emplace_back();
  y_ = top_;
}

void Paginator::space(double points) {
  if (!at_top()) y_ = std::max(bottom_, y_ - points);
}

void Paginator::put(Box& box, size_t column, double top) {
  Page& page = pages_.back();
  const double x = x_[column];
  for (auto& g : box.text) {
    g.x += x;
    g.y = top - g.y;
    page.text.push_back(std::move(g));
  }
  for (auto r : box.rects) {
    r.x += x;
    r.y = top - r.y - r.h;
    page.rects.push_back(r);
  }
  for (auto r : box.rules) {
    r.x1 += x;
    r.x2 += x;
    r.y1 = top - r.y1;
    r.y2 = top - r.y2;
    page.rules.push_back(r);
  }
  for (auto l : box.links) {
    l.x += x;
    l.y = top - l.y - l.h;
    page.links.push_back(std::move(l));
  }
  for (auto a : box.anchors) {
    a.y = top - a.y;
    page.anchors.push_back(std::move(a));
  }
}

void Paginator::place(std::vector<Column> columns, double next_first) {
  if (pages_.empty()) new_page();
  // Keep a block that ends in a heading together with what follows it.
  if (!at_top() && next_first > 0) {
    double need = next_first;
    for (const auto& c : columns) {
      double h = 0;
      for (const auto& b : c.boxes) h += b.space_before + b.height;
      need = std::max(need, h + next_first);
    }
    if (y_ - need < bottom_) new_page();
  }
  std::vector<size_t> next(columns.size(), 0);
  for (;;) {
    const double start = y_;
    const bool fresh = at_top();
    double lowest = start;
    bool done = true;
    for (size_t c = 0; c < columns.size() && c < x_.size(); ++c) {
      auto& boxes = columns[c].boxes;
      double y = start;
      bool first_on_page = true;
      // A table row at the top of a page continues its table from the last page (the header
      // row keeps with the first row): repeat the header row.
      if (next[c] < boxes.size() && fresh && boxes[next[c]].table >= 0) {
        Box header = columns[c].headers[static_cast<size_t>(boxes[next[c]].table)];
        if (y - header.height >= bottom_) {
          put(header, c, y);
          y -= header.height;
          first_on_page = false;
        }
      }
      while (next[c] < boxes.size()) {
        Box& b = boxes[next[c]];
        const double gap = first_on_page && fresh ? 0 : b.space_before;
        double need = gap + b.height;
        // A heading (or a table's header row) with nothing after it on this page moves on.
        if (b.keep_with_next && next[c] + 1 < boxes.size()) need += boxes[next[c] + 1].space_before + boxes[next[c] + 1].height;
        if (y - need < bottom_ && !(first_on_page && fresh)) break;
        y -= gap;
        put(b, c, y);
        y -= b.height;
        first_on_page = false;
        ++next[c];
      }
      lowest = std::min(lowest, y);
      if (next[c] < boxes.size()) done = false;
    }
    y_ = lowest;
    if (done) return;
    new_page();
  }
}

}  // namespace renaksi::layout
