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

// A warning with its place: `offset` is the byte offset in the prose source of the tag or link
// it is about, found by searching the source for what Pandoc kept of it (raw HTML is kept
// verbatim, a link's URL nearly always), or npos when it cannot be placed.
struct ProseWarning {
  enum class Kind {
    Unrendered,     // a Markdown construct not rendered (P006)
    Link,           // a link dropped for its scheme (P007)
    Html,           // an HTML tag or attribute outside the safe subset (P011)
    RepairedLink,   // a link with a doubled scheme, repaired (P012)
    Lang,           // a language mark that is not a language tag (P013)
  };
  Kind kind = Kind::Unrendered;
  std::string what;
  std::string kept;
  std::size_t offset = static_cast<std::size_t>(-1);
};
using Warn = std::function<void(const ProseWarning&)>;

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

// The same, with `source` (the Markdown Pandoc read) to place each warning in it. Raw HTML
// (Pandoc's RawInline/RawBlock "html") is read here: the safe subset (a with an http, https or
// mailto href, br, em/i, strong/b, ul/ol/li, p, sup/sub) becomes prose, anything else is
// dropped with a warning (script, style, iframe and the like with their content). Bare
// "www." addresses in text become https links.
FromPandoc from_pandoc(const nlohmann::json& blocks, std::string_view source, const Warn& warn);

// Parses JSON text without ever building a value nested deeper than limits::kMaxPandocJsonDepth.
// The parse itself is not recursive; a container deeper than the limit is left out of the value
// and `too_deep` counts it; `on_too_deep(index)` is told the index of the element of the
// top-level "blocks" array it was in (or -1 elsewhere). False (with `error`) when the text is
// not JSON. Never throws.
//
// With `on_block`, each element of the top-level "blocks" array is handed to it as soon as it
// is parsed (after any `on_too_deep` for it), with its index; when it returns true it has taken
// the element, which is left out of the value. A caller that takes every element never holds
// the whole tree: Pandoc's JSON of a large plan's prose is some 30 times its Markdown, and as a
// tree about ten times more again. `api` is "pandoc-api-version" once it has been read (Pandoc
// writes it before the blocks; null until then).
struct ParsedJson {
  nlohmann::json value;
  std::string error;
  long too_deep = 0;
  nlohmann::json api;
};
using OnBlock = std::function<bool(long index, nlohmann::json& block)>;
bool parse_pandoc_json(std::string_view text, ParsedJson& out, const std::function<void(long)>& on_too_deep = {},
                       const OnBlock& on_block = {});

}  // namespace renaksi::prose
