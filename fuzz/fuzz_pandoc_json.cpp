// libFuzzer target: the Pandoc-JSON reader (prose/from_pandoc.h) on arbitrary bytes, then the
// way back to Pandoc's AST (emit/docx/prose_to_pandoc.h) on what it read.
//
// The input is a whole Pandoc document ({"pandoc-api-version":..., "blocks": [...]}) or a bare
// array of blocks. The contract the target keeps to is the prose pass's: JSON that does not
// parse is a P002, JSON nested deeper than limits::kMaxPandocJsonDepth is refused before any
// recursive walk (P002), and a json::exception out of from_pandoc is a P002 (prose_pass.cpp
// catches it). Anything else out of from_pandoc - a crash, a sanitizer report, another
// exception, a hang - is a finding.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "emit/docx/prose_to_pandoc.h"
#include "env/limits.h"
#include "prose/from_pandoc.h"

namespace {

// Nesting of objects and arrays, outside strings; stops counting past `limit`.
int json_depth(std::string_view s, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using nlohmann::json;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (json_depth(text, renaksi::limits::kMaxPandocJsonDepth) > renaksi::limits::kMaxPandocJsonDepth) return 0;
  const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return 0;
  const json* blocks = &doc;
  if (doc.is_object()) {
    auto it = doc.find("blocks");
    if (it == doc.end()) return 0;
    blocks = &*it;
  }
  size_t reported = 0;
  auto report = [&](const std::string&, const std::string&, bool) { ++reported; };
  renaksi::prose::Blocks read;
  try {
    read = renaksi::prose::from_pandoc(*blocks, report);
  } catch (const json::exception&) {
    return 0;  // P002: the AST has an unexpected shape.
  }
  // The DOCX pass hands this back to Pandoc: it must be JSON again (valid UTF-8 included, or
  // dump() throws, which is a finding).
  (void)renaksi::pandoc::to_pandoc(read).dump();
  return 0;
}
