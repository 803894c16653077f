// Prose types to Pandoc JSON AST nodes.
#include "emit/docx/prose_to_pandoc.h"

#include <algorithm>
#include <string>

#include "emit/docx/pandoc_nodes.h"

namespace renaksi::pandoc {

namespace {

// Another language's text in a Span that carries its language (Word's w:lang), then the mark in
// italics; the mark alone where there is no text (a bilingual edition).
json stand_in(const prose::Inline& i) {
  json out = json::array();
  if (!i.children.empty()) {
    out.push_back(node("Span", json::array({attr({}, {{"lang", i.lang}}), to_pandoc(i.children)})));
    out.push_back(node("Space"));
  }
  out.push_back(emph(text(i.text)));
  return out;
}

json inline_node(const prose::Inline& i) {
  using K = prose::Inline::Kind;
  switch (i.kind) {
    case K::Text: return text(i.text);
    case K::Space: return json::array({node("Space")});
    case K::SoftBreak: return json::array({node("SoftBreak")});
    case K::LineBreak: return json::array({node("LineBreak")});
    case K::Emph: return json::array({emph(to_pandoc(i.children))});
    case K::Strong: return json::array({strong(to_pandoc(i.children))});
    case K::Strikeout: return json::array({node("Strikeout", to_pandoc(i.children))});
    case K::Inserted: return json::array({node("Underline", to_pandoc(i.children))});
    case K::Deleted: return json::array({node("Strikeout", to_pandoc(i.children))});
    case K::Superscript: return json::array({node("Superscript", to_pandoc(i.children))});
    case K::Subscript: return json::array({node("Subscript", to_pandoc(i.children))});
    case K::Code: return json::array({node("Code", json::array({attr(), i.text}))});
    case K::Link: return json::array({link(to_pandoc(i.children), i.url)});
    case K::Quoted:
      return json::array({node("Quoted", json::array({node(i.double_quote ? "DoubleQuote" : "SingleQuote"), to_pandoc(i.children)}))});
    case K::Note: return json::array({node("Note", to_pandoc(i.note))});
    case K::StandIn: return stand_in(i);
    case K::Lang: return json::array({node("Span", json::array({attr({}, {{"lang", i.lang}}), to_pandoc(i.children)}))});
  }
  return json::array();
}

class Writer {
 public:
  explicit Writer(int first_heading_level) : first_heading_level_(first_heading_level) {}

  json blocks(const prose::Blocks& bs, bool tight = false) const {
    json out = json::array();
    for (const auto& b : bs) out.push_back(block(b, tight));
    return out;
  }

 private:
  json block(const prose::Block& b, bool tight) const {
    using K = prose::Block::Kind;
    switch (b.kind) {
      case K::Para: return tight ? plain(to_pandoc(b.inlines)) : para(to_pandoc(b.inlines));
      case K::Heading:
        return header(std::min(6, first_heading_level_ + std::max(b.level, 1) - 1), {}, to_pandoc(b.inlines));
      case K::BulletList: return node("BulletList", items(b.items));
      case K::OrderedList:
        return node("OrderedList",
                    json::array({json::array({b.start, node("Decimal"), node("Period")}), items(b.items)}));
      case K::BlockQuote: return node("BlockQuote", blocks(b.children));
      case K::CodeBlock: return node("CodeBlock", json::array({attr(), b.text}));
      case K::Table: {
        auto cells = [&](const std::vector<prose::TableCell>& row) {
          std::vector<json> out;
          for (const auto& c : row) out.push_back(blocks(c.blocks, true));
          return out;
        };
        std::vector<std::vector<json>> rows;
        for (const auto& r : b.rows) rows.push_back(cells(r));
        return table({}, cells(b.header), rows);
      }
      case K::Rule: return node("HorizontalRule");
    }
    return node("Null");
  }

  json items(const std::vector<prose::ListItem>& list) const {
    json out = json::array();
    for (const auto& item : list) out.push_back(blocks(item.blocks, true));
    return out;
  }

  int first_heading_level_;
};

}  // namespace

json to_pandoc(const prose::Inlines& inlines) {
  // Words and the spaces between them go out joined into one Str, as merge_text joins them: a
  // node (a map) per word and per space was most of the time a Word edition took to write.
  json out = json::array();
  std::string words;
  auto flush = [&] {
    if (!words.empty()) out.push_back(node("Str", std::move(words)));
    words.clear();
  };
  for (const auto& i : inlines) {
    using K = prose::Inline::Kind;
    if (i.kind == K::Text) {
      words += i.text;
    } else if (i.kind == K::Space || i.kind == K::SoftBreak) {
      words += ' ';
    } else {
      flush();
      for (auto& n : inline_node(i)) out.push_back(std::move(n));
    }
  }
  flush();
  return out;
}

json to_pandoc(const prose::Blocks& blocks, int first_heading_level) { return Writer(first_heading_level).blocks(blocks); }

}  // namespace renaksi::pandoc
