// Super- and subscript characters.
#include "layout/script_chars.h"

namespace renaksi::layout {

namespace {

char32_t super_of(char c) {
  switch (c) {
    case '0': return U'\u2070';
    case '1': return U'\u00B9';
    case '2': return U'\u00B2';
    case '3': return U'\u00B3';
    case '+': return U'\u207A';
    case '-': return U'\u207B';
    case '=': return U'\u207C';
    case '(': return U'\u207D';
    case ')': return U'\u207E';
    case 'n': return U'\u207F';
    case 'i': return U'\u2071';
    default: return c >= '4' && c <= '9' ? static_cast<char32_t>(U'\u2074' + (c - '4')) : 0;
  }
}

char32_t sub_of(char c) {
  switch (c) {
    case '+': return U'\u208A';
    case '-': return U'\u208B';
    case '=': return U'\u208C';
    case '(': return U'\u208D';
    case ')': return U'\u208E';
    default: return c >= '0' && c <= '9' ? static_cast<char32_t>(U'\u2080' + (c - '0')) : 0;
  }
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::optional<std::string> script_chars(std::string_view text, bool super, const std::function<bool(char32_t)>& covers) {
  if (text.empty()) return std::nullopt;
  std::string out;
  for (char c : text) {
    const char32_t s = super ? super_of(c) : sub_of(c);
    if (s == 0 || !covers(s)) return std::nullopt;
    append_utf8(out, s);
  }
  return out;
}

}  // namespace renaksi::layout
