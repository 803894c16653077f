// Cutting UTF-8 text without splitting a character.
#include "text/utf8_cut.h"

namespace renaksi {

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // s[cut] starts the next character
  return s.substr(0, cut);
}

}  // namespace renaksi
