// Laid-out pages: positioned text, rectangles, rules, links and anchors, in PDF points with the
// origin at the bottom left. The PDF writer draws them; tests inspect them.
#pragma once

#include <string>
#include <vector>

#include "style/style.h"

namespace renaksi::layout {

struct Glyphs {
  double x = 0, y = 0;  // the baseline's start
  Face face = Face::Regular;
  double size = 10;
  Colour colour;
  std::string text;     // UTF-8
  double angle = 0;     // degrees, counter-clockwise (the draft mark)
  std::string lang;     // its language (BCP 47); empty: the document's
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

struct Pages {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
};

}  // namespace renaksi::layout
