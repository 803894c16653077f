// The paginator.
#include "layout/paginate.h"

#include <algorithm>

namespace renaksi::layout {

namespace {

// The piece of a split box that holds what sits at `key` (offset from the box's top): the
// number of cuts above it. What sits exactly on a cut belongs to the piece above.
size_t piece_of(const std::vector<double>& cuts, double key) {
  return static_cast<size_t>(std::lower_bound(cuts.begin(), cuts.end(), key) - cuts.begin());
}

}  // namespace

std::vector<Box> split_box(Box box, const std::vector<double>& cuts) {
  std::vector<double> lo{0};
  for (double c : cuts) lo.push_back(c);
  std::vector<double> hi = cuts;
  hi.push_back(box.height);
  std::vector<Box> out(lo.size());
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].height = hi[i] - lo[i];
    out[i].table = box.table;
  }
  out.front().space_before = box.space_before;
  out.back().keep_with_next = box.keep_with_next;
  for (double b : box.breaks) {
    const size_t i = piece_of(cuts, b);
    if (b > lo[i] && b < hi[i]) out[i].breaks.push_back(b - lo[i]);
  }
  for (auto& g : box.text) {
    const size_t i = piece_of(cuts, g.y);
    g.y -= lo[i];
    out[i].text.push_back(std::move(g));
  }
  for (auto& l : box.links) {
    const size_t i = piece_of(cuts, l.y + l.h / 2);
    l.y -= lo[i];
    out[i].links.push_back(std::move(l));
  }
  for (auto& a : box.anchors) {
    const size_t i = piece_of(cuts, a.y);
    a.y -= lo[i];
    out[i].anchors.push_back(std::move(a));
  }
  for (const auto& r : box.rects) {
    // Clipped to every piece it overlaps (a row's background spans the whole row).
    for (size_t i = piece_of(cuts, r.y); i < out.size() && lo[i] < r.y + r.h; ++i) {
      const double top = std::max(r.y, lo[i]), bottom = std::min(r.y + r.h, hi[i]);
      if (bottom <= top) continue;
      Rect piece = r;
      piece.y = top - lo[i];
      piece.h = bottom - top;
      out[i].rects.push_back(piece);
    }
  }
  for (const auto& r : box.rules) {
    if (r.y1 == r.y2) {
      Rule piece = r;
      const size_t i = piece_of(cuts, r.y1);
      piece.y1 -= lo[i];
      piece.y2 -= lo[i];
      out[i].rules.push_back(piece);
      continue;
    }
    // A vertical (or slanting) rule, clipped to every piece it crosses.
    const double y_min = std::min(r.y1, r.y2), y_max = std::max(r.y1, r.y2);
    for (size_t i = piece_of(cuts, y_min); i < out.size() && lo[i] < y_max; ++i) {
      const double top = std::max(y_min, lo[i]), bottom = std::min(y_max, hi[i]);
      if (bottom <= top) continue;
      auto x_at = [&](double y) { return r.x1 + (r.x2 - r.x1) * (y - r.y1) / (r.y2 - r.y1); };
      Rule piece = r;
      piece.x1 = x_at(top);
      piece.x2 = x_at(bottom);
      piece.y1 = top - lo[i];
      piece.y2 = bottom - lo[i];
      out[i].rules.push_back(piece);
    }
  }
  return out;
}

Paginator::Paginator(std::vector<double> columns_x, double top, double bottom, size_t max_pages)
    : x_(std::move(columns_x)), top_(top), bottom_(bottom), max_pages_(max_pages), y_(top) {}

bool Paginator::new_page() {
  if (pages_.size() >= max_pages_) {
    full_ = true;
    return false;
  }
  pages_.emplace_back();
  y_ = top_;
  return true;
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

const Box* Paginator::repeated_header(const Column& column, const Box& row) const {
  if (row.table < 0 || static_cast<size_t>(row.table) >= column.headers.size()) return nullptr;
  const Box& header = column.headers[static_cast<size_t>(row.table)];
  // A header row taller than a third of the page is not repeated: it would leave too little
  // room for the table it heads.
  return header.height <= (top_ - bottom_) / 3 ? &header : nullptr;
}

bool Paginator::place(std::vector<Column> columns, double next_first) {
  if (full_) return false;
  if (pages_.empty() && !new_page()) return false;
  // Keep a block that ends in a heading together with what follows it.
  if (!at_top() && next_first > 0) {
    double need = next_first;
    for (const auto& c : columns) {
      double h = 0;
      for (const auto& b : c.boxes) h += b.space_before + b.height;
      need = std::max(need, h + next_first);
    }
    if (y_ - need < bottom_ && !new_page()) return false;
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
      // Whether a box of this block's column is on this page yet: on a fresh page the first one
      // goes there whatever its height, so that every page makes progress.
      bool own = false;
      // A table row at the top of a page continues its table from the last page (the header
      // row keeps with the first row): repeat the header row.
      if (next[c] < boxes.size() && fresh) {
        if (const Box* h = repeated_header(columns[c], boxes[next[c]])) {
          Box header = *h;
          put(header, c, y);
          y -= header.height;
          first_on_page = false;
        }
      }
      while (next[c] < boxes.size()) {
        const double gap = first_on_page && fresh ? 0 : boxes[next[c]].space_before;
        double need = gap + boxes[next[c]].height;
        // A heading (or a table's header row) with nothing after it on this page moves on.
        if (boxes[next[c]].keep_with_next && next[c] + 1 < boxes.size())
          need += boxes[next[c] + 1].space_before + first_part(boxes[next[c] + 1]);
        const bool forced = fresh && !own;
        if (y - need < bottom_) {
          Box& b = boxes[next[c]];
          const bool fits = y - gap - b.height >= bottom_;  // it is what follows that does not
          const bool can_split = !fits && !b.breaks.empty() && (forced || y - gap - b.breaks.front() >= bottom_);
          if (!can_split && !forced) break;
          if (can_split) {
            // Cut it where this page ends, then wherever each following page would end.
            const std::vector<double>& br = b.breaks;
            std::vector<double> cuts;
            auto last_within = [&](double from, double limit) {
              // The lowest break in (from, limit], or else the first below `from` (progress).
              auto it = std::upper_bound(br.begin(), br.end(), limit);
              if (it != br.begin() && *(it - 1) > from) return *(it - 1);
              auto first = std::upper_bound(br.begin(), br.end(), from);
              return first == br.end() ? -1.0 : *first;
            };
            const Box* header = repeated_header(columns[c], b);
            const double capacity = top_ - bottom_ - (header ? header->height : 0);
            double at = last_within(0, y - gap - bottom_);
            while (at > 0 && cuts.size() < max_pages_) {
              cuts.push_back(at);
              if (b.height - at <= capacity) break;
              at = last_within(at, at + capacity);
            }
            auto pieces = split_box(std::move(b), cuts);
            boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(next[c]));
            boxes.insert(boxes.begin() + static_cast<std::ptrdiff_t>(next[c]), std::make_move_iterator(pieces.begin()),
                         std::make_move_iterator(pieces.end()));
          }
        }
        Box& b = boxes[next[c]];
        const double g = first_on_page && fresh ? 0 : b.space_before;
        y -= g;
        put(b, c, y);
        y -= b.height;
        first_on_page = false;
        own = true;
        ++next[c];
      }
      lowest = std::min(lowest, y);
      if (next[c] < boxes.size()) done = false;
    }
    y_ = lowest;
    if (done) return true;
    if (!new_page()) return false;
  }
}

}  // namespace renaksi::layout
