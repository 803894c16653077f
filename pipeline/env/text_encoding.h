// Is a file's text UTF-8? Checked before libxml2 sees it, so a UTF-16 file or a stray byte is
// one clear diagnostic at the first bad byte (L007), not a parser's confusion.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace renaksi {

struct EncodingProblem {
  int line = 1;  // 1-based
  int col = 1;   // 1-based, in bytes
  std::string message;
};

// Nothing when `bytes` is UTF-8 (with or without a byte-order mark) and holds no NUL byte.
// Otherwise the first problem: a UTF-16 or UTF-32 byte-order mark, text that is mostly NUL bytes
// (UTF-16 or UTF-32 without a mark), a NUL byte, or a byte sequence that is not UTF-8
// (overlong forms, surrogates and code points past U+10FFFF included).
std::optional<EncodingProblem> check_utf8_text(std::string_view bytes);

}  // namespace renaksi
