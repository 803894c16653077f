// Raw HTML in prose: a small tag tokenizer and tree builder for the fragments Pandoc leaves as
// RawInline/RawBlock, so the prose reader can keep the safe subset (a, br, em/i, strong/b,
// ul/ol/li, p, sup/sub) as real content and drop the rest with a warning at the tag.
//
// Why not a library: libxml2's HTML parser (the one HTML parser already linked) wants a whole
// document and repairs it (it inserts <html><body><p>, moves text, merges the split tags
// Pandoc hands over one at a time: "<a href=…>" in one RawInline, "</a>" in another, the text
// between them as Pandoc nodes), and it gives no byte offsets. What prose needs is much less:
// tags and text with their offsets, interleaved with Pandoc's own nodes, nested by a stack.
// Nothing here ever writes markup: the result is a tree the reader turns into prose types.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace renaksi::prose::html {

inline constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

struct Attr {
  std::string name;   // lower case
  std::string value;  // entities decoded
};

struct Token {
  enum class Kind { Text, Open, Close, Comment };
  Kind kind = Kind::Text;
  std::string name;  // tags: lower case
  std::vector<Attr> attrs;
  bool self_closing = false;
  std::string text;  // Text: entities decoded
  std::size_t offset = 0;  // in the raw string
};

// Splits raw HTML into text, tags and comments. Never fails: a '<' that does not start a
// well-formed tag (no name, no closing '>') is text. Linear in the input.
std::vector<Token> tokenize(std::string_view raw);

// Decodes the character references prose uses: the named ones of XML plus nbsp, and numeric
// ones (&#8212; &#x2014;). An unknown or malformed reference stays as written.
std::string decode_entities(std::string_view text);

// One piece of the input to `build`: a raw HTML string, or the index of a node that is not
// HTML (a Pandoc inline between the tags).
struct Piece {
  bool raw = false;
  std::string_view html;          // raw pieces
  std::size_t offset = kNoOffset; // where `html` starts in the prose source, if known
  std::size_t opaque = 0;         // other pieces
};

struct Node {
  enum class Kind { Element, Text, Opaque };
  Kind kind = Kind::Text;
  std::string name;
  std::vector<Attr> attrs;
  std::string text;
  std::size_t opaque = 0;
  std::size_t offset = kNoOffset;  // in the prose source, if known
  std::vector<Node> children;
};

// Nests the pieces' tokens by a stack: a closing tag closes everything opened after its
// opening tag, a stray one is ignored, void elements (br, img, …) and <x/> hold nothing, a <p>
// or <li> closes an open one, and whatever is still open at the end is closed there. At most
// `max_depth` elements are open at once; tags past that are ignored. Comments are left out.
std::vector<Node> build(const std::vector<Piece>& pieces, int max_depth);

// Elements whose content is not text to show (script, style, iframe, …): dropped whole.
bool drops_content(std::string_view name);

}  // namespace renaksi::prose::html
