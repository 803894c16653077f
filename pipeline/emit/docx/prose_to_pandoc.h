// The project's prose types written back as Pandoc JSON AST nodes (the reverse of
// prose/from_pandoc.cpp), for outputs that Pandoc writes.
#pragma once

#include <nlohmann/json.hpp>

#include "doc/prose_ast.h"

namespace renaksi::pandoc {

// A JSON array of Pandoc inlines.
nlohmann::json to_pandoc(const prose::Inlines& inlines);

// A JSON array of Pandoc blocks. A heading inside prose sits below the document's own
// headings: Markdown level n becomes level `first_heading_level` + n - 1 (at most 6). List
// items are tight (Plain), as the PDF sets them.
nlohmann::json to_pandoc(const prose::Blocks& blocks, int first_heading_level = 4);

}  // namespace renaksi::pandoc
