// The operators that show a run of text, written straight into a page's content stream.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "emit/pdf/kerning.h"

namespace renaksi::pdf {

// libharu shows text with one call per string (HPDF_Page_TextOut): it measures the string again,
// glyph by glyph, through a linear search of the font's cmap, and cannot kern, so a kerned word
// was several calls, each with its own move. The layout has measured every run already (which
// also marks its glyphs for libharu's font subset), so the operators are written here: one
// `Td` (or `Tm`) to the run's start and one `TJ` whose numbers are the kerns, for the fonts
// libharu embeds as Type 0 with Identity-H and its UTF-8 encoder (two bytes a character, the
// character's code point: what libharu would write).
class TextOperators {
 public:
  // The text object was begun (BT), or libharu set the text matrix itself: the next run is
  // placed with an absolute `Tm`.
  void reset() { known_ = false; }

  // Appends to `out` the operators that show `utf8` with its baseline starting at (x, y),
  // each kern moving the rest of the run by its shift (thousandths of an em). Characters
  // beyond the Basic Multilingual Plane are left out, as libharu's encoder leaves them out
  // (the layout does not give them to this font: PdfDocument::covers).
  void show(std::string& out, double x, double y, std::string_view utf8, std::span<const Kern> kerns);

 private:
  bool known_ = false;
  double x_ = 0, y_ = 0;  // where the text line starts, as last written (rounded as written)
};

// `v` as a PDF number with at most `decimals` decimals, without trailing zeros ("12.5", "-3",
// "0"): locale-independent.
void append_pdf_number(std::string& out, double v, int decimals);

}  // namespace renaksi::pdf
