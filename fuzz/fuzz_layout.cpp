// libFuzzer target: paragraph -> lines -> pages. Random text, widths, sizes and page heights
// from the input go through layout::LineBreaker and layout::Paginator with a fixed-width
// Measure (every character 0.5 em, as tests/layout/fixed_measure.h; no fonts involved).
//
// Input: 5 bytes of parameters, then the text. Runs are split at byte 0x01 (each run its own
// face; every third a link). The text is made valid UTF-8 first (invalid sequences become
// U+FFFD, NUL is dropped), as every text the layout gets has passed the loader (L007).
//   byte 0: bit 0 justify, bits 1-3 the language, bit 4 table rows (a header row that
//           repeats on every page, and rows of several lines: a tall cell), bit 5 two columns
//           (the text in both), bit 6 headings (keep_with_next) every fifth line, outside tables
//   byte 1: the line width, 0.5 ... 2000 pt (narrow table columns are narrower than a character)
//   byte 2: the font size, 1 ... 200 pt
//   byte 3: the text area's height, 1 ... 2000 pt
//   byte 4: low 4 bits the space before each line, 0 ... 45 pt; high 4 bits the lines of one
//           table row, 1 ... 121
// What must hold: no crash, sanitizer report or hang; at most 2 pages per line (plus one),
// checked after pagination. A paginator that never ends fills memory or the clock, which
// libFuzzer reports as an oom or a timeout (run with -rss_limit_mb=2048 -timeout=10): the
// target bounds the text, so legitimate work is small (-max_len bounds the lines).
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "layout/fixed_measure.h"  // tests/layout/
#include "layout/line_breaker.h"
#include "layout/measure.h"
#include "layout/paginate.h"

namespace {

using namespace renaksi::layout;

// Every character 0.5 em wide (tests/layout/fixed_measure.h, shared with the layout tests).
using renaksi::layout::testing::FixedMeasure;

constexpr const char* kLanguages[] = {"en", "id", "ja", "zh", "th", "ar", "he", "x-unknown-tag"};
constexpr Face kFaces[] = {Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic, Face::Mono};

// Valid UTF-8 with U+FFFD for what was not, and no NUL.
std::string valid_utf8(std::string_view bytes) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(), static_cast<int32_t>(bytes.size()))).toUTF8String(out);
  std::erase(out, '\0');
  return out;
}

Box line_box(const TextLine& line, double leading, double size, double space_before) {
  Box b;
  b.height = leading;
  b.space_before = space_before;
  for (const auto& p : line.pieces) {
    Glyphs g;
    g.x = p.x;
    g.y = size;
    g.face = p.face;
    g.size = size;
    g.text = p.text;
    b.text.push_back(std::move(g));
    if (!p.link.empty()) b.links.push_back(LinkArea{p.x, 0, p.width, leading, p.link});
  }
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 5) return 0;
  const uint8_t flags = data[0];
  const bool justify = flags & 1;
  const char* lang = kLanguages[(flags >> 1) & 7];
  // RENAKSI_FUZZ_LAYOUT_NO_TABLES=1 leaves tables out: while a known runaway in the paginator's
  // table rows (rows taller than the page less the repeated header) is open, it lets a run
  // spend its time on everything else.
  static const bool no_tables = std::getenv("RENAKSI_FUZZ_LAYOUT_NO_TABLES") != nullptr;
  const bool table = (flags & 16) && !no_tables;
  const bool two_columns = flags & 32;
  const bool headings = flags & 64;
  const double width = 0.5 + data[1] * data[1] * (2000.0 / (255.0 * 255.0));
  const double font_size = 1 + data[2] * (199.0 / 255.0);
  const double area = 1 + data[3] * data[3] * (2000.0 / (255.0 * 255.0));
  const double space_before = (data[4] & 15) * 3.0;
  const size_t lines_per_row = 1 + (data[4] >> 4) * 8u;

  std::vector<Run> runs;
  const std::string_view text(reinterpret_cast<const char*>(data + 5), size - 5);
  for (size_t start = 0, n = 0; start <= text.size(); ++n) {
    size_t end = text.find('\x01', start);
    if (end == std::string_view::npos) end = text.size();
    Run r;
    r.text = valid_utf8(text.substr(start, end - start));
    r.face = kFaces[n % 5];
    if (n % 3 == 2) r.link = "https://example.org/" + std::to_string(n);
    runs.push_back(std::move(r));
    start = end + 1;
  }

  static const FixedMeasure measure;
  LineBreaker breaker(measure, lang);
  const std::vector<TextLine> lines = breaker.lines(runs, font_size, width, justify);

  const double leading = font_size * 1.2;
  Column column;
  if (table) {
    Box header;
    header.height = leading;
    header.keep_with_next = true;
    column.headers.push_back(header);
    column.boxes.push_back(header);
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    Box b = line_box(lines[i], leading, font_size, space_before);
    if (table) {
      // A table row: this line and the next lines_per_row - 1, one box (BlockLayout::row).
      b.table = 0;
      for (size_t j = 1; j < lines_per_row && i + 1 < lines.size(); ++j) {
        Box more = line_box(lines[++i], leading, font_size, 0);
        for (auto& g : more.text) g.y += b.height;
        b.text.insert(b.text.end(), more.text.begin(), more.text.end());
        b.height += leading;
      }
    } else if (headings && i % 5 == 4) {
      b.keep_with_next = true;
    }
    column.boxes.push_back(std::move(b));
  }
  const size_t boxes = column.boxes.size();

  const double top = 800;
  std::vector<double> xs{50};
  std::vector<Column> columns{column};
  if (two_columns) {
    xs.push_back(50 + width + 10);
    columns.push_back(column);
  }
  Paginator paginator(xs, top, top - area);
  paginator.new_page();
  paginator.place(std::move(columns));
  paginator.space(space_before);
  paginator.place({Column{}});
  if (paginator.pages().size() > 2 * boxes + 1) {
    std::fprintf(stderr, "fuzz_layout: %zu pages for %zu boxes\n", paginator.pages().size(), boxes);
    std::abort();
  }
  return 0;
}
