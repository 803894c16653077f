// Laid-out pages: positioned text, rectangles, rules, links and anchors, in PDF points with the
// origin at the bottom left. The PDF writer draws them; tests inspect them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "style/style.h"

namespace renaksi::layout {

// The languages a document's text is in, each held once: a run of glyphs names its language by
// its index here. (A long bilingual edition lays out some 700,000 runs: a string each was 32
// bytes of every run.)
class Languages {
 public:
  // The index of `lang` (BCP 47), added the first time; 0 is the empty language (the document's).
  uint32_t id(const std::string& lang) {
    if (lang.empty()) return 0;
    auto [it, added] = ids_.try_emplace(lang, static_cast<uint32_t>(tags_.size()));
    if (added) tags_.push_back(lang);
    return it->second;
  }
  // The language of index `id`; empty for 0 or an index not given out.
  const std::string& operator[](uint32_t id) const {
    static const std::string none;
    return id < tags_.size() ? tags_[id] : none;
  }

 private:
  std::vector<std::string> tags_{std::string()};
  std::map<std::string, uint32_t, std::less<>> ids_;
};

struct Glyphs {
  double x = 0, y = 0;  // the baseline's start
  Face face = Face::Regular;
  double size = 10;
  Colour colour;
  std::string text;     // UTF-8
  float angle = 0;      // degrees, counter-clockwise (the draft mark)
  uint32_t lang = 0;    // its language: an index into Pages::langs; 0: the document's
  int elem = -1;        // its structure element (Pages::elements); -1: an artifact (running head, mark)
};

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
};

// A bookmark and table-of-contents entry.
struct OutlineEntry {
  std::string title;
  std::string anchor;
  int level = 1;
};

// The structure types of a tagged PDF (PDF 32000-1, 14.8.4) that the layout uses.
enum class Tag { Document, Part, Sect, Div, H1, H2, H3, H4, H5, H6, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Link, TOC, TOCI, BlockQuote, Note };

// One element of the structure tree. Its children are the elements naming it as parent; their
// order, and the order of its own marked text, is the order in which their text is drawn.
struct Element {
  Tag tag = Tag::P;
  int parent = -1;   // an index into Pages::elements, always lower than this element's; -1: the root
  std::string lang;  // its language; empty: its parent's
  bool row_header = false;  // a TH heading its row (a field's label) rather than its column
};

struct Pages {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<Element> elements;  // the structure tree: [0] the Document, parents before children
  Languages langs;                 // the languages the glyph runs name
};

}  // namespace renaksi::layout
