// A Measure for layout tests: every character is 0.5 em wide, every character is covered but
// U+FFFF.
#pragma once

#include <unicode/utf8.h>

#include "layout/measure.h"

namespace renaksi::layout::testing {

class FixedMeasure : public Measure {
 public:
  double width(Face, double size, std::string_view s) const override {
    int n = 0;
    for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
      ++n;
    }
    return n * size * 0.5;
  }
  bool covers(Face, char32_t c) const override { return c != 0xFFFF; }
  double ascent(Face) const override { return 0.8; }
};

}  // namespace renaksi::layout::testing
