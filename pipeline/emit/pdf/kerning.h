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
struct hb_buffer_t;

namespace renaksi::pdf {

// Where a word's glyphs move from their advance widths: after byte `at` (a character's start)
// the rest of the word moves by `shift` thousandths of an em (negative: closer).
struct Kern {
  size_t at;
  double shift;
};

// What HarfBuzz found for the words of one font file, shared by every document of the process
// that embeds it (an archive's editions, on every thread): shaping a word is some 20,000
// instructions, and the editions of a plan, and the plans of an archive, use the same words.
// Entries are never removed, so a reference to one stays good; once the table holds 8 MiB, or
// for a text longer than a word (256 bytes), the kerns are found each time instead of kept.
class KerningTable;

// A face's kerning, for one document (one thread): the table behind it is shared, its HarfBuzz
// font and buffer are not.
class Kerning {
 public:
  // `file`: the font file `face` was read from, whose table this kerning shares.
  Kerning(FT_Face face, const std::string& file);
  ~Kerning();
  Kerning(const Kerning&) = delete;
  Kerning& operator=(const Kerning&) = delete;

  // The kerns of `text`, word by word (a space neither kerns nor is kerned), remembered. The
  // reference is good until this thread asks again (it may be a text too many to keep).
  const std::vector<Kern>& of(std::string_view text) const;
  // Their sum, in thousandths of an em.
  double total(std::string_view text) const;

 private:
  std::vector<Kern> shape(std::string_view word) const;

  struct FontDeleter {
    void operator()(hb_font_t* f) const;
  };
  struct BufferDeleter {
    void operator()(hb_buffer_t* b) const;
  };
  std::unique_ptr<hb_font_t, FontDeleter> font_;
  std::unique_ptr<hb_buffer_t, BufferDeleter> buffer_;  // emptied for each word, its room kept
  double per_unit_ = 1;  // thousandths of an em per font unit
  KerningTable* table_ = nullptr;  // shared, lives as long as the process
};

}  // namespace renaksi::pdf
