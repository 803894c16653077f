// The line and column (1-based; columns count characters, not bytes) of a byte offset in a text.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

namespace renaksi {

// For parsers that report a byte offset (nlohmann::json's parse_error::byte is one past the
// byte at fault): the line and column of byte `offset` of `text`, clamped to its end.
std::pair<int, int> line_col_at(std::string_view text, std::size_t offset);

}  // namespace renaksi
