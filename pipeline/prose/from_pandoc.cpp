// Reads Pandoc's JSON AST into the project's prose types.
#include "prose/from_pandoc.h"

#include <algorithm>

#include "doc/link_policy.h"
#include "env/limits.h"

namespace renaksi::prose {

using nlohmann::json;

namespace {

// Thrown inside the reader only, and caught by from_pandoc: the AST does not have the shape
// Pandoc's API gives it, or nests too deep.
struct BadShape {
  std::string what;
};
struct TooDeep {};

// Checked access: each names what it expected, for the message.
const json& array(const json& v, const char* what) {
  if (!v.is_array()) throw BadShape{std::string(what) + " is not an array"};
  return v;
}
const json& at(const json& v, size_t i, const char* what) {
  if (!v.is_array() || v.size() <= i) throw BadShape{std::string(what) + " has no element " + std::to_string(i)};
  return v[i];
}
std::string string(const json& v, const char* what) {
  if (!v.is_string()) throw BadShape{std::string(what) + " is not a string"};
  return v.get<std::string>();
}
int integer(const json& v, const char* what) {
  if (!v.is_number_integer()) throw BadShape{std::string(what) + " is not an integer"};
  const auto n = v.get<long long>();
  if (n < -1000000000LL || n > 1000000000LL) throw BadShape{std::string(what) + " is out of range"};
  return static_cast<int>(n);
}

class Reader {
 public:
  explicit Reader(const Unsupported& report) : report_(report) {}

  Blocks blocks(const json& arr) {
    Blocks out;
    for (const auto& b : array(arr, "a block list")) block(b, out);
    return out;
  }

 private:
  // One level of nesting for as long as it lives; deeper than the limit is refused.
  class Nest {
   public:
    explicit Nest(int& depth) : depth_(depth) {
      if (++depth_ > limits::kMaxProseDepth) {
        --depth_;
        throw TooDeep{};
      }
    }
    ~Nest() { --depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

   private:
    int& depth_;
  };

  static std::string tag(const json& node) {
    if (!node.is_object()) throw BadShape{"a node is not an object"};
    auto it = node.find("t");
    if (it == node.end() || !it->is_string()) throw BadShape{"a node has no type (\"t\")"};
    return it->get<std::string>();
  }

  static const json& c(const json& node, const std::string& t) {
    auto it = node.find("c");
    if (it == node.end()) throw BadShape{"a " + t + " node has no content (\"c\")"};
    return *it;
  }

  void block(const json& node, Blocks& out) {
    Nest nest(depth_);
    const std::string t = tag(node);
    Block b;
    if (t == "Para" || t == "Plain") {
      b.kind = Block::Kind::Para;
      b.inlines = inlines(c(node, t));
    } else if (t == "Header") {
      const json& content = c(node, t);
      b.kind = Block::Kind::Heading;
      b.level = integer(at(content, 0, "a Header"), "a Header's level");
      b.inlines = inlines(at(content, 2, "a Header"));
    } else if (t == "BulletList") {
      b.kind = Block::Kind::BulletList;
      for (const auto& item : array(c(node, t), "a BulletList")) b.items.push_back({blocks(item)});
    } else if (t == "OrderedList") {
      const json& content = c(node, t);
      b.kind = Block::Kind::OrderedList;
      b.start = integer(at(at(content, 0, "an OrderedList"), 0, "an OrderedList's attributes"), "a list's start");
      for (const auto& item : array(at(content, 1, "an OrderedList"), "an OrderedList's items"))
        b.items.push_back({blocks(item)});
    } else if (t == "BlockQuote") {
      b.kind = Block::Kind::BlockQuote;
      b.children = blocks(c(node, t));
    } else if (t == "CodeBlock") {
      b.kind = Block::Kind::CodeBlock;
      b.text = string(at(c(node, t), 1, "a CodeBlock"), "a CodeBlock's text");
    } else if (t == "HorizontalRule") {
      b.kind = Block::Kind::Rule;
    } else if (t == "Table") {
      table(c(node, t), b);
    } else if (t == "LineBlock") {
      // Lines of verse or an address: one paragraph with hard breaks.
      b.kind = Block::Kind::Para;
      for (const auto& line : array(c(node, t), "a LineBlock")) {
        if (!b.inlines.empty()) b.inlines.push_back({Inline::Kind::LineBreak, {}, {}, true, {}, {}});
        Inlines l = inlines(line);
        b.inlines.insert(b.inlines.end(), l.begin(), l.end());
      }
    } else if (t == "Div") {
      Blocks inner = blocks(at(c(node, t), 1, "a Div"));
      report_("Div", "its content", false);
      out.insert(out.end(), inner.begin(), inner.end());
      return;
    } else if (t == "DefinitionList") {
      // Term and definitions become a bullet list of "term" followed by the definitions.
      b.kind = Block::Kind::BulletList;
      for (const auto& entry : array(c(node, t), "a DefinitionList")) {
        ListItem item;
        Block term;
        term.inlines.push_back({Inline::Kind::Strong, {}, {}, true, inlines(at(entry, 0, "a definition")), {}});
        item.blocks.push_back(std::move(term));
        for (const auto& def : array(at(entry, 1, "a definition"), "a definition's bodies")) {
          Blocks d = blocks(def);
          item.blocks.insert(item.blocks.end(), d.begin(), d.end());
        }
        b.items.push_back(std::move(item));
      }
      report_("DefinitionList", "a bullet list", false);
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
      for (const auto& cell : array(at(row, 1, "a table row"), "a table row's cells"))
        cells.push_back({blocks(at(cell, 4, "a table cell"))});
      return cells;
    };
    const json& head_rows = array(at(at(content, 3, "a Table"), 1, "a table head"), "a table head's rows");
    if (!head_rows.empty()) b.header = cells_of(head_rows[0]);
    for (size_t i = 1; i < head_rows.size(); ++i) b.rows.push_back(cells_of(head_rows[i]));
    for (const auto& body : array(at(content, 4, "a Table"), "a table's bodies")) {
      for (const auto& row : array(at(body, 2, "a table body"), "a table body's head")) b.rows.push_back(cells_of(row));
      for (const auto& row : array(at(body, 3, "a table body"), "a table body's rows")) b.rows.push_back(cells_of(row));
    }
    for (const auto& row : array(at(at(content, 5, "a Table"), 1, "a table foot"), "a table foot's rows"))
      b.rows.push_back(cells_of(row));
  }

  Inlines inlines(const json& arr) {
    Inlines out;
    for (const auto& i : array(arr, "an inline list")) inline_node(i, out);
    return out;
  }

  void inline_node(const json& node, Inlines& out) {
    Nest nest(depth_);
    const std::string t = tag(node);
    Inline i;
    if (t == "Str") {
      i.kind = Inline::Kind::Text;
      i.text = string(c(node, t), "a Str");
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
      i.children = inlines(c(node, t));
    } else if (t == "Code") {
      i.kind = Inline::Kind::Code;
      i.text = string(at(c(node, t), 1, "a Code"), "a Code's text");
    } else if (t == "Quoted") {
      const json& content = c(node, t);
      i.kind = Inline::Kind::Quoted;
      i.double_quote = tag(at(content, 0, "a Quoted")) == "DoubleQuote";
      i.children = inlines(at(content, 1, "a Quoted"));
    } else if (t == "Link") {
      const json& content = c(node, t);
      std::string url = string(at(at(content, 2, "a Link"), 0, "a Link's target"), "a Link's URL");
      Inlines text = inlines(at(content, 1, "a Link"));
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
      i.note = blocks(c(node, t));
    } else if (t == "Span" || t == "SmallCaps" || t == "Underline" || t == "Superscript" || t == "Subscript" ||
               t == "Cite") {
      const json& children = t == "Span" || t == "Cite" ? at(c(node, t), 1, t == "Span" ? "a Span" : "a Cite") : c(node, t);
      Inlines inner = inlines(children);
      report_(t, "its text", false);
      out.insert(out.end(), inner.begin(), inner.end());
      return;
    } else if (t == "Image") {
      Inlines alt = inlines(at(c(node, t), 1, "an Image"));
      report_("Image", "its description", false);
      out.insert(out.end(), alt.begin(), alt.end());
      return;
    } else if (t == "Math") {
      i.kind = Inline::Kind::Code;
      i.text = string(at(c(node, t), 1, "a Math"), "a Math's text");
      report_("Math", "its source text", false);
    } else {
      report_(t, "nothing", false);  // RawInline and anything newer than API 1.22
      return;
    }
    out.push_back(std::move(i));
  }

  const Unsupported& report_;
  int depth_ = 0;
};

}  // namespace

FromPandoc from_pandoc(const json& blocks, const Unsupported& report) {
  FromPandoc r;
  // Warnings are held back until the whole tree has been read: a tree refused half-way warns
  // about nothing.
  std::vector<std::tuple<std::string, std::string, bool>> warnings;
  const Unsupported hold = [&](const std::string& what, const std::string& kept, bool is_link) {
    warnings.emplace_back(what, kept, is_link);
  };
  try {
    r.blocks = Reader(hold).blocks(blocks);
  } catch (const BadShape& e) {
    r.status = FromPandoc::Status::BadShape;
    r.message = e.what;
    r.blocks.clear();
    return r;
  } catch (const TooDeep&) {
    r.status = FromPandoc::Status::TooDeep;
    r.message = "nests deeper than " + std::to_string(limits::kMaxProseDepth) + " levels";
    r.blocks.clear();
    return r;
  }
  for (const auto& [what, kept, is_link] : warnings) report(what, kept, is_link);
  return r;
}

bool parse_pandoc_json(std::string_view text, ParsedJson& out, const std::function<void(long)>& on_too_deep) {
  out = ParsedJson{};
  bool in_blocks = false;  // inside the top-level "blocks" array
  long block = -1;         // the index of the element of "blocks" being read
  const json::parser_callback_t cb = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth == 1 && event == json::parse_event_t::key) in_blocks = parsed.is_string() && parsed == "blocks";
    const bool starts = event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
    if (depth == 2 && in_blocks && (starts || event == json::parse_event_t::value)) ++block;
    if (starts && depth >= limits::kMaxPandocJsonDepth) {
      // The start of every container under a discarded one is seen too: count only the first.
      if (depth == limits::kMaxPandocJsonDepth) {
        ++out.too_deep;
        if (on_too_deep) on_too_deep(in_blocks ? block : -1);
      }
      return false;
    }
    return true;
  };
  try {
    out.value = json::parse(text.begin(), text.end(), cb, /*allow_exceptions=*/true);
  } catch (const json::exception& e) {
    out.value = json();
    out.error = e.what();
    return false;
  }
  return true;
}

}  // namespace renaksi::prose
