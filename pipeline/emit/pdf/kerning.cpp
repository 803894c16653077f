// The kerning of a face, by HarfBuzz.
#include "emit/pdf/kerning.h"

#include <hb-ft.h>
#include <hb.h>

namespace renaksi::pdf {

void Kerning::FontDeleter::operator()(hb_font_t* f) const { hb_font_destroy(f); }

Kerning::Kerning(FT_Face face) {
  if (!face) return;
  hb_face_t* hb_face = hb_ft_face_create_referenced(face);
  if (!hb_face) return;
  hb_font_t* font = hb_font_create(hb_face);
  const unsigned upem = hb_face_get_upem(hb_face);
  hb_face_destroy(hb_face);  // the font holds its own reference
  if (!font || font == hb_font_get_empty() || upem == 0) return;
  // Unscaled: positions in font units, read from the font's own tables (no hinting).
  hb_font_set_scale(font, static_cast<int>(upem), static_cast<int>(upem));
  font_.reset(font);
  per_unit_ = 1000.0 / upem;
}

Kerning::~Kerning() = default;

std::vector<Kern> Kerning::shape(std::string_view word) const {
  std::vector<Kern> out;
  if (!font_ || word.empty() || word.size() > 4096) return out;
  hb_buffer_t* buf = hb_buffer_create();
  if (!hb_buffer_allocation_successful(buf)) {
    hb_buffer_destroy(buf);
    return out;
  }
  hb_buffer_add_utf8(buf, word.data(), static_cast<int>(word.size()), 0, static_cast<int>(word.size()));
  hb_buffer_guess_segment_properties(buf);
  // The PDF draws the characters in their order: shape them left to right.
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  static const hb_feature_t features[] = {
      {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
      {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
      {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
      {HB_TAG('d', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
      {HB_TAG('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
  };
  hb_shape(font_.get(), buf, features, sizeof features / sizeof features[0]);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  for (unsigned i = 0; info && pos && i + 1 < count; ++i) {
    // A kern moves what follows the glyph: only between characters (clusters), not to a mark.
    if (info[i + 1].cluster <= info[i].cluster) continue;
    const hb_position_t plain = hb_font_get_glyph_h_advance(font_.get(), info[i].codepoint);
    const hb_position_t shift = pos[i].x_advance - plain;
    if (shift != 0) out.push_back({info[i + 1].cluster, shift * per_unit_});
  }
  hb_buffer_destroy(buf);
  return out;
}

const std::vector<Kern>& Kerning::of(std::string_view text) const {
  static const std::vector<Kern> none;
  if (text.size() > 4096) return none;  // not a line of text (hostile input): left unkerned
  auto it = cache_.find(std::string(text));
  if (it != cache_.end()) return it->second;
  std::vector<Kern> all;
  for (size_t from = 0; from < text.size();) {
    size_t to = text.find(' ', from);
    if (to == std::string_view::npos) to = text.size();
    for (const Kern& k : shape(text.substr(from, to - from))) all.push_back({from + k.at, k.shift});
    from = to + 1;
  }
  if (cache_.size() > 100000) cache_.clear();
  return cache_.emplace(std::string(text), std::move(all)).first->second;
}

double Kerning::total(std::string_view text) const {
  double sum = 0;
  for (const Kern& k : of(text)) sum += k.shift;
  return sum;
}

}  // namespace renaksi::pdf
