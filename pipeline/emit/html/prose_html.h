// Prose (prose::Blocks and Inlines) as HTML elements: one switch per node type of doc/prose_ast.h,
// nothing else. Text is always a text node; link targets are only http, https and mailto
// addresses from content, or internal links the site itself made.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "emit/html/html_tree.h"
#include "doc/prose_ast.h"

namespace renaksi::html {

// The footnotes met on one page, numbered in order, written at its end by write_notes.
struct Notes {
  std::vector<prose::Blocks> items;  // copies: a note outlives the inline it came from
};

struct ProseContext {
  Notes* notes = nullptr;  // null: footnote markers are left out (e.g. in a note itself)
  int heading_base = 2;    // a Markdown heading of level n becomes h(base + n), at most h6
  // Turns a link target that is not an external address ("#commitment-10") into a link of the
  // site; "" leaves the link text unlinked.
  std::function<std::string(const std::string&)> internal_link;
};

void render_inlines(xmlNode* parent, const prose::Inlines& inlines, const ProseContext& ctx);
void render_blocks(xmlNode* parent, const prose::Blocks& blocks, const ProseContext& ctx);

// The page's footnotes as a section (heading `title`, back links labelled `back`); nothing
// when there are none.
void write_notes(xmlNode* parent, const Notes& notes, const std::string& title, const std::string& back,
                 const ProseContext& ctx);

}  // namespace renaksi::html
