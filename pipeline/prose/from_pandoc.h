// Reads Pandoc's JSON AST (API 1.22) into the project's prose types, whitelisting link schemes
// and reporting every node the outputs do not render instead of dropping it silently. Every
// field is checked for presence and type before it is used, and nesting is bounded, so no JSON
// can make the reader throw, crash or overflow the stack.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

#include "doc/prose_ast.h"

namespace renaksi::prose {

// Called once per node that is not rendered as Pandoc meant it: `what` names the node
// ("Image", "RawInline", "link to javascript:…") and `kept` says what was kept instead.
using Unsupported = std::function<void(const std::string& what, const std::string& kept, bool is_link)>;

struct FromPandoc {
  enum class Status {
    Ok,
    BadShape,  // a node without a field it needs, or a field of the wrong type: `message` says which
    TooDeep,   // blocks and inlines nest deeper than limits::kMaxProseDepth
  };
  Status status = Status::Ok;
  std::string message;
  Blocks blocks;  // empty unless Ok
};

// `blocks` is a JSON array of Pandoc blocks. Recursion is bounded by limits::kMaxProseDepth;
// the value itself must come from parse_pandoc_json (or be otherwise bounded in depth).
FromPandoc from_pandoc(const nlohmann::json& blocks, const Unsupported& report);

// Parses JSON text without ever building a value nested deeper than limits::kMaxPandocJsonDepth.
// The parse itself is not recursive; a container deeper than the limit is left out of the value
// and `too_deep` counts it; `on_too_deep(index)` is told the index of the element of the
// top-level "blocks" array it was in (or -1 elsewhere). False (with `error`) when the text is
// not JSON. Never throws.
struct ParsedJson {
  nlohmann::json value;
  std::string error;
  long too_deep = 0;
};
bool parse_pandoc_json(std::string_view text, ParsedJson& out, const std::function<void(long)>& on_too_deep = {});

}  // namespace renaksi::prose
