// Which links prose may keep.
#include "doc/link_policy.h"

#include <algorithm>
#include <cctype>

namespace renaksi::prose {

bool allowed_link(std::string_view url) {
  return std::any_of(kKeptLinkPrefixes.begin(), kKeptLinkPrefixes.end(), [&](std::string_view prefix) {
    return url.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), url.begin(), [](char p, char u) {
             return p == std::tolower(static_cast<unsigned char>(u));
           });
  });
}

std::string kept_link_schemes() {
  std::string out;
  for (std::size_t i = 0; i < kKeptLinkPrefixes.size(); ++i) {
    if (i > 0) out += i + 1 == kKeptLinkPrefixes.size() ? " and " : ", ";
    out += kKeptLinkPrefixes[i].substr(0, kKeptLinkPrefixes[i].find(':'));
  }
  return out;
}

}  // namespace renaksi::prose
