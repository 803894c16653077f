// What the layout needs to know of the fonts: the width of a text and which characters a face
// can show. The PDF writer supplies it from the fonts it embeds.
#pragma once

#include <string_view>

#include "style/style.h"

namespace renaksi::layout {

class Measure {
 public:
  virtual ~Measure() = default;
  // Width in points of `utf8` set in `face` at `size` points, without kerning.
  virtual double width(Face face, double size, std::string_view utf8) const = 0;
  // How far the face's tallest glyphs rise above the baseline, in em (the font's ascent).
  virtual double ascent(Face face) const = 0;
  // True when `face` has a glyph for the character.
  virtual bool covers(Face face, char32_t c) const = 0;
};

}  // namespace renaksi::layout
