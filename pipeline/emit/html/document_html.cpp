// Composed-document blocks as HTML elements.
#include "emit/html/document_html.h"

#include <algorithm>

namespace renaksi::html {

namespace {

void mark_lang(xmlNode* n, const std::string& lang, const BlockContext& ctx) {
  if (!lang.empty() && lang != ctx.page_lang) set_attr(n, "lang", lang);
}

// A wrapper for a stand-in: the note in the page's language, then the stand-in in its own.
std::string note_for(const std::string& lang, const BlockContext& ctx) {
  auto it = ctx.fallback_notes.find(lang);
  return it == ctx.fallback_notes.end() ? ctx.mark : it->second;
}

xmlNode* fallback_box(xmlNode* parent, const std::string& lang, const BlockContext& ctx) {
  xmlNode* box = element(parent, "div", {{"class", "fallback"}});
  element_text(box, "p", note_for(lang, ctx), {{"class", "fallback-note"}});
  xmlNode* inner = element(box, "div");
  set_attr(inner, "lang", lang);
  return inner;
}

// A whole stand-in: what the part holds is empty and compose chose the administrative text.
template <class T>
const T* whole_stand_in(const doc::Localized<T>& part) {
  return part.stand_in && doc::is_empty(part.value) ? &*part.stand_in : nullptr;
}

void render_table(xmlNode* parent, const doc::TableContent& t, const std::string& kind, const std::string& lang,
                  const doc::TableContent* cell_stand_ins, const std::string& stand_in_lang, const BlockContext& ctx) {
  xmlNode* wrap = element(parent, "div", {{"class", "table-wrap"}});
  xmlNode* table = element(wrap, "table", {{"class", "table-" + kind}});
  mark_lang(table, lang, ctx);
  xmlNode* tr = element(element(table, "thead"), "tr");
  for (const auto& h : t.header) element_text(tr, "th", h, {{"scope", "col"}});
  xmlNode* body = element(table, "tbody");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    xmlNode* row = element(body, "tr");
    const auto& cells = t.rows[r];
    for (size_t c = 0; c < cells.size(); ++c) {
      xmlNode* td = element(row, "td");
      if (c < t.header.size()) set_attr(td, "data-label", t.header[c]);
      const prose::Inlines* other = nullptr;
      if (cell_stand_ins && r < cell_stand_ins->rows.size() && c < cell_stand_ins->rows[r].size() &&
          !doc::is_empty(cell_stand_ins->rows[r][c]))
        other = &cell_stand_ins->rows[r][c];
      if (other) {
        xmlNode* span = element(td, "span", {{"class", "fallback-cell"}, {"title", note_for(stand_in_lang, ctx)}});
        set_attr(span, "lang", stand_in_lang);
        render_inlines(span, *other, ctx.prose);
        if (!ctx.mark.empty()) {  // visible, not only the tooltip
          text(td, " ");
          element_text(td, "span", ctx.mark, {{"class", "stand-in-mark"}});
        }
      } else {
        render_inlines(td, cells[c], ctx.prose);
      }
    }
  }
}

void render_fields(xmlNode* parent, const doc::Block& block, const doc::Localized<doc::FieldList>& part,
                   const BlockContext& ctx) {
  // A titled list (a proposal, a comment) is a subsection: its title a heading below the section's.
  xmlNode* title = nullptr;
  if (!doc::is_empty(part.value.title)) {
    const std::string name = "h" + std::to_string(std::clamp(3 + ctx.heading_offset, 1, 6));
    title = element(parent, name.c_str(), {{"class", "fields-title"}});
    if (!block.anchor.empty()) set_attr(title, "id", block.anchor);
    mark_lang(title, part.lang, ctx);
    render_inlines(title, part.value.title, ctx.prose);
  }
  xmlNode* dl = element(parent, "dl", {{"class", "fields"}});
  if (!block.anchor.empty() && !title) set_attr(dl, "id", block.anchor);
  mark_lang(dl, part.lang, ctx);
  for (const auto& f : part.value.rows) {
    xmlNode* row = element(dl, "div");
    element_text(row, "dt", f.label);
    render_inlines(element(row, "dd"), f.value, ctx.prose);
  }
}

struct BlockRenderer {
  xmlNode* parent;
  const doc::Block& block;
  const BlockContext& ctx;

  void operator()(const doc::Heading& h) const {
    for (size_t i = 0; i < h.parts.size(); ++i) {
      const auto& part = h.parts[i];
      const prose::Inlines* other = whole_stand_in(part);
      const std::string name = "h" + std::to_string(std::clamp(h.level + ctx.heading_offset, 1, 6));
      xmlNode* e = element(parent, name.c_str());
      if (!block.anchor.empty() && i == 0) set_attr(e, "id", block.anchor);
      mark_lang(e, other ? part.stand_in_lang : part.lang, ctx);
      render_inlines(e, other ? *other : part.value, ctx.prose);
    }
  }
  void operator()(const doc::Paragraph& p) const {
    for (const auto& part : p.parts) {
      if (const prose::Inlines* other = whole_stand_in(part)) {
        render_inlines(element(fallback_box(parent, part.stand_in_lang, ctx), "p"), *other, ctx.prose);
      } else if (!doc::is_empty(part.value)) {
        xmlNode* e = element(parent, "p");
        mark_lang(e, part.lang, ctx);
        render_inlines(e, part.value, ctx.prose);
      }
    }
  }
  void operator()(const doc::Prose& p) const {
    for (const auto& part : p.parts) {
      if (const prose::SharedBlocks* other = whole_stand_in(part)) {
        render_blocks(fallback_box(parent, part.stand_in_lang, ctx), *other, ctx.prose);
      } else if (part.lang != ctx.page_lang) {
        xmlNode* div = element(parent, "div");
        mark_lang(div, part.lang, ctx);
        render_blocks(div, part.value, ctx.prose);
      } else {
        render_blocks(parent, part.value, ctx.prose);
      }
    }
  }
  void operator()(const doc::Fields& f) const {
    for (const auto& part : f.parts) render_fields(parent, block, part, ctx);
  }
  void operator()(const doc::Table& t) const {
    for (const auto& part : t.parts) {
      if (const doc::TableContent* other = whole_stand_in(part))
        render_table(parent, *other, t.kind, part.stand_in_lang, nullptr, part.stand_in_lang, ctx);
      else
        render_table(parent, part.value, t.kind, part.lang, part.stand_in ? &*part.stand_in : nullptr, part.stand_in_lang, ctx);
    }
  }
  // A page shows a chart as its table (the site draws no pictures of data).
  void operator()(const doc::Chart& c) const {
    for (const auto& part : c.parts) render_table(parent, doc::chart_table(part.value), "chart-" + c.kind, part.lang, nullptr, {}, ctx);
  }
};

}  // namespace

void render_block(xmlNode* parent, const doc::Block& block, const BlockContext& ctx) {
  std::visit(BlockRenderer{parent, block, ctx}, block.content);
}

void render_chapter_blocks(xmlNode* parent, const doc::Chapter& chapter, const BlockContext& ctx) {
  BlockContext c = ctx;
  c.prose.heading_base = 1 + ctx.heading_offset;  // the chapter's title
  for (size_t i = 0; i < chapter.blocks.size(); ++i) {
    const doc::Block& b = chapter.blocks[i];
    render_block(parent, b, c);
    const auto* heading = std::get_if<doc::Heading>(&b.content);
    if (!heading) continue;
    // A Markdown heading inside a section sits below the section's heading.
    c.prose.heading_base = heading->level + ctx.heading_offset;
    // A section heading with nothing under it before the next section: say so.
    const doc::Heading* next =
        i + 1 < chapter.blocks.size() ? std::get_if<doc::Heading>(&chapter.blocks[i + 1].content) : nullptr;
    const bool section_ends = i + 1 == chapter.blocks.size() || (next && next->level <= heading->level);
    if (heading->level == 2 && section_ends && !ctx.empty_note.empty())
      element_text(parent, "p", ctx.empty_note, {{"class", "meta empty-section"}});
  }
}

}  // namespace renaksi::html
