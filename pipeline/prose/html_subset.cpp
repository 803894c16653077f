// Raw HTML in prose: tokenizer and tree builder.
#include "prose/html_subset.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace renaksi::prose::html {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Reads one tag starting at raw[i] == '<'. False when it is not a well-formed tag.
bool read_tag(std::string_view raw, std::size_t i, Token& tok, std::size_t& end) {
  std::size_t p = i + 1;
  tok = Token{};
  tok.offset = i;
  if (p < raw.size() && raw[p] == '/') {
    tok.kind = Token::Kind::Close;
    ++p;
  } else {
    tok.kind = Token::Kind::Open;
  }
  if (p >= raw.size() || !is_alpha(raw[p])) return false;
  while (p < raw.size() && (is_alpha(raw[p]) || is_digit(raw[p]) || raw[p] == '-')) tok.name += lower(raw[p++]);
  if (p < raw.size() && !is_space(raw[p]) && raw[p] != '>' && raw[p] != '/') return false;
  // Attributes, each step consuming at least one character.
  while (p < raw.size()) {
    const char c = raw[p];
    if (is_space(c)) {
      ++p;
    } else if (c == '>') {
      end = p + 1;
      return true;
    } else if (c == '/') {
      if (p + 1 < raw.size() && raw[p + 1] == '>') tok.self_closing = true;
      ++p;
    } else {
      Attr a;
      while (p < raw.size() && !is_space(raw[p]) && raw[p] != '=' && raw[p] != '>' && raw[p] != '/')
        a.name += lower(raw[p++]);
      if (a.name.empty()) a.name += raw[p++];  // a lone '=': taken as a (nameless) attribute
      std::size_t q = p;
      while (q < raw.size() && is_space(raw[q])) ++q;
      if (q < raw.size() && raw[q] == '=') {
        ++q;
        while (q < raw.size() && is_space(raw[q])) ++q;
        if (q < raw.size() && (raw[q] == '"' || raw[q] == '\'')) {
          const std::size_t close = raw.find(raw[q], q + 1);
          if (close == std::string_view::npos) return false;  // an unclosed quote: not a tag
          a.value = decode_entities(raw.substr(q + 1, close - q - 1));
          p = close + 1;
        } else {
          std::size_t e = q;
          while (e < raw.size() && !is_space(raw[e]) && raw[e] != '>') ++e;
          a.value = decode_entities(raw.substr(q, e - q));
          p = e;
        }
      }
      if (tok.kind == Token::Kind::Open) tok.attrs.push_back(std::move(a));
    }
  }
  return false;  // no closing '>'
}

bool is_void(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kVoid = {"area", "base", "br", "col", "embed", "hr", "img",
                                                             "input", "link", "meta", "param", "source", "track", "wbr"};
  return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
}

}  // namespace

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '&') {
      out += text[i++];
      continue;
    }
    const std::size_t semi = text.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out += text[i++];
      continue;
    }
    const std::string_view name = text.substr(i + 1, semi - i - 1);
    std::uint32_t code = 0;
    bool ok = true;
    if (name == "amp") code = '&';
    else if (name == "lt") code = '<';
    else if (name == "gt") code = '>';
    else if (name == "quot") code = '"';
    else if (name == "apos") code = '\'';
    else if (name == "nbsp") code = 0xA0;
    else if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      ok = !digits.empty();
      for (char c : digits) {
        int d = is_digit(c) ? c - '0' : hex && lower(c) >= 'a' && lower(c) <= 'f' ? lower(c) - 'a' + 10 : -1;
        if (d < 0 || code > 0x10FFFF) {
          ok = false;
          break;
        }
        code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      ok = ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
    } else {
      ok = false;
    }
    if (!ok) {
      out += text[i++];
      continue;
    }
    append_utf8(out, code);
    i = semi + 1;
  }
  return out;
}

std::vector<Token> tokenize(std::string_view raw) {
  std::vector<Token> out;
  std::size_t text_start = 0;
  auto flush_text = [&](std::size_t upto) {
    if (upto > text_start) {
      Token t;
      t.kind = Token::Kind::Text;
      t.text = decode_entities(raw.substr(text_start, upto - text_start));
      t.offset = text_start;
      out.push_back(std::move(t));
    }
  };
  std::size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] != '<') {
      ++i;
      continue;
    }
    if (raw.substr(i, 4) == "<!--") {
      flush_text(i);
      const std::size_t close = raw.find("-->", i + 4);
      Token t;
      t.kind = Token::Kind::Comment;
      t.offset = i;
      out.push_back(std::move(t));
      i = close == std::string_view::npos ? raw.size() : close + 3;
      text_start = i;
      continue;
    }
    Token tag;
    std::size_t end = 0;
    if (read_tag(raw, i, tag, end)) {
      flush_text(i);
      out.push_back(std::move(tag));
      i = end;
      text_start = i;
    } else {
      ++i;  // a '<' that starts no tag is text
    }
  }
  flush_text(raw.size());
  return out;
}

bool drops_content(std::string_view name) {
  static constexpr std::array<std::string_view, 15> kDropped = {
      "script", "style", "iframe", "object", "noscript", "template", "textarea", "title",
      "svg",    "math",  "select", "head",   "frameset", "noembed",  "xmp"};
  return std::find(kDropped.begin(), kDropped.end(), name) != kDropped.end();
}

std::vector<Node> build(const std::vector<Piece>& pieces, int max_depth) {
  Node root;
  root.kind = Node::Kind::Element;
  // The open elements as a path of child indexes from the root (pointers would dangle as
  // children vectors grow).
  std::vector<std::size_t> path;
  std::vector<std::string> names;
  auto top = [&]() -> Node& {
    Node* n = &root;
    for (std::size_t k : path) n = &n->children[k];
    return *n;
  };
  auto close_to = [&](std::size_t depth) {
    path.resize(depth);
    names.resize(depth);
  };
  for (const Piece& piece : pieces) {
    if (!piece.raw) {
      Node n;
      n.kind = Node::Kind::Opaque;
      n.opaque = piece.opaque;
      top().children.push_back(std::move(n));
      continue;
    }
    for (Token& t : tokenize(piece.html)) {
      const std::size_t at = piece.offset == kNoOffset ? kNoOffset : piece.offset + t.offset;
      switch (t.kind) {
        case Token::Kind::Comment: break;
        case Token::Kind::Text: {
          Node n;
          n.kind = Node::Kind::Text;
          n.text = std::move(t.text);
          n.offset = at;
          top().children.push_back(std::move(n));
          break;
        }
        case Token::Kind::Close: {
          auto it = std::find(names.rbegin(), names.rend(), t.name);
          if (it != names.rend()) close_to(static_cast<std::size_t>(names.rend() - it) - 1);
          break;
        }
        case Token::Kind::Open: {
          if ((t.name == "p" || t.name == "li") && !names.empty() && names.back() == t.name) close_to(names.size() - 1);
          Node n;
          n.kind = Node::Kind::Element;
          n.name = t.name;
          n.attrs = std::move(t.attrs);
          n.offset = at;
          const bool holds = !t.self_closing && !is_void(t.name);
          if (holds && static_cast<int>(names.size()) >= max_depth) break;  // too deep: the tag is ignored
          Node& parent = top();
          parent.children.push_back(std::move(n));
          if (holds) {
            path.push_back(parent.children.size() - 1);
            names.push_back(t.name);
          }
          break;
        }
      }
    }
  }
  return std::move(root.children);
}

}  // namespace renaksi::prose::html
