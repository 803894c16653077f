// Reads Pandoc's JSON AST into the project's prose types.
#include "prose/from_pandoc.h"

#include <algorithm>
#include <cctype>

namespace renaksi::prose {

using nlohmann::json;

namespace {

class Reader {
 public:
  explicit Reader(const Unsupported& report) : report_(report) {}

  Blocks blocks(const json& arr) {
    Blocks out;
    if (!arr.is_array()) return out;
    for (const auto& b : arr) block(b, out);
    return out;
  }

 private:
  static const json& c(const json& node) {
    static const json null;
    auto it = node.find("c");
    return it == node.end() ? null : *it;
  }

  static std::string tag(const json& node) {
    auto it = node.find("t");
    return it != node.end() && it->is_string() ? it->get<std::string>() : std::string("?");
  }

  void block(const json& node, Blocks& out) {
    const std::string t = tag(node);
    const json& content = c(node);
    Block b;
    if (t == "Para" || t == "Plain") {
      b.kind = Block::Kind::Para;
      b.inlines = inlines(content);
    } else if (t == "Header") {
      b.kind = Block::Kind::Heading;
      b.level = content.at(0).get<int>();
      b.inlines = inlines(content.at(2));
    } else if (t == "BulletList") {
      b.kind = Block::Kind::BulletList;
      for (const auto& item : content) b.items.push_back({blocks(item)});
    } else if (t == "OrderedList") {
      b.kind = Block::Kind::OrderedList;
      b.start = content.at(0).at(0).get<int>();
      for (const auto& item : content.at(1)) b.items.push_back({blocks(item)});
    } else if (t == "BlockQuote") {
      b.kind = Block::Kind::BlockQuote;
      b.children = blocks(content);
    } else if (t == "CodeBlock") {
      b.kind = Block::Kind::CodeBlock;
      b.text = content.at(1).get<std::string>();
    } else if (t == "HorizontalRule") {
      b.kind = Block::Kind::Rule;
    } else if (t == "Table") {
      table(content, b);
    } else if (t == "LineBlock") {
      // Lines of verse or an address: one paragraph with hard breaks.
      b.kind = Block::Kind::Para;
      for (const auto& line : content) {
        if (!b.inlines.empty()) b.inlines.push_back({Inline::Kind::LineBreak, {}, {}, true, {}, {}});
        Inlines l = inlines(line);
        b.inlines.insert(b.inlines.end(), l.begin(), l.end());
      }
    } else if (t == "Div") {
      report_("Div", "its content", false);
      Blocks inner = blocks(content.at(1));
      out.insert(out.end(), inner.begin(), inner.end());
      return;
    } else if (t == "DefinitionList") {
      // Term and definitions become a bullet list of "term" followed by the definitions.
      report_("DefinitionList", "a bullet list", false);
      b.kind = Block::Kind::BulletList;
      for (const auto& entry : content) {
        ListItem item;
        Block term;
        term.inlines.push_back({Inline::Kind::Strong, {}, {}, true, inlines(entry.at(0)), {}});
        item.blocks.push_back(std::move(term));
        for (const auto& def : entry.at(1)) {
          Blocks d = blocks(def);
          item.blocks.insert(item.blocks.end(), d.begin(), d.end());
        }
        b.items.push_back(std::move(item));
      }
    } else if (t == "Null") {
      return;
    } else {
      report_(t, "nothing", false);  // RawBlock and anything newer than API 1.22
      return;
    }
    out.push_back(std::move(b));
  }

  void table(const json& content, Block& b) {
    b.kind = Block::Kind::Table;
    auto cells_of = [&](const json& row) {
      std::vector<TableCell> cells;
      for (const auto& cell : row.at(1)) cells.push_back({blocks(cell.at(4))});
      return cells;
    };
    const json& head_rows = content.at(3).at(1);
    if (!head_rows.empty()) b.header = cells_of(head_rows.at(0));
    for (size_t i = 1; i < head_rows.size(); ++i) b.rows.push_back(cells_of(head_rows.at(i)));
    for (const auto& body : content.at(4)) {
      for (const auto& row : body.at(2)) b.rows.push_back(cells_of(row));
      for (const auto& row : body.at(3)) b.rows.push_back(cells_of(row));
    }
    for (const auto& row : content.at(5).at(1)) b.rows.push_back(cells_of(row));
  }

  Inlines inlines(const json& arr) {
    Inlines out;
    if (!arr.is_array()) return out;
    for (const auto& i : arr) inline_node(i, out);
    return out;
  }

  void inline_node(const json& node, Inlines& out) {
    const std::string t = tag(node);
    const json& content = c(node);
    Inline i;
    if (t == "Str") {
      i.kind = Inline::Kind::Text;
      i.text = content.get<std::string>();
      if (!out.empty() && out.back().kind == Inline::Kind::Text) {
        out.back().text += i.text;
        return;
      }
    } else if (t == "Space") {
      i.kind = Inline::Kind::Space;
    } else if (t == "SoftBreak") {
      i.kind = Inline::Kind::SoftBreak;
    } else if (t == "LineBreak") {
      i.kind = Inline::Kind::LineBreak;
    } else if (t == "Emph" || t == "Strong" || t == "Strikeout") {
      i.kind = t == "Emph" ? Inline::Kind::Emph : t == "Strong" ? Inline::Kind::Strong : Inline::Kind::Strikeout;
      i.children = inlines(content);
    } else if (t == "Code") {
      i.kind = Inline::Kind::Code;
      i.text = content.at(1).get<std::string>();
    } else if (t == "Quoted") {
      i.kind = Inline::Kind::Quoted;
      i.double_quote = tag(content.at(0)) == "DoubleQuote";
      i.children = inlines(content.at(1));
    } else if (t == "Link") {
      std::string url = content.at(2).at(0).get<std::string>();
      Inlines text = inlines(content.at(1));
      if (!allowed_link(url)) {
        report_("link to " + url, "its text", true);
        out.insert(out.end(), text.begin(), text.end());
        return;
      }
      i.kind = Inline::Kind::Link;
      i.url = std::move(url);
      i.children = std::move(text);
    } else if (t == "Note") {
      i.kind = Inline::Kind::Note;
      i.note = blocks(content);
    } else if (t == "Span" || t == "SmallCaps" || t == "Underline" || t == "Superscript" || t == "Subscript" ||
               t == "Cite") {
      const json& children = t == "Span" || t == "Cite" ? content.at(1) : content;
      report_(t, "its text", false);
      Inlines inner = inlines(children);
      out.insert(out.end(), inner.begin(), inner.end());
      return;
    } else if (t == "Image") {
      report_("Image", "its description", false);
      Inlines alt = inlines(content.at(1));
      out.insert(out.end(), alt.begin(), alt.end());
      return;
    } else if (t == "Math") {
      report_("Math", "its source text", false);
      i.kind = Inline::Kind::Code;
      i.text = content.at(1).get<std::string>();
    } else {
      report_(t, "nothing", false);  // RawInline and anything newer than API 1.22
      return;
    }
    out.push_back(std::move(i));
  }

  const Unsupported& report_;
};

}  // namespace

bool allowed_link(const std::string& url) {
  std::string lower = url.substr(0, 8);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:");
}

Blocks from_pandoc(const json& blocks, const Unsupported& report) { return Reader(report).blocks(blocks); }

}  // namespace renaksi::prose
