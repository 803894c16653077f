#include "quality/pdf_quality.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "text/utf8_cut.h"

namespace renaksi::quality {
namespace {

// Noto Sans and Noto Serif: the space is 260 units of 1000.
constexpr double kDefaultNormalSpaceEm = 0.26;
// pdftotext's line height (ascent + descent) over the font size, for Noto Sans: used only when
// the font size of a line is unknown.
constexpr double kLineHeightPerEm = 1.362;
// Gaps narrower than this (in em) are not word spaces (a word split at a change of font).
constexpr double kMinSpaceEm = 0.05;
constexpr size_t kMinRaggedSamples = 30;

double font_size_of(const Line& l) { return l.font_size > 0 ? l.font_size : l.box.height() / kLineHeightPerEm; }

std::string line_text(const Line& l, size_t max_chars = 60) {
  std::string s;
  for (const auto& w : l.words) {
    if (!s.empty()) s += ' ';
    s += w.text;
    if (s.size() > max_chars) break;
  }
  if (s.size() > max_chars) s = std::string(utf8_prefix(s, max_chars)) + "…";
  return s;
}

// One line of a page with where it sits.
struct LineRef {
  const Line* line = nullptr;
  const Block* block = nullptr;
  size_t index_in_block = 0;
  int column = 0;
  bool furniture = false;
  bool two_column_page = false;
};

struct PageLines {
  std::vector<LineRef> all;
  std::vector<std::vector<const LineRef*>> columns;  // content lines of each column, top to bottom
};

// Leading and trailing punctuation off, ASCII letters lowercased.
std::string normalise_word(const std::string& w) {
  static const std::vector<std::string> kPunct = {"’", "‘", "“", "”", "–", "—", "…", "•"};
  std::string s = w;
  for (int guard = 0; guard < 64 && !s.empty(); ++guard) {
    bool changed = false;
    unsigned char c = static_cast<unsigned char>(s.front());
    if (c < 0x80 && !std::isalnum(c)) {
      s.erase(0, 1);
      changed = true;
    }
    for (const auto& p : kPunct)
      if (s.starts_with(p)) {
        s.erase(0, p.size());
        changed = true;
      }
    if (!s.empty()) {
      c = static_cast<unsigned char>(s.back());
      if (c < 0x80 && !std::isalnum(c)) {
        s.pop_back();
        changed = true;
      }
    }
    for (const auto& p : kPunct)
      if (s.ends_with(p)) {
        s.erase(s.size() - p.size());
        changed = true;
      }
    if (!changed) break;
  }
  for (auto& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class Analysis {
 public:
  explicit Analysis(const BboxDocument& doc) : doc_(doc) {}

  QualityFigures run() {
    f_.pages = static_cast<int>(doc_.pages.size());
    if (doc_.pages.empty()) return f_;
    find_body_size();
    find_furniture();
    find_columns();
    collect_lines();
    find_text_area();
    find_right_edges();
    find_normal_space();
    loose_lines();
    cut_words();
    for (size_t p = 0; p < pages_.size(); ++p) {
      widows_and_orphans(p);
      headings_at_foot(p);
      near_empty(p);
    }
    std::stable_sort(f_.findings.begin(), f_.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.page < b.page; });
    return f_;
  }

 private:
  bool is_heading(const Line& l) const {
    const double s = font_size_of(l);
    return (l.bold && s >= body_size_ - 0.35) || s >= 1.15 * body_size_;
  }
  // A heading line that is not part of a list item (a bold list is not a heading).
  bool is_heading(const LineRef& r) const { return is_heading(*r.line) && !list_item(*r.block); }
  static bool list_marker(const std::string& w) {
    return w == "•" || w == "◦" || w == "▪" || w == "‣" || w == "–" || w == "-";
  }
  static bool list_item(const Block& b) {
    return !b.lines.empty() && !b.lines.front().words.empty() && list_marker(b.lines.front().words.front().text);
  }
  bool is_chapter_title(const LineRef& r) const { return is_heading(r) && font_size_of(*r.line) >= 1.6 * body_size_; }
  bool is_body(const Line& l) const { return !l.bold && std::abs(font_size_of(l) - body_size_) <= 0.35; }

  void find_body_size() {
    for (const auto& p : doc_.pages)
      for (const auto& b : p.blocks)
        for (const auto& l : b.lines)
          if (l.font_size > 0) fonts_known_ = true;
    std::map<long, size_t> chars;  // size in 1/100 pt → characters
    for (const auto& p : doc_.pages)
      for (const auto& b : p.blocks)
        for (const auto& l : b.lines) {
          size_t n = 0;
          if (fonts_known_ && l.font_size <= 0) continue;
          for (const auto& w : l.words) n += w.text.size();
          chars[std::lround(font_size_of(l) * 100)] += n;
        }
    size_t best = 0;
    for (const auto& [size, n] : chars)
      if (n > best) {
        best = n;
        body_size_ = size / 100.0;
      }
    if (body_size_ <= 0) body_size_ = 10;
  }

  // The band holding the top (bottom) line of at least half of the pages, and of two pages or more.
  void find_furniture() {
    std::map<long, int> tops, bottoms;
    std::map<long, double> top_bottom_edge, bottom_top_edge;
    for (const auto& p : doc_.pages) {
      const Line* top = nullptr;
      const Line* bottom = nullptr;
      for (const auto& b : p.blocks)
        for (const auto& l : b.lines) {
          if (l.words.empty() || mark(l)) continue;
          if (!top || l.box.y0 < top->box.y0) top = &l;
          if (!bottom || l.box.y1 > bottom->box.y1) bottom = &l;
        }
      if (!top) continue;
      const long t = std::lround(top->box.y0), bo = std::lround(bottom->box.y1);
      ++tops[t];
      ++bottoms[bo];
      top_bottom_edge[t] = std::max(top_bottom_edge[t], top->box.y1);
      bottom_top_edge[bo] = bottom_top_edge.contains(bo) ? std::min(bottom_top_edge[bo], bottom->box.y0) : bottom->box.y0;
    }
    const int need = std::max(2, static_cast<int>((doc_.pages.size() + 1) / 2));
    for (const auto& [y, n] : tops)
      if (n >= need && y < doc_.pages.front().height * 0.15) header_bottom_ = top_bottom_edge[y] + 0.5;
    for (const auto& [y, n] : bottoms)
      if (n >= need && y > doc_.pages.front().height * 0.85) footer_top_ = bottom_top_edge[y] - 0.5;
  }

  bool furniture(const Line& l) const {
    return (header_bottom_ && l.box.y1 <= *header_bottom_) || (footer_top_ && l.box.y0 >= *footer_top_) || mark(l);
  }
  // A draft mark or other text drawn across the page: far larger than any heading, or (when the
  // fonts are known) text pdftohtml did not see as horizontal lines.
  bool mark(const Line& l) const {
    if (fonts_known_ && l.font_size <= 0) return true;
    return font_size_of(l) > 4 * body_size_;
  }

  void find_columns() {
    size_t body = 0, right = 0;
    for (const auto& p : doc_.pages)
      for (const auto& b : p.blocks)
        for (const auto& l : b.lines)
          if (is_body(l) && !furniture(l)) {
            ++body;
            if (l.box.x0 > p.width * 0.5) ++right;
          }
    two_columns_ = body > 0 && right * 5 >= body;
  }

  // A page of a two-column document is two columns unless a body block straddles its middle
  // (a contents page, a full-width paragraph).
  bool page_two_columns(const Page& p) const {
    if (!two_columns_) return false;
    const double mid = p.width / 2;
    for (const auto& b : p.blocks)
      for (const auto& l : b.lines)
        if (is_body(l) && !furniture(l) && l.box.x0 < mid - 10 && l.box.x1 > mid + 10) return false;
    return true;
  }

  void collect_lines() {
    pages_.resize(doc_.pages.size());
    for (size_t pi = 0; pi < doc_.pages.size(); ++pi) {
      const Page& p = doc_.pages[pi];
      PageLines& pl = pages_[pi];
      const bool two = page_two_columns(p);
      pl.columns.resize(two_columns_ ? 2 : 1);
      auto column_of = [&](const Block& b) { return two && b.box.x0 >= p.width / 2 - 2 ? 1 : 0; };
      for (const auto& b : p.blocks)
        for (size_t i = 0; i < b.lines.size(); ++i) {
          const Line& l = b.lines[i];
          if (l.words.empty()) continue;
          f_.lines++;
          f_.words += static_cast<int>(l.words.size());
          pl.all.push_back({&l, &b, i, column_of(b), furniture(l), two});
        }
      for (const auto& r : pl.all)
        if (!r.furniture) pl.columns[static_cast<size_t>(r.column)].push_back(&r);
      for (auto& c : pl.columns)
        std::stable_sort(c.begin(), c.end(), [](const LineRef* a, const LineRef* b) {
          if (std::abs(a->line->box.y0 - b->line->box.y0) > 0.5) return a->line->box.y0 < b->line->box.y0;
          return a->line->box.x0 < b->line->box.x0;
        });
    }
  }

  void find_text_area() {
    std::map<long, int> tops;
    double bottom = 0;
    for (size_t pi = 0; pi < pages_.size(); ++pi) {
      double page_top = 1e9;
      for (const auto& c : pages_[pi].columns)
        for (const auto* r : c) {
          page_top = std::min(page_top, r->line->box.y0);
          if (pi > 0 || pages_.size() == 1) bottom = std::max(bottom, r->line->box.y1);
        }
      if (page_top < 1e9) ++tops[std::lround(page_top)];
    }
    int best = 0;
    for (const auto& [y, n] : tops)
      if (n > best) {
        best = n;
        text_top_ = static_cast<double>(y);
      }
    text_bottom_ = bottom;
  }

  // Per column, the most common right end of the body lines that are not a block's last.
  void find_right_edges() {
    std::vector<std::map<long, int>> ends(two_columns_ ? 2 : 1);
    for (const auto& pl : pages_)
      for (size_t c = 0; c < pl.columns.size(); ++c)
        for (const auto* r : pl.columns[c])
          if (is_body(*r->line) && r->index_in_block + 1 < r->block->lines.size())
            ++ends[c][std::lround(r->line->box.x1)];
    right_edge_.assign(ends.size(), 1e9);
    for (size_t c = 0; c < ends.size(); ++c) {
      int best = 0;
      for (const auto& [x, n] : ends[c])
        if (n > best) {
          best = n;
          right_edge_[c] = static_cast<double>(x);
        }
    }
  }

  // Reaches the right edge of its column (of the widest column, on a one-column page).
  bool full(const LineRef& r) const {
    const double edge = r.two_column_page ? right_edge_[static_cast<size_t>(r.column)]
                                          : *std::max_element(right_edge_.begin(), right_edge_.end());
    return r.line->box.x1 >= edge - 1.5;
  }

  static std::vector<double> gaps_em(const Line& l) {
    std::vector<double> g;
    const double em = font_size_of(l);
    if (em <= 0) return g;
    for (size_t i = 0; i + 1 < l.words.size(); ++i) {
      if (i == 0 && list_marker(l.words[0].text)) continue;  // the indent after a bullet is no space
      const double gap = (l.words[i + 1].box.x0 - l.words[i].box.x1) / em;
      if (gap >= kMinSpaceEm) g.push_back(gap);
    }
    return g;
  }

  void find_normal_space() {
    std::vector<double> samples;
    for (const auto& pl : pages_)
      for (const auto& r : pl.all)
        if (!r.furniture && is_body(*r.line) && r.index_in_block + 1 == r.block->lines.size() && r.line->words.size() >= 2)
          for (double g : gaps_em(*r.line)) samples.push_back(g);
    normal_ = kDefaultNormalSpaceEm;
    if (samples.size() >= kMinRaggedSamples) {
      std::nth_element(samples.begin(), samples.begin() + static_cast<long>(samples.size() / 2), samples.end());
      normal_ = samples[samples.size() / 2];
    }
    f_.normal_space_em = normal_;
  }

  void add(size_t page_index, const char* kind, std::string text) {
    f_.findings.push_back({doc_.pages[page_index].number, kind, std::move(text)});
  }

  void loose_lines() {
    for (size_t pi = 0; pi < pages_.size(); ++pi)
      for (const auto& r : pages_[pi].all) {
        const Line& l = *r.line;
        if (r.furniture || l.words.size() < 2 || r.index_in_block + 1 >= r.block->lines.size()) continue;
        if (l.box.x1 < r.block->box.x1 - 1 || !is_body(l)) continue;
        auto g = gaps_em(l);
        if (g.empty()) continue;
        f_.justified_lines++;
        double sum = 0, worst = 0;
        for (double x : g) {
          sum += x;
          worst = std::max(worst, x);
        }
        const double mean = sum / static_cast<double>(g.size());
        f_.worst_gap_em = std::max(f_.worst_gap_em, worst);
        if (mean > 2 * normal_) {
          f_.loose_2x++;
          if (mean > 3 * normal_) f_.loose_3x++;
          char buf[64];
          std::snprintf(buf, sizeof buf, "loose %.1fx", mean / normal_);
          f_.findings.push_back({doc_.pages[pi].number, buf, line_text(l)});
        }
      }
  }

  void cut_words() {
    std::unordered_set<std::string> vocabulary;  // words seen inside a segment of a line
    for (const auto& pl : pages_)
      for (const auto& r : pl.all)
        for (const auto& [from, to] : segments(*r.line))
          for (size_t i = from + 1; i + 1 < to; ++i) vocabulary.insert(normalise_word(r.line->words[i].text));
    for (size_t pi = 0; pi < pages_.size(); ++pi)
      for (const auto& r : pages_[pi].all) {
        if (r.furniture || r.index_in_block + 1 >= r.block->lines.size()) continue;
        const Line& next = r.block->lines[r.index_in_block + 1];
        if (r.line->words.empty() || next.words.empty()) continue;
        // Each segment's last word, continued by the word of the next line where the segment starts.
        for (const auto& [from, to] : segments(*r.line)) {
          const double start = r.line->words[from].box.x0;
          const std::string& a = r.line->words[to - 1].text;
          const Word* cont = nullptr;
          for (const auto& w : next.words)
            if (std::abs(w.box.x0 - start) <= 1.5) cont = &w;
          if (!cont) continue;
          const std::string& b = cont->text;
          if (a.empty() || b.empty() || !is_ascii_letter(a.back()) || !(b.front() >= 'a' && b.front() <= 'z')) continue;
          const std::string na = normalise_word(a), nb = normalise_word(b);
          if (na.empty() || nb.empty()) continue;
          if (vocabulary.contains(na + nb) && !(vocabulary.contains(na) && vocabulary.contains(nb))) {
            f_.cuts++;
            add(pi, "cut", a + "/" + b);
          }
        }
      }
  }

  // The runs of words of a line split at gaps wider than 1.6 normal spaces (pdftotext puts the
  // cells of a table row on one line): [from, to) word indexes.
  std::vector<std::pair<size_t, size_t>> segments(const Line& l) const {
    std::vector<std::pair<size_t, size_t>> s;
    const double em = font_size_of(l);
    size_t from = 0;
    for (size_t i = 0; i + 1 < l.words.size(); ++i)
      if (l.words[i + 1].box.x0 - l.words[i].box.x1 > 1.6 * normal_ * em) {
        s.push_back({from, i + 1});
        from = i + 1;
      }
    if (from < l.words.size()) s.push_back({from, l.words.size()});
    return s;
  }

  // The body lines of `r`'s block.
  size_t body_lines_in_block(const LineRef& r) const {
    size_t n = 0;
    for (const auto& l : r.block->lines)
      if (!l.words.empty() && is_body(l)) ++n;
    return n;
  }

  // A line ending in a page number (contents, index): not a paragraph's.
  static bool numbered_entry(const Line& l) {
    const std::string& w = l.words.back().text;
    return std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '-'; });
  }
  bool paragraph_line(const LineRef& r) const { return is_body(*r.line) && !numbered_entry(*r.line); }

  void widows_and_orphans(size_t pi) {
    const auto& cols = pages_[pi].columns;
    for (size_t c = 0; c < cols.size(); ++c) {
      if (cols[c].empty()) continue;
      const LineRef& last = *cols[c].back();
      if (pi + 1 < pages_.size() && paragraph_line(last) && body_lines_in_block(last) == 1 && full(last)) {
        const auto& next_col = pages_[pi + 1].columns[c];
        if (!next_col.empty() && paragraph_line(*next_col.front())) {
          f_.orphans++;
          add(pi, "orphan", line_text(*last.line));
        }
      }
      const LineRef& first = *cols[c].front();
      if (pi > 0 && paragraph_line(first) && body_lines_in_block(first) == 1 && !full(first)) {
        const auto& prev_col = pages_[pi - 1].columns[c];
        if (!prev_col.empty() && paragraph_line(*prev_col.back()) && full(*prev_col.back())) {
          f_.widows++;
          add(pi, "widow", line_text(*first.line));
        }
      }
    }
  }

  void headings_at_foot(size_t pi) {
    const auto& cols = pages_[pi].columns;
    for (size_t c = 0; c < cols.size(); ++c) {
      const auto& col = cols[c];
      size_t h = col.size();
      for (size_t i = col.size(); i-- > 0;)
        if (is_heading(*col[i])) {
          h = i;
          break;
        }
      if (h == col.size()) continue;
      // The chain of headings that ends at h.
      size_t first = h;
      while (first > 0 && is_heading(*col[first - 1])) --first;
      // Rows of text after the heading.
      int rows = 0;
      double row_y = -1e9;
      for (size_t i = h + 1; i < col.size(); ++i) {
        const Line& l = *col[i]->line;
        if (l.box.y0 > row_y + 0.5 * l.box.height()) {
          ++rows;
          row_y = l.box.y0;
        }
      }
      bool stranded = rows == 0;
      // One row below the heading at the foot of a full page (not at the end of a short one).
      const bool page_full = col.back()->line->box.y1 >= text_bottom_ - 0.15 * (text_bottom_ - text_top_);
      if (rows == 1 && page_full && pi + 1 < pages_.size()) {
        const auto& next_col = pages_[pi + 1].columns[c];
        stranded = !next_col.empty() && !is_heading(*next_col.front());
      }
      if (!stranded) continue;
      f_.headings_at_foot++;
      std::string text = line_text(*col[first]->line);
      if (rows == 1) text += " (+1 line)";
      add(pi, "heading at foot", text);
    }
  }

  void near_empty(size_t pi) {
    if (pi == 0 || pi + 1 >= pages_.size()) return;
    const double area = text_bottom_ - text_top_;
    if (area <= 0) return;
    double fill = 0;
    for (const auto& col : pages_[pi].columns) {
      if (col.empty()) continue;
      double bottom = 0;
      for (const auto* r : col) bottom = std::max(bottom, r->line->box.y1);
      fill = std::max(fill, (bottom - text_top_) / area);
    }
    if (fill >= 0.25) return;
    // A chapter's last page may be short when it holds the end of the text of the page before;
    // not when it starts with a heading or a table pushed off the page before.
    bool chapter_end = false, starts_unit = false;
    for (const auto& col : pages_[pi + 1].columns)
      if (!col.empty() && is_chapter_title(*col.front())) chapter_end = true;
    for (const auto& col : pages_[pi].columns)
      if (!col.empty() && !paragraph_line(*col.front())) starts_unit = true;
    if (chapter_end && !starts_unit) return;
    f_.near_empty_pages++;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.0f %% filled", std::max(0.0, fill) * 100);
    add(pi, "near-empty", buf);
  }

  const BboxDocument& doc_;
  QualityFigures f_;
  double body_size_ = 0;
  std::optional<double> header_bottom_, footer_top_;
  bool two_columns_ = false;
  bool fonts_known_ = false;
  std::vector<PageLines> pages_;
  double text_top_ = 0, text_bottom_ = 0;
  std::vector<double> right_edge_;
  double normal_ = kDefaultNormalSpaceEm;
};

}  // namespace

QualityFigures analyse(const BboxDocument& doc) { return Analysis(doc).run(); }

std::string summary(const QualityFigures& f) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "pages %d, lines>2x %d, lines>3x %d, worst %.2f em, widows %d, orphans %d, headings at foot %d, "
                "cuts %d, near-empty %d",
                f.pages, f.loose_2x, f.loose_3x, f.worst_gap_em, f.widows, f.orphans, f.headings_at_foot, f.cuts,
                f.near_empty_pages);
  return buf;
}

std::string describe(const Finding& f) { return "p" + std::to_string(f.page) + ": " + f.kind + " '" + f.text + "'"; }

}  // namespace renaksi::quality
