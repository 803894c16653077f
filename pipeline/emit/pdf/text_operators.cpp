// The operators that show a run of text, written straight into a page's content stream.
#include "emit/pdf/text_operators.h"

#include <unicode/utf8.h>

#include <charconv>
#include <cmath>
#include <cstdint>

namespace renaksi::pdf {

void append_pdf_number(std::string& out, double v, int decimals) {
  if (!std::isfinite(v)) v = 0;
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (ec != std::errc()) {  // beyond any page: not a number a PDF holds
    out += '0';
    return;
  }
  char* last = end;
  if (decimals > 0) {
    while (last[-1] == '0') --last;
    if (last[-1] == '.') --last;
  }
  std::string_view s(buf, static_cast<size_t>(last - buf));
  if (s == "-0") s = "0";
  out.append(s);
}

namespace {

// The character codes of `utf8` as a PDF hex string's digits: two bytes a character.
void append_codes(std::string& out, std::string_view utf8) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);  // i advances past the character, or past a malformed byte
    if (c < 0 || c > 0xFFFF) continue;
    out += kHex[(c >> 12) & 0xF];
    out += kHex[(c >> 8) & 0xF];
    out += kHex[(c >> 4) & 0xF];
    out += kHex[c & 0xF];
  }
}

}  // namespace

void TextOperators::show(std::string& out, double x, double y, std::string_view utf8, std::span<const Kern> kerns) {
  // Positions to a thousandth of a point, as written: each move is from the position written
  // before, so rounding does not add up along a line.
  const double rx = std::round(x * 1000) / 1000, ry = std::round(y * 1000) / 1000;
  if (known_) {
    append_pdf_number(out, rx - x_, 3);
    out += ' ';
    append_pdf_number(out, ry - y_, 3);
    out += " Td\n";
  } else {
    out += "1 0 0 1 ";
    append_pdf_number(out, rx, 3);
    out += ' ';
    append_pdf_number(out, ry, 3);
    out += " Tm\n";
    known_ = true;
  }
  x_ = rx;
  y_ = ry;
  out += '[';
  size_t from = 0;
  for (const Kern& k : kerns) {
    if (k.at <= from || k.at >= utf8.size()) continue;  // not inside the run (the kerning's own guard)
    out += '<';
    append_codes(out, utf8.substr(from, k.at - from));
    out += "> ";
    // A TJ number moves the next glyph left by thousandths of an em: a kern's shift negated.
    append_pdf_number(out, -k.shift, 2);
    out += ' ';
    from = k.at;
  }
  out += '<';
  append_codes(out, utf8.substr(from));
  out += ">] TJ\n";
}

}  // namespace renaksi::pdf
