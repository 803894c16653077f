// The project's own line breaker.
#include "layout/line_breaker.h"

#include <unicode/rbbi.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>

#include "env/limits.h"

namespace renaksi::layout {

namespace {

std::unique_ptr<icu::BreakIterator> make_iterator(const std::string& lang, bool line) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(line ? icu::BreakIterator::createLineInstance(locale, status)
                                              : icu::BreakIterator::createCharacterInstance(locale, status));
  return U_SUCCESS(status) ? std::move(it) : nullptr;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// A piece of a segment that lies in one run.
struct Part {
  size_t run;
  std::string text;
  double width;
};

// The text between two break opportunities: its visible parts, then its trailing spaces.
struct Segment {
  std::vector<Part> parts;
  double width = 0;        // of the visible parts
  double space = 0;        // of the trailing spaces
  size_t bytes = 0;        // of the visible parts (what is drawn)
  bool hard = false;       // a mandatory break follows
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

}  // namespace

LineBreaker::LineBreaker(const Measure& measure, const std::string& lang)
    : measure_(measure), line_breaks_(make_iterator(lang, true)), characters_(make_iterator(lang, false)) {}

std::vector<TextLine> LineBreaker::lines(const std::vector<Run>& runs, double size, double width, bool justify) {
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

  // Split [from, to) into parts by run.
  auto parts_of = [&](size_t from, size_t to, std::vector<Part>& out) {
    double w = 0;
    while (from < to) {
      size_t run = run_at(from);
      size_t end = std::min(to, run_start[run + 1]);
      if (end > from) {
        std::string piece = text.substr(from, end - from);
        double pw = measure(run, piece);
        out.push_back({run, std::move(piece), pw});
        w += pw;
      }
      from = end;
    }
    return w;
  };

  std::vector<Segment> segments;
  auto add_segment = [&](size_t from, size_t to, bool hard) {
    size_t visible_end = to;
    while (visible_end > from && is_space(text[visible_end - 1])) --visible_end;
    Segment s;
    s.hard = hard;
    s.width = parts_of(from, visible_end, s.parts);
    s.bytes = visible_end - from;
    for (size_t i = visible_end; i < to; ++i)
      if (text[i] != '\n') s.space += measure(run_at(i), std::string_view(&text[i], 1));
    segments.push_back(std::move(s));
  };

  if (line_breaks_) {
    line_breaks_->setText(u);
    int32_t prev = line_breaks_->first();
    for (int32_t p = line_breaks_->next(); p != icu::BreakIterator::DONE; p = line_breaks_->next()) {
      int32_t status = line_breaks_->getRuleStatus();
      bool hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT && p < u.length();
      add_segment(byte_of[static_cast<size_t>(prev)], byte_of[static_cast<size_t>(p)], hard);
      prev = p;
    }
  } else {
    add_segment(0, text.size(), false);
  }

  // Break a segment wider than the line (or longer than limits::kMaxLineBytes) between
  // characters (grapheme clusters).
  std::vector<Segment> fitted;
  for (auto& s : segments) {
    if (s.width <= width && s.bytes <= limits::kMaxLineBytes) {
      fitted.push_back(std::move(s));
      continue;
    }
    Segment cur;
    for (const auto& part : s.parts) {
      icu::UnicodeString pu = icu::UnicodeString::fromUTF8(part.text);
      std::vector<std::string> clusters;
      if (characters_) {
        characters_->setText(pu);
        int32_t a = characters_->first();
        for (int32_t b = characters_->next(); b != icu::BreakIterator::DONE; a = b, b = characters_->next()) {
          std::string c;
          pu.tempSubString(a, b - a).toUTF8String(c);
          for (auto& piece : bounded(std::move(c))) clusters.push_back(std::move(piece));
        }
      } else {
        clusters = bounded(part.text);
      }
      for (const auto& c : clusters) {
        double cw = measure(part.run, c);
        if ((cur.width + cw > width && cur.width > 0) || (cur.bytes + c.size() > limits::kMaxLineBytes && cur.bytes > 0)) {
          fitted.push_back(std::move(cur));
          cur = Segment();
        }
        cur.bytes += c.size();
        if (cur.parts.empty() || cur.parts.back().run != part.run)
          cur.parts.push_back({part.run, c, cw});
        else {
          cur.parts.back().text += c;
          cur.parts.back().width += cw;
        }
        cur.width += cw;
      }
    }
    cur.space = s.space;
    cur.hard = s.hard;
    fitted.push_back(std::move(cur));
  }

  // Greedy filling.
  std::vector<TextLine> out;
  size_t i = 0;
  while (i < fitted.size()) {
    size_t j = i;
    double w = fitted[i].width;
    size_t bytes = fitted[i].bytes;
    while (!fitted[j].hard && j + 1 < fitted.size() && w + fitted[j].space + fitted[j + 1].width <= width &&
           bytes + fitted[j + 1].bytes <= limits::kMaxLineBytes) {
      w += fitted[j].space + fitted[j + 1].width;
      bytes += fitted[j + 1].bytes;
      ++j;
    }
    const bool last = j + 1 == fitted.size() || fitted[j].hard;
    int gaps = 0;
    for (size_t k = i; k < j; ++k) gaps += fitted[k].space > 0;
    double extra = 0;
    if (justify && !last && gaps > 0) {
      extra = (width - w) / gaps;
      if (extra > size * 0.9) extra = 0;  // too loose to justify: set it ragged
    }
    TextLine line;
    line.width = w;
    double x = 0;
    for (size_t k = i; k <= j; ++k) {
      for (const auto& part : fitted[k].parts) {
        const Run& r = runs[part.run];
        if (!part.text.empty()) line.pieces.push_back({x, part.width, part.text, r.face, r.colour, r.link, r.lang});
        x += part.width;
      }
      x += fitted[k].space + (fitted[k].space > 0 ? extra : 0);
    }
    // Merge neighbouring pieces of one style and link with no gap between them.
    std::vector<Piece> merged;
    for (auto& p : line.pieces) {
      if (!merged.empty()) {
        Piece& m = merged.back();
        if (m.face == p.face && m.link == p.link && m.lang == p.lang && std::abs(m.x + m.width - p.x) < 1e-6 && extra == 0 &&
            m.colour.r == p.colour.r && m.colour.g == p.colour.g && m.colour.b == p.colour.b) {
          m.text += p.text;
          m.width += p.width;
          continue;
        }
      }
      merged.push_back(std::move(p));
    }
    line.pieces = std::move(merged);
    out.push_back(std::move(line));
    i = j + 1;
  }
  return out;
}

}  // namespace renaksi::layout
