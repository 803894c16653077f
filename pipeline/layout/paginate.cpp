// The paginator.
#include "layout/paginate.h"

#include <algorithm>
#include <limits>

namespace renaksi::layout {

namespace {

// The piece of a split box that holds what sits at `key` (offset from the box's top): the
// number of cuts above it. What sits exactly on a cut belongs to the piece above.
size_t piece_of(const std::vector<double>& cuts, double key) {
  return static_cast<size_t>(std::lower_bound(cuts.begin(), cuts.end(), key) - cuts.begin());
}

// Nothing but space: the space after a table or a metadata box.
bool is_space(const Box& b) {
  return b.text.empty() && b.rects.empty() && b.rules.empty() && b.links.empty() && b.anchors.empty();
}

// Chains longer than this are not kept (they are taller than any page); it bounds the work.
constexpr double kNoLimit = std::numeric_limits<double>::infinity();

double chain_within(const std::vector<Box>& boxes, size_t i, double next_first, bool at_top, double limit,
                    bool after_heading = false) {
  double need = 0;
  for (size_t j = i; j < boxes.size(); ++j) {
    const Box& b = boxes[j];
    const double gap = j == i && at_top ? 0 : b.space_before;
    // A single line right after a heading (inside the chain) is not enough text below it.
    const bool under_heading = (j > i && boxes[j - 1].heading) || (j == i && after_heading);
    const bool lone = under_heading && b.breaks.empty() && (j + 1 == boxes.size() || !boxes[j + 1].heading);
    if (!b.keep_with_next && !lone) return need + gap + first_part(b);
    need += gap + b.height;
    if (need > limit) return need;
  }
  return need + next_first;
}

// All that is left of a column from box `i` (with `next_first` when its last box keeps); space
// boxes are left out, as they are cut short at the foot of a page.
double rest_height(const std::vector<Box>& boxes, size_t i, double next_first, bool at_top) {
  double h = 0;
  for (size_t j = i; j < boxes.size(); ++j)
    if (!is_space(boxes[j])) h += (j == i && at_top ? 0 : boxes[j].space_before) + boxes[j].height;
  if (!boxes.empty() && i < boxes.size() && boxes.back().keep_with_next) h += next_first;
  return h;
}

}  // namespace

double chain_height(const std::vector<Box>& boxes, size_t i, double next_first, bool at_top) {
  return chain_within(boxes, i, next_first, at_top, kNoLimit);
}

double lead_height(const std::vector<Column>& columns, double next_first, bool after_heading) {
  double h = 0;
  for (const auto& c : columns)
    if (!c.boxes.empty()) h = std::max(h, chain_within(c.boxes, 0, next_first, false, kNoLimit, after_heading));
  return h;
}

std::vector<double> next_leads(const std::vector<std::vector<Column>>& blocks, double after) {
  auto ends_with_heading = [](const std::vector<Column>& block) {
    for (const auto& c : block)
      if (!c.boxes.empty() && c.boxes.back().heading) return true;
    return false;
  };
  // plain[i]: block i's lead; under[i]: its lead right after a heading.
  const size_t n = blocks.size();
  std::vector<double> plain(n + 1, after), under(n + 1, after), out(n);
  for (size_t i = n; i-- > 0;) {
    out[i] = ends_with_heading(blocks[i]) ? under[i + 1] : plain[i + 1];
    plain[i] = lead_height(blocks[i], out[i]);
    under[i] = lead_height(blocks[i], out[i], true);
  }
  return out;
}

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
  out.front().pair = box.pair;
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
  if (!pages_.empty()) pages_.back().shrink();  // filled: nothing more goes on it
  pages_.emplace_back();
  y_ = top_;
  gaps_.clear();
  return true;
}

void Paginator::space(double points) {
  if (at_top()) return;
  const double to = std::max(bottom_, y_ - points);
  if (to < y_) gaps_.push_back({y_, y_ - to, (y_ - to) * kSpaceGive});
  y_ = to;
}

double Paginator::slack() const {
  double s = 0;
  for (const auto& g : gaps_) s += g.left;
  return s;
}

void Paginator::give(double by) {
  const double all = slack();
  if (all <= 0 || by <= 0) return;
  const double share = std::min(1.0, by / all);
  // How far what has its top at `top` moves up: the give of every gap above it.
  auto lift = [&](double top) {
    double d = 0;
    for (const auto& g : gaps_)
      if (top <= g.top - g.height + 1e-6) d += g.left * share;
    return d;
  };
  Page& page = pages_.back();
  for (auto& g : page.text) g.y += lift(g.y);
  for (auto& r : page.rects) r.y += lift(r.y + r.h);
  for (auto& r : page.rules) {
    const double d = lift(std::max(r.y1, r.y2));
    r.y1 += d;
    r.y2 += d;
  }
  for (auto& l : page.links) l.y += lift(l.y + l.h);
  for (auto& a : page.anchors) a.y += lift(a.y);
  std::vector<double> tops;
  for (const auto& g : gaps_) tops.push_back(g.top + lift(g.top));
  for (size_t i = 0; i < gaps_.size(); ++i) {
    const double d = gaps_[i].left * share;
    gaps_[i].top = tops[i];
    gaps_[i].height -= d;
    gaps_[i].left -= d;  // a gap gives at most kSpaceGive of itself, in all
  }
  y_ += std::min(by, all);
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
  // Paragraphs in pairs: the same marks, in the same order, in every column (else one block).
  std::vector<std::vector<size_t>> marks(columns.size());
  for (size_t c = 0; c < columns.size(); ++c)
    for (size_t i = 0; i < columns[c].boxes.size(); ++i)
      if (columns[c].boxes[i].pair >= 0) marks[c].push_back(i);
  bool paired = columns.size() > 1 && marks[0].size() > 1;
  for (size_t c = 1; paired && c < columns.size(); ++c) {
    paired = marks[c].size() == marks[0].size();
    for (size_t k = 0; paired && k < marks[c].size(); ++k)
      paired = columns[c].boxes[marks[c][k]].pair == columns[0].boxes[marks[0][k]].pair;
  }
  if (!paired) return place_block(std::move(columns), next_first);
  const size_t n = marks[0].size();
  std::vector<std::vector<Column>> parts(n);
  for (size_t k = 0; k < n; ++k)
    for (size_t c = 0; c < columns.size(); ++c) {
      Column part;
      part.headers = columns[c].headers;
      auto& boxes = columns[c].boxes;
      const size_t from = k == 0 ? 0 : marks[c][k], to = k + 1 < n ? marks[c][k + 1] : boxes.size();
      part.boxes.assign(std::make_move_iterator(boxes.begin() + static_cast<std::ptrdiff_t>(from)),
                        std::make_move_iterator(boxes.begin() + static_cast<std::ptrdiff_t>(to)));
      parts[k].push_back(std::move(part));
    }
  const std::vector<double> after = next_leads(parts, next_first);
  for (size_t k = 0; k < n; ++k)
    if (!place_block(std::move(parts[k]), after[k])) return false;
  return true;
}

bool Paginator::place_block(std::vector<Column> columns, double next_first) {
  const double page = top_ - bottom_;
  const size_t shown = std::min(columns.size(), x_.size());
  // The block starts where all its columns' leads fit (or all the block, when the gaps give).
  if (!at_top()) {
    double need = 0, whole = 0;
    for (size_t c = 0; c < shown; ++c) {
      need = std::max(need, chain_within(columns[c].boxes, 0, next_first, false, page));
      whole = std::max(whole, rest_height(columns[c].boxes, 0, next_first, false));
    }
    if (need <= page && y_ - need < bottom_) {
      if (y_ - whole < bottom_ && y_ - whole + slack() >= bottom_)
        give(bottom_ - (y_ - whole));
      else if (!new_page())
        return false;
    }
  }
  const bool one = shown == 1;
  std::vector<size_t> next(columns.size(), 0);
  for (;;) {
    double start = y_;
    const bool fresh = at_top();
    // The space above the block, across the page: it may give later on this page.
    if (!fresh) {
      double gap = kNoLimit;
      for (size_t c = 0; c < shown; ++c)
        if (next[c] < columns[c].boxes.size()) gap = std::min(gap, columns[c].boxes[next[c]].space_before);
      if (gap > 0 && gap < kNoLimit) gaps_.push_back({start, gap, gap * kSpaceGive});
    }
    double lowest = kNoLimit;
    bool done = true;
    for (size_t c = 0; c < shown; ++c) {
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
        const bool top = first_on_page && fresh;
        const double gap = top ? 0 : boxes[next[c]].space_before;
        const bool forced = fresh && !own;
        if (is_space(boxes[next[c]])) {
          // Space: dropped at the top of a page, cut short at its foot.
          Box& b = boxes[next[c]];
          if (top) b.height = 0;
          if (y - gap - b.height < bottom_) {
            b.space_before = 0;
            b.height = std::max(0.0, y - bottom_);
          }
        }
        Box& cur = boxes[next[c]];
        double need = gap + cur.height;
        if (cur.keep_with_next) {
          // The chain it starts, with the first part of what ends it; a chain taller than a
          // page keeps only with the next box's first part.
          need = chain_within(boxes, next[c], next_first, top, page);
          if (need > page) {
            need = gap + cur.height;
            if (next[c] + 1 < boxes.size())
              need += boxes[next[c] + 1].space_before + first_part(boxes[next[c] + 1]);
          }
        }
        if (y - need < bottom_ && !forced) {
          // What is left of this column fits when the page's gaps give a little.
          const double rest = rest_height(boxes, next[c], next_first, top);
          if (y - rest < bottom_ && y - rest + slack() >= bottom_) {
            const double by = bottom_ - (y - rest);
            give(by);
            y += by;
            start += by;
            if (lowest < kNoLimit) lowest += by;
          }
        }
        if (y - need < bottom_) {
          Box& b = boxes[next[c]];
          const bool fits = y - gap - b.height >= bottom_;  // it is what follows that does not
          // Split with two lines on each side; a box taller than a page wherever it can be.
          std::vector<double> br = usable_breaks(b);
          if (br.empty() && gap + b.height > page) br = b.breaks;
          const bool can_split = !fits && !br.empty() && (forced || y - gap - br.front() >= bottom_);
          if (!can_split && !forced) break;
          if (can_split) {
            // Cut it where this page ends, then wherever each following page would end.
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
        const double g = top ? 0 : b.space_before;
        // Inside a block of one column, its gaps too are across the page.
        if (one && !first_on_page && g > 0) gaps_.push_back({y, g, g * kSpaceGive});
        y -= g;
        if (one && is_space(b) && b.height > 0) gaps_.push_back({y, b.height, b.height * kSpaceGive});
        put(b, c, y);
        y -= b.height;
        first_on_page = false;
        own = true;
        ++next[c];
      }
      lowest = std::min(lowest, y);
      if (next[c] < boxes.size()) done = false;
    }
    y_ = lowest < kNoLimit ? lowest : start;
    if (done) return true;
    if (!new_page()) return false;
  }
}

}  // namespace renaksi::layout
