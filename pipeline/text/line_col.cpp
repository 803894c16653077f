// Line and column of a byte offset, counting UTF-8 characters for the column.
#include "text/line_col.h"

#include <algorithm>

namespace renaksi {

std::pair<int, int> line_col_at(std::string_view text, std::size_t offset) {
  const std::size_t upto = std::min(offset, text.size());
  int line = 1, col = 1;
  for (std::size_t i = 0; i < upto; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // not a continuation byte
      ++col;
    }
  }
  return {line, col};
}

}  // namespace renaksi
