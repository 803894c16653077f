// Is a file's text UTF-8?
#include "load/text_encoding.h"

#include <algorithm>
#include <cstdio>

namespace renaksi {

namespace {

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

// The length of the UTF-8 sequence at `s[i]`, or 0 when it is not one (RFC 3629).
size_t utf8_sequence(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) len = 3, lo = 0xA0;
  else if (c == 0xED) len = 3, hi = 0x9F;  // no surrogates
  else if (c >= 0xE1 && c <= 0xEF) len = 3;
  else if (c == 0xF0) len = 4, lo = 0x90;
  else if (c == 0xF4) len = 4, hi = 0x8F;  // nothing past U+10FFFF
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else return 0;
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return len;
}

}  // namespace

std::optional<EncodingProblem> check_utf8_text(std::string_view bytes) {
  const auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\x00\x00"sv)) return EncodingProblem{1, 1, "the file is UTF-32 (little-endian); save it as UTF-8"};
  if (starts("\x00\x00\xFE\xFF"sv)) return EncodingProblem{1, 1, "the file is UTF-32 (big-endian); save it as UTF-8"};
  if (starts("\xFF\xFE"sv)) return EncodingProblem{1, 1, "the file is UTF-16 (little-endian); save it as UTF-8"};
  if (starts("\xFE\xFF"sv)) return EncodingProblem{1, 1, "the file is UTF-16 (big-endian); save it as UTF-8"};

  // Without a byte-order mark: UTF-16 or UTF-32 text is full of NUL bytes.
  const std::string_view head = bytes.substr(0, 512);
  const auto nuls = static_cast<size_t>(std::count(head.begin(), head.end(), '\0'));
  if (!head.empty() && nuls * 4 >= head.size()) {
    const char* which = nuls * 3 >= head.size() * 2 ? "UTF-32" : "UTF-16";
    return EncodingProblem{1, 1, std::string("the file is ") + which + " (it is mostly NUL bytes); save it as UTF-8"};
  }

  int line = 1;
  size_t line_start = 0;
  size_t i = bytes.size() >= 3 && starts("\xEF\xBB\xBF") ? 3 : 0;
  while (i < bytes.size()) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    const int col = static_cast<int>(i - line_start) + 1;
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      ++i;
      continue;
    }
    if (c == 0) return EncodingProblem{line, col, "the file holds a NUL byte, which is not text; save it as UTF-8 text"};
    const size_t len = utf8_sequence(bytes, i);
    if (len == 0)
      return EncodingProblem{line, col,
                             "the file is not UTF-8: the byte " + hex_byte(c) +
                                 " does not begin a UTF-8 character here; save the file as UTF-8"};
    i += len;
  }
  return std::nullopt;
}

}  // namespace renaksi
