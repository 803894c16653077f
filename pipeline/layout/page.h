// Laid-out pages: positioned text, rectangles, rules, links and anchors, in PDF points with the
// origin at the bottom left. The PDF writer draws them; tests inspect them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "style/style.h"

namespace renaksi::layout {

// The languages a document's text is in, each held once: a run of glyphs names its language by
// its index here. (A long bilingual edition lays out some 700,000 runs: a string each was 32
// bytes of every run.)
class Languages {
 public:
  // The most languages told apart: a run holds its index in 16 bits. A further language (a text
  // of that many distinct tags is not a plan) is read as the document's.
  static constexpr size_t kMax = 0xFFFF;
  // The index of `lang` (BCP 47), added the first time; 0 is the empty language (the document's).
  uint16_t id(const std::string& lang) {
    if (lang.empty()) return 0;
    if (auto known = ids_.find(lang); known != ids_.end()) return known->second;
    if (tags_.size() > kMax) return 0;
    const auto id = static_cast<uint16_t>(tags_.size());
    ids_.emplace(lang, id);
    tags_.push_back(lang);
    return id;
  }
  // The language of index `id`; empty for 0 or an index not given out.
  const std::string& operator[](uint32_t id) const {
    static const std::string none;
    return id < tags_.size() ? tags_[id] : none;
  }

 private:
  std::vector<std::string> tags_{std::string()};
  std::map<std::string, uint16_t, std::less<>> ids_;
};

// A run's colour as the PDF is given it: libharu takes each component in single precision, so a
// run holds them so (12 bytes, not Colour's 24) and is drawn exactly as from the Colour.
struct RunColour {
  float r = 0, g = 0, b = 0;
  RunColour() = default;
  RunColour(const Colour& c)  // implicit: a run is coloured from the style's colours
      : r(static_cast<float>(c.r)), g(static_cast<float>(c.g)), b(static_cast<float>(c.b)) {}
  bool operator==(const RunColour&) const = default;
};

// A run of text in one face, size and colour, placed. Its members are ordered to pack (80 bytes:
// a long edition holds hundreds of thousands until it is drawn); it is made in the order a caller
// thinks of it: where, in what face and size, in what colour, what text.
struct Glyphs {
  Glyphs() = default;
  Glyphs(double x_, double y_, Face face_, double size_, const Colour& colour_, std::string text_, float angle_ = 0,
         uint16_t lang_ = 0, int elem_ = -1)
      : x(x_), y(y_), size(size_), colour(colour_), angle(angle_), text(std::move(text_)), elem(elem_), lang(lang_), face(face_) {}

  double x = 0, y = 0;  // the baseline's start
  double size = 10;
  RunColour colour;
  float angle = 0;      // degrees, counter-clockwise (the draft mark)
  std::string text;     // UTF-8
  int elem = -1;        // its structure element (Pages::elements); -1: an artifact (running head, mark)
  uint16_t lang = 0;    // its language: an index into Pages::langs; 0: the document's
  Face face = Face::Regular;
};
static_assert(sizeof(void*) != 8 || sizeof(Glyphs) <= 80, "a glyph run is held by the hundred thousand: keep it packed");

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;  // y is the bottom edge
  Colour fill;
};

struct Rule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Colour colour;
  bool dotted = false;  // leaders in the table of contents
};

struct LinkArea {
  double x = 0, y = 0, w = 0, h = 0;
  std::string target;  // "https://…", "mailto:…", or "#anchor" inside the document
  int elem = -1;       // its /Link structure element; -1: none
};

struct Anchor {
  std::string id;
  double y = 0;  // the top of what it names
};

struct Page {
  std::vector<Rect> rects;    // drawn first
  std::vector<Rule> rules;
  std::vector<Glyphs> text;
  std::vector<LinkArea> links;
  std::vector<Anchor> anchors;
  std::vector<Glyphs> marks;  // drawn before the text, translucent: the "DRAFT n" mark

  // Gives back what its lists hold beyond their contents, once nothing more is added to it. The
  // lists grow by doubling as a page fills: a long edition's pages, all held until it is drawn,
  // otherwise kept about a third again of their glyph runs unused (240 commitments: ~20 MiB).
  void shrink() {
    rects.shrink_to_fit();
    rules.shrink_to_fit();
    text.shrink_to_fit();
    links.shrink_to_fit();
    anchors.shrink_to_fit();
    marks.shrink_to_fit();
  }
};

// A bookmark and table-of-contents entry.
struct OutlineEntry {
  std::string title;
  std::string anchor;
  int level = 1;
};

// The structure types of a tagged PDF (PDF 32000-1, 14.8.4) that the layout uses.
enum class Tag : uint8_t { Document, Part, Sect, Div, H1, H2, H3, H4, H5, H6, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Link, TOC, TOCI, BlockQuote, Note };

// One element of the structure tree. Its children are the elements naming it as parent; their
// order, and the order of its own marked text, is the order in which their text is drawn.
// (8 bytes: a long bilingual edition has some 94,000.)
struct Element {
  Element() = default;
  Element(Tag tag_, int parent_, uint16_t lang_ = 0, bool row_header_ = false)
      : tag(tag_), row_header(row_header_), lang(lang_), parent(parent_) {}

  Tag tag = Tag::P;
  bool row_header = false;  // a TH heading its row (a field's label) rather than its column
  uint16_t lang = 0;        // its language: an index into Pages::langs; 0: its parent's
  int parent = -1;          // an index into Pages::elements, always lower than this element's; -1: the root
};

struct Pages {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<Element> elements;  // the structure tree: [0] the Document, parents before children
  Languages langs;                 // the languages the glyph runs name
};

}  // namespace renaksi::layout
