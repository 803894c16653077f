// Text helpers for tests.
#include "support/text.h"

namespace renaksi::testing {

std::string collapse(const std::string& s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const size_t nbsp = s.compare(i, 2, "\u00a0") == 0 ? 2 : s.compare(i, 3, "\u202f") == 0 ? 3 : 0;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r' || nbsp > 0) {
      space = !out.empty();
      if (nbsp > 0) i += nbsp - 1;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace renaksi::testing
