// The blocks of a composed document (doc::Block: headings, paragraphs, prose, fields, tables)
// as HTML elements, for one language's page. Where this language's text is still missing (a
// draft), the administrative language's block is shown instead, marked with its `lang`.
#pragma once

#include <string>

#include "doc/document.h"
#include "emit/html/prose_html.h"

namespace renaksi::html {

struct BlockContext {
  ProseContext prose;
  std::string page_lang;      // the page's language
  int heading_offset = 0;     // a block heading of level n becomes h(n + offset)
  std::string fallback_note;  // "Not yet available in English; shown in Indonesian."
  std::string empty_note;     // under a section heading with nothing in it (a draft); "" for none
};

// `fallback`: the same block in the administrative language's document, or null.
void render_block(xmlNode* parent, const doc::Block& block, const doc::Block* fallback, const BlockContext& ctx);

// Every block of a chapter, each beside its counterpart in `fallback` (null, or the same
// chapter of the administrative language's document).
void render_chapter_blocks(xmlNode* parent, const doc::Chapter& chapter, const doc::Chapter* fallback,
                           const BlockContext& ctx);

// True when a part has nothing to show.
bool part_empty(const doc::Part& part, doc::Block::Kind kind);

}  // namespace renaksi::html
