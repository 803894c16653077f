// The kerning of a face, by HarfBuzz.
#include "emit/pdf/kerning.h"

#include <hb-ft.h>
#include <hb.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <system_error>

#include "text/string_map.h"

namespace renaksi::pdf {

class KerningTable {
 public:
  // What a table keeps at most: words up to 256 bytes (longer texts are lines or cells, measured
  // once), and 8 MiB of them with their entries (an archive's words: about 1.5 MiB a face).
  static constexpr size_t kMaxText = 256;
  static constexpr size_t kMaxBytes = size_t{8} << 20;
  static constexpr size_t kEntryBytes = 96;  // a map node, its key and its vector, beside the text

  // The table of the font file `file` as it is now (its size and time are part of the key: a
  // long-running `renaksi serve` may see the file replaced), made on first use.
  static KerningTable& of_file(const std::string& file) {
    std::error_code size_error, time_error;
    const auto size = std::filesystem::file_size(file, size_error);
    const auto time = std::filesystem::last_write_time(file, time_error).time_since_epoch().count();
    const std::string key = file + '\n' + std::to_string(size_error ? 0 : size) + '\n' +
                            std::to_string(time_error ? 0 : static_cast<long long>(time));
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<KerningTable>, std::less<>> tables;
    std::lock_guard lock(mutex);
    auto& table = tables[key];
    if (!table) table = std::make_unique<KerningTable>();
    return *table;
  }

  // The kerns of `text` when known; null otherwise.
  const std::vector<Kern>* find(std::string_view text) const {
    std::shared_lock lock(mutex_);
    auto it = words_.find(text);
    return it == words_.end() ? nullptr : &it->second;
  }

  // Keeps `kerns` for `text` (unless it is too long, or the table full): null when not kept.
  const std::vector<Kern>* keep(std::string_view text, std::vector<Kern> kerns) {
    if (text.size() > kMaxText) return nullptr;
    std::unique_lock lock(mutex_);
    if (auto it = words_.find(text); it != words_.end()) return &it->second;  // another thread's
    const size_t cost = kEntryBytes + text.size() + kerns.size() * sizeof(Kern);
    if (bytes_ + cost > kMaxBytes) return nullptr;
    bytes_ += cost;
    return &words_.emplace(std::string(text), std::move(kerns)).first->second;
  }

 private:
  mutable std::shared_mutex mutex_;
  StringMap<std::vector<Kern>> words_;
  size_t bytes_ = 0;
};

void Kerning::FontDeleter::operator()(hb_font_t* f) const { hb_font_destroy(f); }
void Kerning::BufferDeleter::operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }

Kerning::Kerning(FT_Face face, const std::string& file) {
  if (!face) return;
  table_ = &KerningTable::of_file(file);
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
  hb_buffer_t* buf = hb_buffer_create();
  if (hb_buffer_allocation_successful(buf)) buffer_.reset(buf);
  else hb_buffer_destroy(buf);
}

Kerning::~Kerning() = default;

std::vector<Kern> Kerning::shape(std::string_view word) const {
  std::vector<Kern> out;
  if (!font_ || !buffer_ || word.empty() || word.size() > 4096) return out;
  hb_buffer_t* buf = buffer_.get();
  hb_buffer_clear_contents(buf);
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
  return out;
}

const std::vector<Kern>& Kerning::of(std::string_view text) const {
  static const std::vector<Kern> none;
  if (text.size() > 4096) return none;  // not a line of text (hostile input): left unkerned
  if (!table_) return none;
  if (const std::vector<Kern>* known = table_->find(text)) return *known;
  std::vector<Kern> all;
  for (size_t from = 0; from < text.size();) {
    size_t to = text.find(' ', from);
    if (to == std::string_view::npos) to = text.size();
    for (const Kern& k : shape(text.substr(from, to - from))) all.push_back({from + k.at, k.shift});
    from = to + 1;
  }
  thread_local std::vector<Kern> unkept;
  if (const std::vector<Kern>* kept = table_->keep(text, all)) return *kept;
  unkept = std::move(all);
  return unkept;
}

double Kerning::total(std::string_view text) const {
  double sum = 0;
  for (const Kern& k : of(text)) sum += k.shift;
  return sum;
}

}  // namespace renaksi::pdf
