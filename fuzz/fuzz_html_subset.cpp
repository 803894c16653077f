// libFuzzer target: the raw-HTML tokenizer and tree builder of prose (prose/html_subset.h) on
// arbitrary bytes, as one RawBlock and as RawInline pieces around stand-ins for Pandoc's
// inlines. Linear in the input, depth bounded: a crash, a sanitizer report or a hang is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "env/limits.h"
#include "prose/html_subset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace html = renaksi::prose::html;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)html::build({html::Piece{true, text, 0, 0}}, renaksi::limits::kMaxProseDepth);
  // Cut at every '\n' into raw pieces with an opaque node between them.
  std::vector<html::Piece> pieces;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      pieces.push_back({true, text.substr(start, i - start), start, 0});
      pieces.push_back({false, {}, html::kNoOffset, pieces.size()});
      start = i + 1;
    }
  (void)html::build(pieces, renaksi::limits::kMaxProseDepth);
  return 0;
}
