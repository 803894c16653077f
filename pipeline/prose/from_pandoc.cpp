// Reads Pandoc's JSON AST into the project's prose types.
#include "prose/from_pandoc.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "doc/link_policy.h"
#include "env/limits.h"
#include "diag/diagnostic.h"
#include "prose/html_subset.h"
#include "prose/join_words.h"
#include "text/language_tag.h"

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

constexpr std::size_t kNowhere = static_cast<std::size_t>(-1);

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// `url` with its scheme written twice ("https:https://…", "http://https://…") without the
// first, or "" when it is not so.
std::string undoubled(const std::string& url) {
  for (std::string_view prefix : kKeptLinkPrefixes) {
    const std::string_view scheme = prefix.substr(0, prefix.find(':') + 1);
    if (url.size() <= scheme.size() || !allowed_link(std::string(scheme) + "//")) continue;
    bool same = true;
    for (std::size_t k = 0; k < scheme.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(url[k])) == scheme[k];
    if (!same) continue;
    std::string rest = url.substr(scheme.size());
    if (rest.rfind("//", 0) == 0 && !allowed_link(rest)) rest.erase(0, 2);
    if (allowed_link(rest)) return rest;
  }
  return "";
}

// Elements of the safe subset that stand for blocks (and split a paragraph in a RawBlock),
// and other block elements that are dropped but whose content is kept as blocks.
bool block_element(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {"p", "ul", "ol", "li", "div", "table", "tr", "td", "th", "thead",
                                                 "tbody", "tfoot", "blockquote", "pre", "h1", "h2", "h3", "h4",
                                                 "h5", "h6", "section", "article", "header", "footer", "dl", "dt",
                                                 "dd", "hr", "form", "center", "nav", "aside", "main", "figure"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}

class Reader {
 public:
  Reader(const Warn& warn, std::string_view source) : warn_(warn), source_(source) {}

  // Each list reserved at its node count (about one item each): grown by doubling instead, a
  // plan's prose held a third more than it used (240 commitments: 145 MiB against 98).
  Blocks blocks(const json& arr) {
    Blocks out;
    out.reserve(array(arr, "a block list").size());
    for (const auto& b : arr) block(b, out);
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
        if (!b.inlines.empty()) b.inlines.push_back({Inline::Kind::LineBreak, {}, {}, true, {}, {}, {}});
        Inlines l = inlines(line);
        b.inlines.insert(b.inlines.end(), l.begin(), l.end());
      }
    } else if (t == "Div") {
      Blocks inner = blocks(at(c(node, t), 1, "a Div"));
      note(ProseWarning::Kind::Unrendered, "Div", "its content");
      out.insert(out.end(), inner.begin(), inner.end());
      return;
    } else if (t == "DefinitionList") {
      // Term and definitions become a bullet list of "term" followed by the definitions.
      b.kind = Block::Kind::BulletList;
      for (const auto& entry : array(c(node, t), "a DefinitionList")) {
        ListItem item;
        Block term;
        term.inlines.push_back({Inline::Kind::Strong, {}, {}, true, inlines(at(entry, 0, "a definition")), {}, {}});
        item.blocks.push_back(std::move(term));
        for (const auto& def : array(at(entry, 1, "a definition"), "a definition's bodies")) {
          Blocks d = blocks(def);
          item.blocks.insert(item.blocks.end(), d.begin(), d.end());
        }
        b.items.push_back(std::move(item));
      }
      note(ProseWarning::Kind::Unrendered, "DefinitionList", "a bullet list");
    } else if (t == "Null") {
      return;
    } else if (t == "RawBlock" && raw_format(node, t) == "html") {
      const std::string& raw = raw_text(node, t);
      const std::vector<html::Node> nodes =
          html::build({html::Piece{true, raw, locate(raw), 0}}, limits::kMaxProseDepth);
      html_blocks(nodes, nullptr, out);
      return;
    } else {
      note(ProseWarning::Kind::Unrendered, t, "nothing");  // RawBlock and anything newer than API 1.22
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
    bool has_html = false;
    for (const auto& i : array(arr, "an inline list")) has_html = has_html || is_raw_html_inline(i);
    if (!has_html) {
      out.reserve(arr.size());
      for (const auto& i : arr) inline_node(i, out);
      return out;
    }
    // Raw HTML tags among Pandoc's inlines: nested by the tags, the inlines between them
    // read as usual.
    std::vector<html::Piece> pieces;
    for (std::size_t k = 0; k < arr.size(); ++k) {
      if (is_raw_html_inline(arr[k])) {
        const std::string& raw = raw_text(arr[k], "RawInline");
        pieces.push_back({true, raw, locate(raw), 0});
      } else {
        pieces.push_back({false, {}, kNowhere, k});
      }
    }
    for (const auto& n : html::build(pieces, limits::kMaxProseDepth)) html_inline(n, &arr, out);
    return out;
  }

  static bool is_raw_html_inline(const json& node) {
    if (!node.is_object()) return false;
    auto t = node.find("t");
    if (t == node.end() || !t->is_string() || *t != "RawInline") return false;
    auto content = node.find("c");
    return content != node.end() && content->is_array() && content->size() == 2 && (*content)[0].is_string() &&
           (*content)[0] == "html" && (*content)[1].is_string();
  }

  static std::string raw_format(const json& node, const std::string& t) {
    return string(at(c(node, t), 0, t == "RawBlock" ? "a RawBlock" : "a RawInline"), "a raw format");
  }
  static const std::string& raw_text(const json& node, const std::string& t) {
    const json& v = at(c(node, t), 1, t == "RawBlock" ? "a RawBlock" : "a RawInline");
    if (!v.is_string()) throw BadShape{"a raw node's text is not a string"};
    return v.get_ref<const std::string&>();
  }

  // Where `needle` is in the source, searched from after the last thing found (then from the
  // start), so that repeated text is placed at its occurrence in reading order.
  std::size_t locate(std::string_view needle) {
    if (needle.empty() || source_.empty()) return kNowhere;
    std::size_t p = source_.find(needle, cursor_);
    if (p == std::string_view::npos) p = source_.find(needle);
    if (p == std::string_view::npos) return kNowhere;
    cursor_ = p + needle.size();
    return p;
  }

  // A bracketed span: `[beneficial ownership]{lang=en}` marks its text's language (an inline
  // Lang); any other attribute, class or id is not rendered (P006) and its text is kept as it is.
  // A `lang` that is not a language tag is reported (P013) and left out.
  void span(const json& content, Inlines& out) {
    const json& a = at(content, 0, "a Span");
    Inlines inner = inlines(at(content, 1, "a Span"));
    std::string lang;
    std::vector<std::string> other;
    if (const std::string id = string(at(a, 0, "a Span's attributes"), "a Span's id"); !id.empty()) other.push_back("#" + id);
    for (const auto& cls : array(at(a, 1, "a Span's attributes"), "a Span's classes"))
      other.push_back("." + string(cls, "a Span's class"));
    for (const auto& kv : array(at(a, 2, "a Span's attributes"), "a Span's attributes")) {
      const std::string key = string(at(kv, 0, "an attribute"), "an attribute's name");
      const std::string value = string(at(kv, 1, "an attribute"), "an attribute's value");
      if (key != "lang") {
        other.push_back(key);
      } else if (is_language_tag(value)) {
        lang = value;
      } else {
        // The value as written, which Pandoc keeps (the warnings of HTML and links around it
        // have moved the reader's cursor, so "lang=" alone could name another span).
        std::size_t offset = value.empty() ? kNowhere : locate(value);
        if (offset == kNowhere) offset = locate("lang=");
        note(ProseWarning::Kind::Lang, "\"" + printable(value) + "\" is not a language tag (write one such as en, id or es-MX)",
             "the text without a language mark", offset);
      }
    }
    if (!other.empty()) {
      std::string names;
      for (size_t k = 0; k < other.size() && k < 4; ++k) names += (k ? ", " : "") + printable(other[k]);
      if (other.size() > 4) names += " and " + std::to_string(other.size() - 4) + " more";
      note(ProseWarning::Kind::Unrendered, std::string(other.size() > 1 ? "span attribute list " : "span attribute ") + names,
           lang.empty() ? "its text" : "its text and its language", locate(other.front()));
    }
    if (lang.empty() || inner.empty()) {
      out.insert(out.end(), inner.begin(), inner.end());
      return;
    }
    Inline i;
    i.kind = Inline::Kind::Lang;
    i.lang = std::move(lang);
    i.children = std::move(inner);
    out.push_back(std::move(i));
  }

  void note(ProseWarning::Kind kind, std::string what, std::string kept, std::size_t offset = kNowhere) {
    warn_(ProseWarning{kind, std::move(what), std::move(kept), offset});
  }

  // The URL a link keeps: as written, or repaired (a doubled scheme, P012); nothing when its
  // scheme is not kept (P007).
  std::optional<std::string> link_target(const std::string& url, std::size_t offset) {
    if (std::string fixed = undoubled(url); !fixed.empty()) {
      note(ProseWarning::Kind::RepairedLink, "link to " + url + " has its scheme twice", "a link to " + fixed, offset);
      return fixed;
    }
    if (allowed_link(url)) return url;
    note(ProseWarning::Kind::Link, "link to " + url, "its text", offset);
    return std::nullopt;
  }

  // Text of a Str: a bare http(s):// or "www." address in it becomes a link (outside links),
  // done here rather than by Pandoc's autolink_bare_uris, which costs Pandoc half its time
  // again and knows no "www.". A doubled scheme ("https:https://…") is repaired (P012).
  void str_text(const std::string& text, Inlines& out) {
    auto add_text = [&](std::string t) {
      if (t.empty()) return;
      if (!out.empty() && out.back().kind == Inline::Kind::Text)
        out.back().text += t;
      else
        out.push_back({Inline::Kind::Text, std::move(t), {}, true, {}, {}, {}});
    };
    std::size_t from = 0;
    while (in_link_ == 0 && from < text.size()) {
      std::size_t w = std::min({text.find("www.", from), text.find("http://", from), text.find("https://", from)});
      if (w == std::string::npos) break;
      const bool www = text.compare(w, 4, "www.") == 0;
      // "https:" or "http:" just before: the scheme written twice.
      for (std::string_view twice : {"https:", "http:"})
        if (!www && w >= from + twice.size() && text.compare(w - twice.size(), twice.size(), twice) == 0) {
          w -= twice.size();
          break;
        }
      const bool starts_word = w == 0 || !(std::isalnum(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '/' ||
                                           text[w - 1] == '.' || text[w - 1] == '@' || text[w - 1] == ':');
      std::size_t end = text.size();
      const bool has_open = text.find('(', w) != std::string::npos;
      while (end > w && (std::string_view(".,;:!?]}'\"").find(text[end - 1]) != std::string_view::npos ||
                         (text[end - 1] == ')' && !has_open)))
        --end;
      const std::string address = text.substr(w, end - w);
      const std::size_t host = www ? 4 : address.find("://") + 3;
      const bool fine = starts_word && host < address.size() && std::isalnum(static_cast<unsigned char>(address[host])) &&
                        (!www || address.find('.', host) + 1 < address.size());
      if (!fine) {
        add_text(text.substr(from, w + 4 - from));
        from = w + 4;
        continue;
      }
      add_text(text.substr(from, w - from));
      std::optional<std::string> target = link_target(www ? "https://" + address : address, www ? kNowhere : locate(address));
      if (target) {
        Inline link{Inline::Kind::Link, {}, *target, true, {}, {}, {}};
        link.children.push_back({Inline::Kind::Text, address, {}, true, {}, {}, {}});
        out.push_back(std::move(link));
      } else {
        add_text(address);
      }
      from = end;
    }
    if (from < text.size()) add_text(text.substr(from));
  }

  // Text from raw HTML: words and spaces, as Pandoc would have given them.
  static void html_text(const std::string& text, Inlines& out) {
    std::size_t i = 0;
    while (i < text.size()) {
      if (is_ascii_space(text[i])) {
        while (i < text.size() && is_ascii_space(text[i])) ++i;
        if (!out.empty() && out.back().kind != Inline::Kind::Space) out.push_back({Inline::Kind::Space, {}, {}, true, {}, {}, {}});
        continue;
      }
      std::size_t e = i;
      while (e < text.size() && !is_ascii_space(text[e])) ++e;
      if (!out.empty() && out.back().kind == Inline::Kind::Text)
        out.back().text += text.substr(i, e - i);
      else
        out.push_back({Inline::Kind::Text, text.substr(i, e - i), {}, true, {}, {}, {}});
      i = e;
    }
  }

  // Warns once about an element's attributes other than `kept`.
  void check_attrs(const html::Node& n, std::string_view kept) {
    std::string dropped;
    for (const auto& a : n.attrs)
      if (a.name != kept) dropped += (dropped.empty() ? "" : ", ") + a.name;
    if (!dropped.empty())
      note(ProseWarning::Kind::Html, "HTML attribute" + std::string(n.attrs.size() > 1 ? "s " : " ") + dropped + " of <" + n.name + ">",
           "the element without " + std::string(n.attrs.size() > 1 ? "them" : "it"), n.offset);
  }

  void html_inline(const html::Node& n, const json* arr, Inlines& out) {
    switch (n.kind) {
      case html::Node::Kind::Text: html_text(n.text, out); return;
      case html::Node::Kind::Opaque:
        if (arr) inline_node((*arr)[n.opaque], out);
        return;
      case html::Node::Kind::Element: break;
    }
    Nest nest(depth_);
    const std::string& name = n.name;
    auto children_into = [&](Inlines& into) {
      for (const auto& child : n.children) html_inline(child, arr, into);
    };
    if (name == "br") {
      check_attrs(n, "");
      out.push_back({Inline::Kind::LineBreak, {}, {}, true, {}, {}, {}});
    } else if (name == "em" || name == "i" || name == "strong" || name == "b" || name == "sup" || name == "sub") {
      check_attrs(n, "");
      Inline i{name == "em" || name == "i"       ? Inline::Kind::Emph
               : name == "strong" || name == "b" ? Inline::Kind::Strong
               : name == "sup"                   ? Inline::Kind::Superscript
                                                 : Inline::Kind::Subscript,
               {}, {}, true, {}, {}, {}};
      children_into(i.children);
      out.push_back(std::move(i));
    } else if (name == "a") {
      check_attrs(n, "href");
      auto href = std::find_if(n.attrs.begin(), n.attrs.end(), [](const html::Attr& a) { return a.name == "href"; });
      std::optional<std::string> target;
      if (href != n.attrs.end() && in_link_ == 0) {
        std::string url = href->value;
        while (!url.empty() && is_ascii_space(url.back())) url.pop_back();
        const std::size_t lead = url.find_first_not_of(" \t\n\r\f");
        url.erase(0, lead == std::string::npos ? url.size() : lead);
        target = link_target(url, n.offset);
      }
      if (!target) {
        children_into(out);
        return;
      }
      Inline i{Inline::Kind::Link, {}, *target, true, {}, {}, {}};
      ++in_link_;
      children_into(i.children);
      --in_link_;
      if (i.children.empty()) i.children.push_back({Inline::Kind::Text, *target, {}, true, {}, {}, {}});
      out.push_back(std::move(i));
    } else if (html::drops_content(name)) {
      note(ProseWarning::Kind::Html, "HTML element <" + name + ">", "nothing of it", n.offset);
    } else if (name == "p" || name == "ul" || name == "ol" || name == "li" || block_element(name)) {
      // A block tag amid a paragraph's text: its content on a line of its own.
      if (name != "p" && name != "ul" && name != "ol" && name != "li")
        note(ProseWarning::Kind::Html, "HTML element <" + name + ">", "its text", n.offset);
      else
        check_attrs(n, "");
      if (!out.empty() && out.back().kind != Inline::Kind::LineBreak) out.push_back({Inline::Kind::LineBreak, {}, {}, true, {}, {}, {}});
      if (name == "li") out.push_back({Inline::Kind::Text, "\u2022 ", {}, true, {}, {}, {}});
      children_into(out);
    } else {
      note(ProseWarning::Kind::Html, "HTML element <" + name + ">", n.children.empty() ? "nothing" : "its text", n.offset);
      children_into(out);
    }
  }

  // A RawBlock's HTML as blocks: p, ul/ol/li become paragraphs and lists, inline content
  // between them paragraphs of its own.
  void html_blocks(const std::vector<html::Node>& nodes, const json* arr, Blocks& out) {
    Inlines pending;
    auto flush = [&] {
      while (!pending.empty() && pending.back().kind == Inline::Kind::Space) pending.pop_back();
      std::size_t lead = 0;
      while (lead < pending.size() && pending[lead].kind == Inline::Kind::Space) ++lead;
      pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(lead));
      if (!pending.empty()) {
        Block b;
        b.inlines = std::move(pending);
        out.push_back(std::move(b));
      }
      pending.clear();
    };
    for (const auto& n : nodes) {
      if (n.kind != html::Node::Kind::Element || !block_element(n.name)) {
        html_inline(n, arr, pending);
        continue;
      }
      flush();
      Nest nest(depth_);
      if (n.name == "p") {
        check_attrs(n, "");
        html_blocks(n.children, arr, out);
      } else if (n.name == "ul" || n.name == "ol" || n.name == "li") {
        check_attrs(n, "");
        Block b;
        b.kind = n.name == "ol" ? Block::Kind::OrderedList : Block::Kind::BulletList;
        if (n.name == "li") {
          b.items.push_back({});
          html_blocks(n.children, arr, b.items.back().blocks);
        } else {
          for (const auto& child : n.children) {
            if (child.kind == html::Node::Kind::Text && child.text.find_first_not_of(" \t\n\r\f") == std::string::npos) continue;
            b.items.push_back({});
            if (child.kind == html::Node::Kind::Element && child.name == "li") {
              check_attrs(child, "");
              html_blocks(child.children, arr, b.items.back().blocks);
            } else {
              html_blocks({child}, arr, b.items.back().blocks);
            }
          }
        }
        if (!b.items.empty()) out.push_back(std::move(b));
      } else {
        note(ProseWarning::Kind::Html, "HTML element <" + n.name + ">", n.children.empty() ? "nothing" : "its content", n.offset);
        html_blocks(n.children, arr, out);
      }
    }
    flush();
  }

  void inline_node(const json& node, Inlines& out) {
    Nest nest(depth_);
    const std::string t = tag(node);
    Inline i;
    if (t == "Str") {
      str_text(string(c(node, t), "a Str"), out);
      return;
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
      const std::size_t offset = locate(url);
      ++in_link_;
      Inlines text = inlines(at(content, 1, "a Link"));
      --in_link_;
      std::optional<std::string> target = link_target(url, offset);
      if (!target) {
        out.insert(out.end(), text.begin(), text.end());
        return;
      }
      i.kind = Inline::Kind::Link;
      i.url = std::move(*target);
      i.children = std::move(text);
    } else if (t == "Note") {
      i.kind = Inline::Kind::Note;
      const std::size_t cursor = cursor_;  // a note's text is written elsewhere in the source
      i.note = blocks(c(node, t));
      cursor_ = cursor;
    } else if (t == "Span") {
      span(c(node, t), out);
      return;
    } else if (t == "SmallCaps" || t == "Underline" || t == "Superscript" || t == "Subscript" || t == "Cite") {
      const json& children = t == "Cite" ? at(c(node, t), 1, "a Cite") : c(node, t);
      Inlines inner = inlines(children);
      note(ProseWarning::Kind::Unrendered, t, "its text");
      out.insert(out.end(), inner.begin(), inner.end());
      return;
    } else if (t == "Image") {
      Inlines alt = inlines(at(c(node, t), 1, "an Image"));
      note(ProseWarning::Kind::Unrendered, "Image", "its description");
      out.insert(out.end(), alt.begin(), alt.end());
      return;
    } else if (t == "Math") {
      i.kind = Inline::Kind::Code;
      i.text = string(at(c(node, t), 1, "a Math"), "a Math's text");
      note(ProseWarning::Kind::Unrendered, "Math", "its source text");
    } else {
      note(ProseWarning::Kind::Unrendered, t, "nothing");  // RawInline and anything newer than API 1.22
      return;
    }
    out.push_back(std::move(i));
  }

  const Warn& warn_;
  std::string_view source_;
  std::size_t cursor_ = 0;
  int in_link_ = 0;  // inside a link: no link in it
  int depth_ = 0;
};

}  // namespace

FromPandoc from_pandoc(const json& blocks, const Unsupported& report) {
  return from_pandoc(blocks, {}, [&](const ProseWarning& w) {
    report(w.what, w.kept, w.kind == ProseWarning::Kind::Link);
  });
}

FromPandoc from_pandoc(const json& blocks, std::string_view source, const Warn& warn) {
  FromPandoc r;
  // Warnings are held back until the whole tree has been read: a tree refused half-way warns
  // about nothing.
  std::vector<ProseWarning> warnings;
  const Warn hold = [&](const ProseWarning& w) { warnings.push_back(w); };
  try {
    r.blocks = Reader(hold, source).blocks(blocks);
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
  join_words(r.blocks);
  for (const auto& w : warnings) warn(w);
  return r;
}

bool parse_pandoc_json(std::string_view text, ParsedJson& out, const std::function<void(long)>& on_too_deep,
                       const OnBlock& on_block) {
  out = ParsedJson{};
  std::string key;             // the top-level key being read
  bool in_blocks = false;      // inside the top-level "blocks" value
  bool blocks_array = false;   // ... and it is an array (only its elements are blocks)
  long block = -1;             // the index of the element of "blocks" being read
  const json::parser_callback_t cb = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth == 1 && event == json::parse_event_t::key) {
      key = parsed.is_string() ? parsed.get<std::string>() : std::string();
      in_blocks = key == "blocks";
      blocks_array = false;
    }
    const bool starts = event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
    if (depth == 1 && in_blocks && event == json::parse_event_t::array_start) blocks_array = true;
    if (depth == 2 && in_blocks && (starts || event == json::parse_event_t::value)) ++block;
    if (starts && depth >= limits::kMaxPandocJsonDepth) {
      // The start of every container under a discarded one is seen too: count only the first.
      if (depth == limits::kMaxPandocJsonDepth) {
        ++out.too_deep;
        if (on_too_deep) on_too_deep(in_blocks ? block : -1);
      }
      return false;
    }
    const bool ends = event == json::parse_event_t::object_end || event == json::parse_event_t::array_end ||
                      event == json::parse_event_t::value;
    // The value of a top-level key is complete (a value event at depth 1 is the key's value).
    if (ends && depth == 1 && key == "pandoc-api-version") out.api = parsed;
    if (ends && depth == 2 && in_blocks && blocks_array && on_block) return !on_block(block, parsed);
    return true;
  };
  try {
    out.value = json::parse(text.begin(), text.end(), cb, /*allow_exceptions=*/true);
  } catch (const json::exception& e) {
    out.value = json();
    out.api = json();
    out.error = e.what();
    return false;
  }
  return true;
}

}  // namespace renaksi::prose
