// libFuzzer target: the Pandoc-JSON reader (prose/from_pandoc.h) on arbitrary bytes, then the
// way back to Pandoc's AST (emit/docx/prose_to_pandoc.h) on what it read.
//
// The input is a whole Pandoc document ({"pandoc-api-version":..., "blocks": [...]}) or a bare
// array of blocks, read exactly as the prose pass reads Pandoc's output: parse_pandoc_json (which
// leaves out anything nested deeper than limits::kMaxPandocJsonDepth, without recursing), then
// from_pandoc (every field's shape checked, recursion bounded by limits::kMaxProseDepth); and as
// the prose pass reads it, each block handed over by parse_pandoc_json's on_block as it is parsed
// and read on its own. Both promise never to throw: an exception, a crash, a sanitizer report or
// a hang is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "emit/docx/prose_to_pandoc.h"
#include "prose/from_pandoc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  renaksi::prose::ParsedJson parsed;
  if (!renaksi::prose::parse_pandoc_json(text, parsed)) return 0;  // P002: not JSON
  const nlohmann::json* blocks = &parsed.value;
  if (parsed.value.is_object()) {
    auto it = parsed.value.find("blocks");
    if (it == parsed.value.end()) return 0;
    blocks = &*it;
  }
  size_t reported = 0;
  auto report = [&](const std::string&, const std::string&, bool) { ++reported; };
  // The prose pass's own way: each block taken as soon as it is parsed (on_block), moved out and
  // read on its own, every other one left in the value.
  renaksi::prose::ParsedJson streamed;
  (void)renaksi::prose::parse_pandoc_json(text, streamed, {}, [&](long index, nlohmann::json& block) {
    if (index % 2 == 1) return false;
    nlohmann::json one = nlohmann::json::array();
    one.push_back(std::move(block));
    (void)renaksi::prose::from_pandoc(one, report);
    return true;
  });
  const renaksi::prose::FromPandoc read = renaksi::prose::from_pandoc(*blocks, report);
  if (read.status != renaksi::prose::FromPandoc::Status::Ok) return 0;  // P002 or P009
  // The DOCX pass hands this back to Pandoc: it must be JSON again (valid UTF-8 included, or
  // dump() throws, which is a finding).
  (void)renaksi::pandoc::to_pandoc(read.blocks).dump();
  return 0;
}
