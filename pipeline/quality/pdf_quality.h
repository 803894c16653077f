// Typesetting quality of a laid-out PDF, measured from its text boxes: loose lines, widows,
// orphans, headings at a page foot, words cut without a hyphen, near-empty pages.
//
// Pure analysis of what `pdftotext -bbox-layout` (pages, flows, blocks, lines, words with their
// boxes) and `pdftohtml -xml -i` (font size and boldness of each run of text) report; the reading
// of those files is pipeline/quality/bbox_reader.h, running the tools pipeline/quality/measure_pdf.h.
// Definitions (docs/pdf-quality.md says the same, with their limits):
//
// - Running heads and footers ("furniture") are the lines in a band at the top or bottom of the
//   page that holds the first (last) line of at least half of the pages; the rest is content. The
//   text area runs from the most common top of a page's content to the lowest content bottom.
// - Body size: the font size of most of the document's characters. A heading is a line set
//   mostly in bold at body size or larger, or in a size at least 1.15 times the body's. A chapter
//   title: a heading at least 1.6 times the body size.
// - Columns: a page is one column unless the document is bilingual-like (a fifth or more of its
//   body lines start right of the page's middle), then a block belongs to the left or right column
//   by its position; every measure below is per column.
// - Normal space: 0.26 em (Noto Sans and Noto Serif), or, when at least 30 ragged lines (a block's
//   last line) give gaps, their median gap in em. A justified line is any line of a block but its
//   last that reaches the block's right edge (±1 pt) and has two words or more. Its gap is the mean
//   distance between its word boxes; the line is loose over 2× (3×) when that mean is over twice
//   (three times) the normal space. The worst gap is the widest single gap of a justified line, in
//   em of the line's font size.
// - Orphan: the last content line of a column is a body line, alone in its block, and full (it
//   reaches the column's right edge: a paragraph's first line whose rest is on the next page).
//   Widow: the first content line of a column is a body line alone in its block and not full (a
//   paragraph's last line), and the last content line of that column on the page before is a full
//   body line (the paragraph began there).
// - Heading at foot: a heading (or chain of headings) after which its column holds no other line
//   on the page, or only one row of lines at the foot of a full page (its last 15 %) while the page
//   after continues with text (not a heading).
// - Cut word: a line whose last word ends in a letter, followed in its block by a line whose first
//   word starts with a lowercase letter, where the two joined are a word the document uses whole
//   (inside a line) and the two parts are not both words of it. Lines are split into segments at
//   gaps over 1.6 normal spaces first (pdftotext puts a table row on one line), and the
//   continuation is the next line's word where the segment starts.
// - Near-empty page: the content of its fullest column covers less than a quarter of the text
//   area's height, and it is neither the first page, nor the last, nor followed by a chapter title
//   at the top of the next page (a chapter's last page).
#pragma once

#include <string>
#include <vector>

namespace renaksi::quality {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // PDF points, y downwards from the page's top
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

struct Word {
  Box box;
  std::string text;
};

struct Line {
  Box box;
  std::vector<Word> words;
  double font_size = 0;  // points; 0 when unknown (then estimated from the line's height)
  bool bold = false;     // nine tenths of the line or more is bold
};

struct Block {
  Box box;
  std::vector<Line> lines;
};

struct Page {
  int number = 0;  // from 1
  double width = 0, height = 0;
  std::vector<Block> blocks;  // in pdftotext's order (flows flattened)
};

struct BboxDocument {
  std::vector<Page> pages;
};

// One place where the typesetting falls short.
struct Finding {
  int page = 0;
  std::string kind;  // "loose", "widow", "orphan", "heading at foot", "cut", "near-empty"
  std::string text;  // the line, word or heading concerned (a figure for a near-empty page)
};

// The figures of one document.
struct QualityFigures {
  int pages = 0;
  int words = 0;
  int lines = 0;
  int justified_lines = 0;
  int loose_2x = 0;            // justified lines with a mean gap over 2x the normal space
  int loose_3x = 0;            // ... over 3x
  double worst_gap_em = 0;     // the widest gap between two words of a justified line, in em
  double normal_space_em = 0;  // the normal space used
  int widows = 0;
  int orphans = 0;
  int headings_at_foot = 0;
  int cuts = 0;                // words cut across lines without a hyphen
  int near_empty_pages = 0;
  std::vector<Finding> findings;  // in page order
};

// Measures `doc`. Never throws for odd input: empty pages and lines are skipped.
QualityFigures analyse(const BboxDocument& doc);

// "pages 57, lines>2x 82, lines>3x 4, worst 0.99 em, widows 7, orphans 6, headings at foot 2,
// cuts 0, near-empty 2": the one-line summary the command line prints.
std::string summary(const QualityFigures& f);

// "p13: widow 'ruang.'".
std::string describe(const Finding& f);

}  // namespace renaksi::quality
