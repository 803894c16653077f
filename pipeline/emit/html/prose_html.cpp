// Prose as HTML elements.
#include "emit/html/prose_html.h"

#include <algorithm>

#include "doc/link_policy.h"

namespace renaksi::html {

using prose::Block;
using prose::Inline;

namespace {

std::string heading_name(int level) { return "h" + std::to_string(std::clamp(level, 1, 6)); }

// A list item or table cell of one paragraph is written without the <p>.
bool single_para(const prose::Blocks& blocks) { return blocks.size() == 1 && blocks[0].kind == Block::Kind::Para; }

void render_cell_blocks(xmlNode* parent, const prose::Blocks& blocks, const ProseContext& ctx) {
  if (single_para(blocks))
    render_inlines(parent, blocks[0].inlines, ctx);
  else
    render_blocks(parent, blocks, ctx);
}

}  // namespace


void render_inlines(xmlNode* parent, const prose::Inlines& inlines, const ProseContext& ctx) {
  for (const auto& i : inlines) {
    switch (i.kind) {
      case Inline::Kind::Text: text(parent, i.text); break;
      case Inline::Kind::Space:
      case Inline::Kind::SoftBreak: text(parent, " "); break;
      case Inline::Kind::LineBreak: element(parent, "br"); break;
      case Inline::Kind::Emph: render_inlines(element(parent, "em"), i.children, ctx); break;
      case Inline::Kind::Strong: render_inlines(element(parent, "strong"), i.children, ctx); break;
      case Inline::Kind::Strikeout: render_inlines(element(parent, "s"), i.children, ctx); break;
      case Inline::Kind::Inserted: render_inlines(element(parent, "ins"), i.children, ctx); break;
      case Inline::Kind::Deleted: render_inlines(element(parent, "del"), i.children, ctx); break;
      case Inline::Kind::Superscript: render_inlines(element(parent, "sup"), i.children, ctx); break;
      case Inline::Kind::Subscript: render_inlines(element(parent, "sub"), i.children, ctx); break;
      case Inline::Kind::Code: element_text(parent, "code", i.text); break;
      case Inline::Kind::Quoted:
        text(parent, i.double_quote ? "\u201c" : "\u2018");
        render_inlines(parent, i.children, ctx);
        text(parent, i.double_quote ? "\u201d" : "\u2019");
        break;
      case Inline::Kind::Link: {
        std::string href;
        if (prose::allowed_link(i.url.get()))
          href = i.url.get();
        else if (ctx.internal_link)
          href = ctx.internal_link(i.url.get());
        if (href.empty()) {
          render_inlines(parent, i.children, ctx);  // the text stays; the target does not
        } else {
          xmlNode* a = element(parent, "a", {{"href", href}});
          render_inlines(a, i.children, ctx);
          if (!a->children) text(a, i.url.get());
        }
        break;
      }
      case Inline::Kind::Lang: {
        // A term in another language than the page's: its own lang, for screen readers,
        // hyphenation and search.
        xmlNode* span = element(parent, "span", {{"lang", i.lang}});
        render_inlines(span, i.children, ctx);
        break;
      }
      case Inline::Kind::StandIn: {
        // Another language's text, in its language, then the visible mark.
        if (!i.children.empty()) {
          xmlNode* span = element(parent, "span", {{"class", "stand-in"}});
          if (!i.lang.empty()) set_attr(span, "lang", i.lang);
          render_inlines(span, i.children, ctx);
          text(parent, " ");
        }
        element_text(parent, "span", i.text, {{"class", "stand-in-mark"}});
        break;
      }
      case Inline::Kind::Note: {
        if (!ctx.notes) break;
        ctx.notes->items.push_back(i.note);
        const std::string n = std::to_string(ctx.notes->items.size());
        xmlNode* sup = element(parent, "sup", {{"class", "note-ref"}});
        element_text(sup, "a", n, {{"href", "#note-" + n}, {"id", "note-ref-" + n}});
        break;
      }
    }
  }
}

void render_blocks(xmlNode* parent, const prose::Blocks& blocks, const ProseContext& ctx) {
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::Kind::Para: render_inlines(element(parent, "p"), b.inlines, ctx); break;
      case Block::Kind::Heading:
        render_inlines(element(parent, heading_name(ctx.heading_base + b.level).c_str()), b.inlines, ctx);
        break;
      case Block::Kind::BulletList:
      case Block::Kind::OrderedList: {
        xmlNode* list = element(parent, b.kind == Block::Kind::BulletList ? "ul" : "ol");
        if (b.kind == Block::Kind::OrderedList && b.start != 1) set_attr(list, "start", std::to_string(b.start));
        for (const auto& item : b.items) render_cell_blocks(element(list, "li"), item.blocks, ctx);
        break;
      }
      case Block::Kind::BlockQuote: render_blocks(element(parent, "blockquote"), b.children, ctx); break;
      case Block::Kind::CodeBlock: element_text(element(parent, "pre"), "code", b.text); break;
      case Block::Kind::Table: {
        xmlNode* wrap = element(parent, "div", {{"class", "table-wrap"}});
        xmlNode* table = element(wrap, "table");
        if (!b.header.empty()) {
          xmlNode* tr = element(element(table, "thead"), "tr");
          for (const auto& cell : b.header) render_cell_blocks(element(tr, "th", {{"scope", "col"}}), cell.blocks, ctx);
        }
        xmlNode* body = element(table, "tbody");
        for (const auto& row : b.rows) {
          xmlNode* tr = element(body, "tr");
          for (const auto& cell : row) render_cell_blocks(element(tr, "td"), cell.blocks, ctx);
        }
        break;
      }
      case Block::Kind::Rule: element(parent, "hr"); break;
    }
  }
}

void write_notes(xmlNode* parent, const Notes& notes, const std::string& title, const std::string& back,
                 const ProseContext& ctx) {
  if (notes.items.empty()) return;
  xmlNode* section = element(parent, "section", {{"class", "notes"}, {"aria-labelledby", "notes-title"}});
  element_text(section, "h2", title, {{"id", "notes-title"}});
  xmlNode* ol = element(section, "ol");
  ProseContext inner = ctx;
  inner.notes = nullptr;  // a note does not hold notes
  inner.heading_base = 3;
  for (size_t k = 0; k < notes.items.size(); ++k) {
    const std::string n = std::to_string(k + 1);
    xmlNode* li = element(ol, "li", {{"id", "note-" + n}});
    render_blocks(li, notes.items[k], inner);
    text(li, " ");
    element_text(li, "a", "\u21a9", {{"href", "#note-ref-" + n}, {"class", "note-back"}, {"aria-label", back}});
  }
}

}  // namespace renaksi::html
