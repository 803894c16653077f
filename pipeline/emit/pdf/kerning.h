// The kerning of a face, by HarfBuzz over the FreeType face the PDF embeds (the font's GPOS or
// kern table; ligatures and other substitutions off, so that every character keeps its own glyph
// and the text extracts as written).
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

struct hb_font_t;

namespace renaksi::pdf {

// Where a word's glyphs move from their advance widths: after byte `at` (a character's start)
// the rest of the word moves by `shift` thousandths of an em (negative: closer).
struct Kern {
  size_t at;
  double shift;
};

class Kerning {
 public:
  explicit Kerning(FT_Face face);
  ~Kerning();
  Kerning(const Kerning&) = delete;
  Kerning& operator=(const Kerning&) = delete;

  // The kerns of `text`, word by word (a space neither kerns nor is kerned), remembered.
  const std::vector<Kern>& of(std::string_view text) const;
  // Their sum, in thousandths of an em.
  double total(std::string_view text) const;

 private:
  std::vector<Kern> shape(std::string_view word) const;

  struct FontDeleter {
    void operator()(hb_font_t* f) const;
  };
  std::unique_ptr<hb_font_t, FontDeleter> font_;
  double per_unit_ = 1;  // thousandths of an em per font unit
  mutable std::unordered_map<std::string, std::vector<Kern>> cache_;
};

}  // namespace renaksi::pdf
