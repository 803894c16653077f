// The blocks of a composed document (doc::Block: headings, paragraphs, prose, fields, tables)
// as HTML elements, for one language's page. Where compose gave a part a stand-in (this
// language's text is still missing in a draft), the stand-in is shown, marked with its `lang`.
#pragma once

#include <map>
#include <string>

#include "doc/document.h"
#include "emit/html/prose_html.h"

namespace renaksi::html {

struct BlockContext {
  ProseContext prose;
  std::string page_lang;      // the page's language
  int heading_offset = 0;     // a block heading of level n becomes h(n + offset)
  // "Not yet available in English; shown in Indonesian.", by the language of the stand-in.
  std::map<std::string, std::string> fallback_notes;
  std::string mark;           // "[not yet translated]": beside a stand-in cell
  std::string empty_note;     // under a section heading with nothing in it (a draft); "" for none
};

void render_block(xmlNode* parent, const doc::Block& block, const BlockContext& ctx);

// Every block of a chapter, and a note under each section that has nothing yet (a draft).
void render_chapter_blocks(xmlNode* parent, const doc::Chapter& chapter, const BlockContext& ctx);

}  // namespace renaksi::html
