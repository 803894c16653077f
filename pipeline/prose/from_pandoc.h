// Reads Pandoc's JSON AST (API 1.22) into the project's prose types, whitelisting link schemes
// and reporting every node the outputs do not render instead of dropping it silently.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "prose/ast.h"

namespace renaksi::prose {

// Called once per node that is not rendered as Pandoc meant it: `what` names the node
// ("Image", "RawInline", "link to javascript:…") and `kept` says what was kept instead.
using Unsupported = std::function<void(const std::string& what, const std::string& kept, bool is_link)>;

// `blocks` is a JSON array of Pandoc blocks.
Blocks from_pandoc(const nlohmann::json& blocks, const Unsupported& report);

// True for the URL schemes a link may keep: http, https, mailto.
bool allowed_link(const std::string& url);

}  // namespace renaksi::prose
