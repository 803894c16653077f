// The address rules the checks share.
#include "check/addresses.h"

#include <cctype>

namespace renaksi {

bool is_web_link(std::string_view href) {
  auto starts = [&](std::string_view pre) {
    if (href.size() <= pre.size()) return false;
    for (size_t i = 0; i < pre.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(href[i])) != pre[i]) return false;
    return true;
  };
  if (!starts("http://") && !starts("https://")) return false;
  for (char c : href)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  return true;
}

bool plausible_email(std::string_view e) {
  const auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) return false;
  const auto dot = e.find('.', at);
  if (dot == std::string_view::npos || dot == at + 1 || dot + 1 >= e.size()) return false;
  for (char c : e)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  return e.find_first_of("<>,;\"()[]\\?&#%") == std::string_view::npos;
}

}  // namespace renaksi
