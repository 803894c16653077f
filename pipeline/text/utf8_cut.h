// Cutting UTF-8 text to a number of bytes without splitting a character.
#pragma once

#include <cstddef>
#include <string_view>

namespace renaksi {

// The longest prefix of `s` of at most `max_bytes` bytes that ends between two UTF-8 characters
// (never before a continuation byte); `s` itself when it is not longer.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

}  // namespace renaksi
