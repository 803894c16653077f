// Is a file's text UTF-8?
#include "env/text_encoding.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>

#include <unicode/utf8.h>

namespace renaksi {

namespace {

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

}  // namespace

std::optional<EncodingProblem> check_utf8_text(std::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX))  // ICU indexes with int32_t; read_file bounds far below
    return EncodingProblem{1, 1, "the file is too large to be read as text"};
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
    // ICU's U8_NEXT rejects every ill-formed sequence (overlongs, surrogates, past U+10FFFF).
    // The file is at most limits::kMaxInputFileBytes, well inside int32_t.
    auto at = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(reinterpret_cast<const uint8_t*>(bytes.data()), at, static_cast<int32_t>(bytes.size()), cp);
    if (cp < 0)
      return EncodingProblem{line, col,
                             "the file is not UTF-8: the byte " + hex_byte(c) +
                                 " does not begin a UTF-8 character here; save the file as UTF-8"};
    i = static_cast<size_t>(at);
  }
  return std::nullopt;
}

}  // namespace renaksi
