// Composed-document blocks as HTML elements.
#include "emit/html/document_html.h"

#include <algorithm>

namespace renaksi::html {

using doc::Block;
using doc::Part;

namespace {

void mark_lang(xmlNode* n, const std::string& lang, const BlockContext& ctx) {
  if (!lang.empty() && lang != ctx.page_lang) set_attr(n, "lang", lang);
}

bool inlines_empty(const prose::Inlines& inlines) {
  return std::all_of(inlines.begin(), inlines.end(), [](const prose::Inline& i) {
    return (i.kind == prose::Inline::Kind::Text && i.text.empty()) || i.kind == prose::Inline::Kind::Space ||
           i.kind == prose::Inline::Kind::SoftBreak;
  });
}

// The administrative language's part standing in for an empty one, or null.
const Part* stand_in(const Part& part, Block::Kind kind, const Block* fallback, size_t index) {
  if (!fallback || fallback->kind != kind || index >= fallback->parts.size()) return nullptr;
  const Part& other = fallback->parts[index];
  if (other.lang == part.lang || !part_empty(part, kind) || part_empty(other, kind)) return nullptr;
  return &other;
}

// A wrapper for a stand-in part: the note in the page's language, then the part in its own.
xmlNode* fallback_box(xmlNode* parent, const Part& other, const BlockContext& ctx) {
  xmlNode* box = element(parent, "div", {{"class", "fallback"}});
  element_text(box, "p", ctx.fallback_note, {{"class", "fallback-note"}});
  xmlNode* inner = element(box, "div");
  set_attr(inner, "lang", other.lang);
  return inner;
}

void render_table(xmlNode* parent, const Part& part, const Part* fallback_part, const BlockContext& ctx) {
  xmlNode* wrap = element(parent, "div", {{"class", "table-wrap"}});
  xmlNode* table = element(wrap, "table", {{"class", "table-" + part.table.kind}});
  mark_lang(table, part.lang, ctx);
  xmlNode* tr = element(element(table, "thead"), "tr");
  for (const auto& h : part.table.header) element_text(tr, "th", h, {{"scope", "col"}});
  xmlNode* body = element(table, "tbody");
  for (size_t r = 0; r < part.table.rows.size(); ++r) {
    xmlNode* row = element(body, "tr");
    const auto& cells = part.table.rows[r];
    for (size_t c = 0; c < cells.size(); ++c) {
      xmlNode* td = element(row, "td");
      if (c < part.table.header.size()) set_attr(td, "data-label", part.table.header[c]);
      const prose::Inlines* other = nullptr;
      if (fallback_part && r < fallback_part->table.rows.size() && c < fallback_part->table.rows[r].size() &&
          inlines_empty(cells[c]) && !inlines_empty(fallback_part->table.rows[r][c]))
        other = &fallback_part->table.rows[r][c];
      if (other) {
        xmlNode* span = element(td, "span", {{"class", "fallback-cell"}, {"title", ctx.fallback_note}});
        set_attr(span, "lang", fallback_part->lang);
        render_inlines(span, *other, ctx.prose);
      } else {
        render_inlines(td, cells[c], ctx.prose);
      }
    }
  }
}

void render_fields(xmlNode* parent, const Block& block, const Part& part, const BlockContext& ctx) {
  xmlNode* dl = element(parent, "dl", {{"class", "fields"}});
  if (!block.anchor.empty()) set_attr(dl, "id", block.anchor);
  mark_lang(dl, part.lang, ctx);
  for (const auto& f : part.fields) {
    xmlNode* row = element(dl, "div");
    element_text(row, "dt", f.label);
    render_inlines(element(row, "dd"), f.value, ctx.prose);
  }
}

}  // namespace

bool part_empty(const Part& part, Block::Kind kind) {
  switch (kind) {
    case Block::Kind::Heading:
    case Block::Kind::Paragraph: return inlines_empty(part.text);
    case Block::Kind::Prose: return part.prose.empty();
    case Block::Kind::Fields: return part.fields.empty();
    case Block::Kind::Table: return part.table.rows.empty();
  }
  return true;
}

void render_block(xmlNode* parent, const Block& block, const Block* fallback, const BlockContext& ctx) {
  for (size_t i = 0; i < block.parts.size(); ++i) {
    const Part& part = block.parts[i];
    const Part* other = stand_in(part, block.kind, fallback, i);
    switch (block.kind) {
      case Block::Kind::Heading: {
        const std::string name = "h" + std::to_string(std::clamp(block.level + ctx.heading_offset, 1, 6));
        xmlNode* h = element(parent, name.c_str());
        if (!block.anchor.empty() && i == 0) set_attr(h, "id", block.anchor);
        mark_lang(h, other ? other->lang : part.lang, ctx);
        render_inlines(h, other ? other->text : part.text, ctx.prose);
        break;
      }
      case Block::Kind::Paragraph: {
        if (other) {
          render_inlines(element(fallback_box(parent, *other, ctx), "p"), other->text, ctx.prose);
        } else if (!part_empty(part, block.kind)) {
          xmlNode* p = element(parent, "p");
          mark_lang(p, part.lang, ctx);
          render_inlines(p, part.text, ctx.prose);
        }
        break;
      }
      case Block::Kind::Prose: {
        if (other) {
          render_blocks(fallback_box(parent, *other, ctx), other->prose, ctx.prose);
        } else if (part.lang != ctx.page_lang) {
          xmlNode* div = element(parent, "div");
          mark_lang(div, part.lang, ctx);
          render_blocks(div, part.prose, ctx.prose);
        } else {
          render_blocks(parent, part.prose, ctx.prose);
        }
        break;
      }
      case Block::Kind::Fields: render_fields(parent, block, part, ctx); break;
      case Block::Kind::Table: {
        const Part* cells_fallback = nullptr;
        if (fallback && fallback->kind == Block::Kind::Table && i < fallback->parts.size() &&
            fallback->parts[i].lang != part.lang)
          cells_fallback = &fallback->parts[i];
        render_table(parent, other ? *other : part, other ? nullptr : cells_fallback, ctx);
        break;
      }
    }
  }
}

void render_chapter_blocks(xmlNode* parent, const doc::Chapter& chapter, const doc::Chapter* fallback,
                           const BlockContext& ctx) {
  const bool aligned = fallback && fallback->blocks.size() == chapter.blocks.size();
  BlockContext c = ctx;
  c.prose.heading_base = 1 + ctx.heading_offset;  // the chapter's title
  for (size_t i = 0; i < chapter.blocks.size(); ++i) {
    const Block& b = chapter.blocks[i];
    render_block(parent, b, aligned ? &fallback->blocks[i] : nullptr, c);
    // A Markdown heading inside a section sits below the section's heading.
    if (b.kind == Block::Kind::Heading) c.prose.heading_base = b.level + ctx.heading_offset;
    // A section heading with nothing under it before the next section: say so.
    const bool section_ends = i + 1 == chapter.blocks.size() ||
                              (chapter.blocks[i + 1].kind == Block::Kind::Heading && chapter.blocks[i + 1].level <= b.level);
    if (b.kind == Block::Kind::Heading && b.level == 2 && section_ends && !ctx.empty_note.empty())
      element_text(parent, "p", ctx.empty_note, {{"class", "meta empty-section"}});
  }
}

}  // namespace renaksi::html
