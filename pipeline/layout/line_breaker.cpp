// The project's own line breaker.
#include "layout/line_breaker.h"

#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

#include "env/limits.h"
#include "layout/hyphenator.h"

namespace renaksi::layout {

namespace {

// Knuth and Plass's parameters, as TeX sets them (demerits are squared badness plus penalty).
constexpr double kInfinity = 10000;        // a penalty this high forbids, this low forces, a break
constexpr double kHyphenPenalty = 100;     // a break at a hyphen, drawn or written (TeX: 50)
constexpr double kRaggedHyphenPenalty = 800;  // ragged-right text hyphenates only when it helps much
constexpr double kCutPenalty = 5000;       // a break between characters without a hyphen: last resort
// A break after a no-break space (inside a date, between a number and its noun), only where what
// it joins is wider than the line: better than hyphenating or cutting one of its words.
constexpr double kNoBreakSpacePenalty = 50;
constexpr double kLinePenalty = 10;
constexpr double kDoubleHyphenDemerits = 10000;
constexpr double kFinalHyphenDemerits = 5000;
constexpr double kAdjacentDemerits = 10000;  // a tight line beside a loose one
constexpr double kTolerance = 2;             // first pass: no line stretched past 2x its stretch
constexpr double kAwful = 1e7;               // the badness of a line that cannot be set well
constexpr size_t kMaxActive = 160;           // active breakpoints kept (bounds the work per item)
constexpr size_t kMaxTotalFitItems = 40000;  // longer paragraphs are filled first-fit

std::unique_ptr<icu::BreakIterator> make_iterator(const std::string& lang, bool line) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(line ? icu::BreakIterator::createLineInstance(locale, status)
                                              : icu::BreakIterator::createCharacterInstance(locale, status));
  return U_SUCCESS(status) ? std::move(it) : nullptr;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// The text between two break opportunities: [from, end) visible, [end, to) spaces.
struct Seg {
  size_t from, end, to;
  bool hard;  // a mandatory break follows
};

// Boxes (text), glue (a word space) and penalties (a possible break), as Knuth and Plass.
struct Item {
  enum Kind { Box, Glue, Penalty } kind;
  double width;       // box, glue: its width; penalty: what a break here adds (a hyphen)
  double stretch, shrink;
  double penalty;
  bool flagged;       // a break here ends the line with a hyphen
  size_t from, to;    // the bytes of the text it stands for
  bool draw_hyphen = false;  // a break here draws a hyphen
  bool forced = false;
};

// Cuts `cluster` (one grapheme cluster, possibly a base with thousands of combining marks)
// into pieces of at most limits::kMaxLineBytes, between code points.
std::vector<std::string> bounded(std::string cluster) {
  if (cluster.size() <= limits::kMaxLineBytes) return {std::move(cluster)};
  std::vector<std::string> out;
  size_t from = 0;
  while (from < cluster.size()) {
    size_t to = std::min(cluster.size(), from + limits::kMaxLineBytes);
    while (to < cluster.size() && to > from + 1 && (static_cast<unsigned char>(cluster[to]) & 0xC0) == 0x80) --to;
    out.push_back(cluster.substr(from, to - from));
    from = to;
  }
  return out;
}

bool letter(UChar32 c) { return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// True when [from, to) ends in a hyphen ("-" or U+2010).
bool ends_with_hyphen(const std::string& text, size_t from, size_t to) {
  if (to > from && text[to - 1] == '-') return true;
  return to >= from + 3 && text.compare(to - 3, 3, "\u2010") == 0;
}

// May a line end after the hyphen that ends [from, to), the next text running to `next_end`?
// Only between words of letters, at least 2 before the hyphen and 3 after it, as a hyphenation
// point would: not after "e-" in "e-legislation", nor in "LAPOR!-SP4N" or "COVID-19". A break
// that is not after a hyphen (after a slash, say) is left as UAX #14 has it.
bool explicit_hyphen_break(const std::string& text, size_t from, size_t to, size_t next_end) {
  if (!ends_with_hyphen(text, from, to)) return true;
  const size_t hyphen = text[to - 1] == '-' ? to - 1 : to - 3;
  size_t before = 0;
  for (int32_t i = static_cast<int32_t>(hyphen); i > static_cast<int32_t>(from) && before < 2;) {
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), static_cast<int32_t>(from), i, c);
    if (c < 0 || !letter(c)) break;
    ++before;
  }
  size_t after = 0;
  for (int32_t i = static_cast<int32_t>(to); i < static_cast<int32_t>(next_end) && after < 3;) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(next_end), c);
    if (c < 0 || !letter(c)) break;
    ++after;
  }
  return before >= 2 && after >= 3;
}

// The breaks (indices of the items a line ends at) minimising the paragraph's total demerits.
std::vector<size_t> total_fit(const std::vector<Item>& items, double width, bool justify, double em) {
  const size_t n = items.size();
  // Prefix sums of widths, stretch, shrink and bytes, and where a line after a break starts
  // (the next box: glue and penalties at a line's start are dropped).
  std::vector<double> W(n + 1, 0), Y(n + 1, 0), Z(n + 1, 0);
  std::vector<size_t> B(n + 1, 0), next_box(n + 1, n), next_break(n + 1, n);
  auto legal = [&](size_t i) {
    const Item& it = items[i];
    if (it.kind == Item::Glue) return i > 0 && items[i - 1].kind == Item::Box;
    return it.kind == Item::Penalty && it.penalty < kInfinity;
  };
  for (size_t i = 0; i < n; ++i) {
    const Item& it = items[i];
    W[i + 1] = W[i] + (it.kind == Item::Penalty ? 0 : it.width);
    Y[i + 1] = Y[i] + (it.kind == Item::Glue ? it.stretch : 0);
    Z[i + 1] = Z[i] + (it.kind == Item::Glue ? it.shrink : 0);
    B[i + 1] = B[i] + (it.kind == Item::Box ? it.to - it.from : 0);
  }
  for (size_t i = n; i-- > 0;) {
    next_box[i] = items[i].kind == Item::Box || items[i].forced ? i : next_box[i + 1];
    next_break[i] = legal(i) ? i : next_break[i + 1];
  }
  // Ragged-right: a line's badness grows with its empty end, as if a glue of this stretch filled
  // it; with the hyphen's penalty, a word is hyphenated only when a line would otherwise end
  // less than about half full.
  const double ragged_stretch = std::max(3 * em, width / 4);

  struct Node {
    size_t item;   // the break's item; n for the paragraph's start
    int fitness;
    double total;
    size_t prev;   // index in nodes
    bool flagged;
  };
  const size_t none = std::numeric_limits<size_t>::max();

  if (n > kMaxTotalFitItems) {
    // First fit: each line as long as it can be.
    std::vector<size_t> out;
    size_t s = next_box[0];
    size_t last_fit = none;
    for (size_t b = 0; b < n; ++b) {
      if (!legal(b) && !items[b].forced) continue;
      if (b < s) continue;
      const double natural = W[b] - W[s] + (items[b].kind == Item::Penalty ? items[b].width : 0);
      const bool fits = natural - (Z[b] - Z[s]) <= width && B[b] - B[s] <= limits::kMaxLineBytes;
      if (!fits && last_fit != none) {
        out.push_back(last_fit);
        s = next_box[last_fit + 1];
        last_fit = none;
        --b;  // this break again, from the new line's start
        continue;
      }
      if (items[b].forced || !fits) {
        out.push_back(b);
        s = next_box[b + 1];
        last_fit = none;
        continue;
      }
      last_fit = b;
    }
    return out;
  }

  for (int pass = 0; pass < 2; ++pass) {
    const bool final_pass = pass == 1 || !justify;
    std::vector<Node> nodes{{n, 1, 0, none, false}};
    std::vector<size_t> active{0};
    for (size_t b = 0; b < n && !active.empty(); ++b) {
      if (!legal(b) && !items[b].forced) continue;
      const Item& brk = items[b];
      std::array<size_t, 4> best_prev;
      std::array<double, 4> best_total;
      best_prev.fill(none);
      best_total.fill(std::numeric_limits<double>::infinity());
      std::vector<size_t> keep;
      keep.reserve(active.size());
      for (size_t a : active) {
        const Node& node = nodes[a];
        const size_t s = node.item == n ? next_box[0] : next_box[node.item + 1];
        if (s > b) {
          keep.push_back(a);
          continue;
        }
        const double natural = W[b] - W[s] + (brk.kind == Item::Penalty ? brk.width : 0);
        const double stretch = Y[b] - Y[s], shrink = Z[b] - Z[s];
        double r;
        if (brk.forced && natural <= width)
          r = 0;  // the last line (or one ending in a hard break) is set at its natural width
        else if (!justify)
          r = natural <= width ? (width - natural) / ragged_stretch : -std::numeric_limits<double>::infinity();
        else if (natural < width)
          r = stretch > 0 ? (width - natural) / stretch : std::numeric_limits<double>::infinity();
        else if (natural > width)
          r = shrink > 0 ? (width - natural) / shrink : -std::numeric_limits<double>::infinity();
        else
          r = 0;
        const bool too_long = r < -1 || B[b] - B[s] > limits::kMaxLineBytes;
        double badness;
        if (too_long) {
          // Overfull: the node can start no line from here on, unless this is the first break
          // after it (a piece wider than the line: set anyway, the last resort).
          if (!(final_pass && next_break[s] == b)) continue;
          badness = kAwful;
        } else {
          badness = std::isinf(r) ? kAwful : std::min(kAwful, 100 * std::abs(r * r * r));
          if (!final_pass && r > kTolerance) {
            keep.push_back(a);
            continue;
          }
        }
        keep.push_back(a);
        double d = (kLinePenalty + badness) * (kLinePenalty + badness);
        const double p = brk.kind == Item::Penalty ? brk.penalty : 0;
        const double pen = !justify && brk.flagged && p == kHyphenPenalty ? kRaggedHyphenPenalty : p;
        if (pen > 0)
          d += pen * pen;
        else if (pen > -kInfinity)
          d -= pen * pen;
        if (brk.flagged && node.flagged) d += kDoubleHyphenDemerits;
        if (brk.forced && b + 1 == n && node.flagged) d += kFinalHyphenDemerits;
        const int fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
        if (justify && std::abs(fitness - node.fitness) > 1) d += kAdjacentDemerits;
        const double total = node.total + d;
        if (total < best_total[static_cast<size_t>(fitness)]) {
          best_total[static_cast<size_t>(fitness)] = total;
          best_prev[static_cast<size_t>(fitness)] = a;
        }
      }
      // A forced break ends every line that could run past it.
      active = brk.forced ? std::vector<size_t>{} : std::move(keep);
      for (size_t f = 0; f < 4; ++f) {
        if (best_prev[f] == none) continue;
        nodes.push_back({b, static_cast<int>(f), best_total[f], best_prev[f], brk.flagged});
        active.push_back(nodes.size() - 1);
      }
      if (active.size() > kMaxActive) {
        std::partial_sort(active.begin(), active.begin() + kMaxActive, active.end(),
                          [&](size_t x, size_t y) { return nodes[x].total < nodes[y].total; });
        active.resize(kMaxActive);
        std::sort(active.begin(), active.end());
      }
    }
    // The best way to the paragraph's end.
    size_t best = none;
    for (size_t a : active)
      if (nodes[a].item == n - 1 && (best == none || nodes[a].total < nodes[best].total)) best = a;
    if (best == none) continue;
    std::vector<size_t> out;
    for (size_t k = best; k != 0 && k != none; k = nodes[k].prev) out.push_back(nodes[k].item);
    std::reverse(out.begin(), out.end());
    return out;
  }
  // Not reached: the final pass always finds a way (every piece may stand alone on a line).
  std::vector<size_t> out;
  for (size_t b = 0; b < n; ++b)
    if (legal(b) || items[b].forced) out.push_back(b);
  return out;
}

// The lines between the breaks: words placed at their measured (kerned) widths, the spaces of
// a justified line stretched or shrunk to fill it.
std::vector<TextLine> assemble(const std::vector<Item>& items, const std::vector<size_t>& breaks,
                               const std::vector<Run>& runs, const std::vector<size_t>& run_start,
                               const std::string& text, double width, bool justify, const Measure& measure, double size,
                               const std::vector<std::string>& hyphens) {
  auto run_at = [&](size_t byte) {
    return static_cast<size_t>(std::upper_bound(run_start.begin(), run_start.end() - 1, byte) - run_start.begin() - 1);
  };
  std::vector<TextLine> out;
  size_t start = 0;
  for (size_t b : breaks) {
    // The line's words (byte ranges) and the glue before each.
    struct Word {
      size_t from, to;
      double glue_before;
    };
    std::vector<Word> words;
    double glue = 0;
    bool glued = false;
    size_t s = start;
    while (s < b && items[s].kind != Item::Box) ++s;
    for (size_t i = s; i < b; ++i) {
      const Item& it = items[i];
      if (it.kind == Item::Glue) {
        glue += it.width;
        glued = true;
      } else if (it.kind == Item::Box) {
        if (!words.empty() && !glued && words.back().to == it.from)
          words.back().to = it.to;
        else
          words.push_back({it.from, it.to, words.empty() ? 0 : glue});
        glue = 0;
        glued = false;
      }
    }
    start = b + 1;
    const bool hyphenated = items[b].kind == Item::Penalty && items[b].draw_hyphen;
    TextLine line;
    struct Placed {
      Piece piece;
      size_t word;
    };
    std::vector<Placed> placed;
    double natural = 0;
    int gaps = 0;
    for (size_t w = 0; w < words.size(); ++w) {
      if (w > 0) {
        natural += words[w].glue_before;
        gaps += words[w].glue_before > 0;
      }
      for (size_t from = words[w].from; from < words[w].to;) {
        const size_t run = run_at(from);
        const size_t to = std::min(words[w].to, run_start[run + 1]);
        if (to > from) {
          const Run& r = runs[run];
          std::string t = text.substr(from, to - from);
          if (hyphenated && w + 1 == words.size() && to == words[w].to) t += hyphens[run];
          const double pw = measure.width(r.face, size, t);
          placed.push_back({{0, pw, std::move(t), r.face, r.colour, r.link, r.lang}, w});
          natural += pw;
        }
        from = std::max(to, from + 1);
      }
    }
    const bool last = items[b].forced;
    double extra = 0;
    // Every line of a justified paragraph but its last fills the width; the last (or one before
    // a hard break) keeps its natural spaces, unless it had to shrink them to fit.
    if (justify && gaps > 0 && (!last || natural > width)) extra = (width - natural) / gaps;
    double x = 0;
    size_t word = 0;
    for (auto& p : placed) {
      if (p.word != word) {
        for (size_t w = word + 1; w <= p.word; ++w) x += words[w].glue_before + (words[w].glue_before > 0 ? extra : 0);
        word = p.word;
      }
      p.piece.x = x;
      x += p.piece.width;
      line.pieces.push_back(std::move(p.piece));
    }
    line.width = natural;
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace

LineBreaker::LineBreaker(const Measure& measure, const std::string& lang,
                         const std::map<std::string, std::filesystem::path>* hyphenation)
    : measure_(measure),
      lang_(lang),
      table_(hyphenation),
      line_breaks_(make_iterator(lang, true)),
      characters_(make_iterator(lang, false)) {}

LineBreaker::~LineBreaker() = default;

const Hyphenator* LineBreaker::hyphenator(const std::string& run_lang) {
  if (!table_ || table_->empty()) return nullptr;
  const std::string& lang = run_lang.empty() ? lang_ : run_lang;
  auto it = hyphenators_.find(lang);
  if (it != hyphenators_.end()) return it->second.get();
  return hyphenators_.emplace(lang, Hyphenator::for_language(*table_, lang)).first->second.get();
}

const std::vector<size_t>& LineBreaker::points(const Hyphenator& h, std::string_view word) {
  static const std::vector<size_t> none;
  if (word.size() > 256) return none;
  auto& known = points_[&h];
  auto it = known.find(word);
  if (it != known.end()) return it->second;
  if (known.size() > 50000) known.clear();
  std::vector<size_t> at = h.points(word);
  return known.emplace(std::string(word), std::move(at)).first->second;
}

std::vector<TextLine> LineBreaker::lines(const std::vector<Run>& runs, double size, double width, bool justify,
                                         bool hyphenate) {
  std::string text;
  std::vector<size_t> run_start;
  for (const auto& r : runs) {
    run_start.push_back(text.size());
    text += r.text;
  }
  run_start.push_back(text.size());
  if (text.empty()) return {};

  // UTF-16 offsets (ICU's) to UTF-8 byte offsets (ours).
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::vector<size_t> byte_of(static_cast<size_t>(u.length()) + 1, text.size());
  {
    size_t b = 0;
    for (int32_t i = 0; i < u.length();) {
      byte_of[static_cast<size_t>(i)] = b;
      UChar32 c;
      int32_t before = i;
      U16_NEXT(u.getBuffer(), i, u.length(), c);
      for (int32_t k = before + 1; k < i; ++k) byte_of[static_cast<size_t>(k)] = b;
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
  }

  auto run_at = [&](size_t byte) {
    return static_cast<size_t>(std::upper_bound(run_start.begin(), run_start.end() - 1, byte) - run_start.begin() - 1);
  };
  auto measure = [&](size_t run, std::string_view s) { return measure_.width(runs[run].face, size, s); };
  // The width of [from, to), measured run by run.
  auto width_of = [&](size_t from, size_t to) {
    double w = 0;
    while (from < to) {
      const size_t run = run_at(from);
      const size_t end = std::min(to, run_start[run + 1]);
      if (end > from) w += measure(run, std::string_view(text).substr(from, end - from));
      from = std::max(end, from + 1);
    }
    return w;
  };

  // 1. Break opportunities (UAX #14).
  std::vector<Seg> segs;
  auto add_seg = [&](size_t from, size_t to, bool hard) {
    size_t visible_end = to;
    while (visible_end > from && is_space(text[visible_end - 1])) --visible_end;
    segs.push_back({from, visible_end, to, hard});
  };
  if (line_breaks_) {
    line_breaks_->setText(u);
    int32_t prev = line_breaks_->first();
    for (int32_t p = line_breaks_->next(); p != icu::BreakIterator::DONE; p = line_breaks_->next()) {
      int32_t status = line_breaks_->getRuleStatus();
      bool hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT && p < u.length();
      add_seg(byte_of[static_cast<size_t>(prev)], byte_of[static_cast<size_t>(p)], hard);
      prev = p;
    }
  } else {
    add_seg(0, text.size(), false);
  }
  // 2. No break after a hyphen that is not a hyphenation point ("e-legislation", "LAPOR!-SP4N"):
  // the two sides are one segment.
  {
    std::vector<Seg> merged;
    for (auto& s : segs) {
      if (!merged.empty()) {
        Seg& m = merged.back();
        if (!m.hard && m.end == m.to && !explicit_hyphen_break(text, m.from, m.to, s.end)) {
          m.to = s.to;
          m.end = s.end;
          m.hard = s.hard;
          continue;
        }
      }
      merged.push_back(s);
    }
    segs = std::move(merged);
  }

  // 3. Items: each segment's boxes (cut at hyphenation points, and between characters when it
  // is wider than the line), then its space, hard break, or a break without space.
  const double em = size;
  std::vector<Item> items;
  items.reserve(segs.size() * 3 + 1);
  // Each run's hyphen (U+2010 where its face has it), and its width when it is needed (measuring
  // it embeds its glyph in the PDF's font).
  std::vector<std::string> hyphens(runs.size());
  for (size_t r = 0; r < runs.size(); ++r) hyphens[r] = measure_.covers(runs[r].face, 0x2010) ? "\u2010" : "-";
  std::vector<std::optional<double>> hyphen_widths(runs.size());
  auto hyphen_width = [&](size_t run) {
    if (!hyphen_widths[run]) hyphen_widths[run] = measure(run, hyphens[run]);
    return *hyphen_widths[run];
  };
  std::string hyphenated;  // a word's end and its hyphen, measured together (kept: its room is reused)
  auto add_boxes = [&](size_t from, size_t to) {
    // Hyphenation points, word by word (a segment lies in a run or spans a few).
    std::vector<size_t> cuts;
    if (hyphenate && to - from <= 256) {
      const size_t run = run_at(from);
      if (run_at(to - 1) == run) {
        if (const Hyphenator* h = hyphenator(runs[run].lang))
          for (size_t p : points(*h, std::string_view(text).substr(from, to - from))) cuts.push_back(from + p);
      }
    }
    const double whole = to - from <= limits::kMaxLineBytes ? width_of(from, to) : width + 1;
    if (whole <= width) {
      // Widths as differences of prefixes, so that unbroken the word measures as itself.
      size_t at = from;
      double before = 0;
      for (size_t c : cuts) {
        const double w = width_of(from, c);
        items.push_back({Item::Box, w - before, 0, 0, 0, false, at, c});
        // What the hyphen adds: measured with the end of the word in its run (kerned with it).
        const size_t run = run_at(c - 1);
        const std::string_view tail = std::string_view(text).substr(std::max(run_start[run], from), c - std::max(run_start[run], from));
        hyphenated.assign(tail).append(hyphens[run]);
        const double hw = measure(run, hyphenated) - measure(run, tail);
        items.push_back({Item::Penalty, hw, 0, 0, kHyphenPenalty, true, c, c, true});
        before = w;
        at = c;
      }
      items.push_back({Item::Box, whole - before, 0, 0, 0, false, at, to});
      return;
    }
    // Wider than the line: every character boundary may break, with a hyphen at the
    // hyphenation points and without one elsewhere (the last resort).
    size_t ci = 0;
    size_t at = from;
    auto cut_here = [&](size_t b) {
      while (ci < cuts.size() && cuts[ci] < b) ++ci;
      return ci < cuts.size() && cuts[ci] == b;
    };
    for (size_t part_from = from; part_from < to;) {
      const size_t run = run_at(part_from);
      const size_t part_to = std::min(to, run_start[run + 1]);
      icu::UnicodeString pu = icu::UnicodeString::fromUTF8(text.substr(part_from, part_to - part_from));
      std::vector<size_t> ends;  // byte offsets where clusters end
      if (characters_) {
        characters_->setText(pu);
        size_t b = part_from;
        int32_t a = characters_->first();
        for (int32_t e = characters_->next(); e != icu::BreakIterator::DONE; a = e, e = characters_->next()) {
          std::string c;
          pu.tempSubString(a, e - a).toUTF8String(c);
          for (auto& piece : bounded(std::move(c))) {
            b += piece.size();
            ends.push_back(b);
          }
        }
      } else {
        for (auto& piece : bounded(text.substr(part_from, part_to - part_from))) ends.push_back(part_from + piece.size());
      }
      for (size_t e : ends) {
        if (e <= at) continue;
        const std::string_view cluster = std::string_view(text).substr(at, e - at);
        const bool no_break_space = cluster == "\u00a0" || cluster == "\u202f";
        items.push_back({Item::Box, measure(run, cluster), 0, 0, 0, false, at, e});
        at = e;
        if (e < to) {
          if (no_break_space)
            items.push_back({Item::Penalty, 0, 0, 0, kNoBreakSpacePenalty, false, e, e});
          else if (cut_here(e))
            items.push_back({Item::Penalty, hyphen_width(run), 0, 0, kHyphenPenalty, true, e, e, true});
          else
            items.push_back({Item::Penalty, 0, 0, 0, kCutPenalty, false, e, e});
        }
      }
      part_from = std::max(part_to, part_from + 1);
    }
  };
  for (size_t k = 0; k < segs.size(); ++k) {
    const Seg& s = segs[k];
    if (s.end > s.from) add_boxes(s.from, s.end);
    double space = 0;
    for (size_t i = s.end; i < s.to; ++i)
      if (text[i] != '\n') space += measure(run_at(i), std::string_view(&text[i], 1));
    const bool last = k + 1 == segs.size();
    if (s.hard || last) {
      items.push_back({Item::Penalty, 0, 0, 0, -kInfinity, false, s.to, s.to});
      items.back().forced = true;
    } else if (space > 0) {
      items.push_back({Item::Glue, space, justify ? space / 2 : 0, justify ? space / 3 : 0, 0, false, s.end, s.to});
    } else {
      const bool hyphen = ends_with_hyphen(text, s.from, s.end);
      items.push_back({Item::Penalty, 0, 0, 0, hyphen ? kHyphenPenalty : 0, hyphen, s.to, s.to});
    }
  }

  // 4. The breaks: total fit, then its lines.
  const std::vector<size_t> breaks = total_fit(items, width, justify, em);
  return assemble(items, breaks, runs, run_start, text, width, justify, measure_, size,
                  hyphens);
}

}  // namespace renaksi::layout
