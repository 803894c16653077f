// The page style of a PDF edition, read from a layouts/*.json file: page geometry, fonts, sizes,
// colours and spacing, all data so that a restyle needs no code.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace renaksi::layout {

enum class Face : uint8_t { Regular, Bold, Italic, BoldItalic, Mono };
constexpr int kFaceCount = 5;

struct Colour {
  double r = 0, g = 0, b = 0;  // 0..1
};

struct TextStyle {
  double size = 10;
  double leading = 14;
  double space_before = 0;
  double space_after = 0;
};

struct Style {
  std::string name;
  double page_width = 595.276, page_height = 841.89;
  double margin_top = 72, margin_bottom = 72, margin_left = 64, margin_right = 64;
  std::array<std::filesystem::path, kFaceCount> fonts;  // resolved font files
  Colour text, accent, muted, rule, link, table_header, table_stripe, fields_fill, draft_mark;
  TextStyle body, chapter_title, section, subsection, table, fields, toc;
  double paragraph_gap = 5;
  double justify_min_width = 300;  // narrower columns (a bilingual edition's) are set ragged-right
  double list_indent = 13, list_item_gap = 2;
  double code_size = 8.5;
  double quote_indent = 12;
  double table_padding = 4, table_rule_width = 0.5;
  double fields_label_share = 0.3, fields_padding = 6;
  // The widest the label column may grow to fit its longest word; a label whose word is wider
  // still goes above its value.
  double fields_label_max_share = 0.45;
  double gutter = 18;
  bool tables_side_by_side = false;  // false: a bilingual edition sets each language's table full width, one after the other
  double header_size = 7.5, header_baseline_from_top = 42;
  double footer_size = 7.5, footer_baseline_from_bottom = 38;
  double cover_title_size = 26, cover_title_leading = 32, cover_subtitle_size = 13, cover_line_size = 10.5;
  double cover_band_height = 260;
  double draft_mark_size = 96, draft_mark_angle = 45;
  std::map<std::string, std::vector<double>> table_columns;  // table kind -> column shares
  // Language (BCP 47, lower case) -> its hyphenation patterns, from the table the layout names
  // ("hyphenation": a file beside the layout, layouts/hyphenation.json); a language
  // without patterns is not hyphenated.
  std::map<std::string, std::filesystem::path> hyphenation;

  double text_width() const { return page_width - margin_left - margin_right; }
  double text_top() const { return page_height - margin_top; }  // PDF y grows upwards
  double text_bottom() const { return margin_bottom; }

  // Reads a layout file; every problem is an E001 error at its file.
  static std::optional<Style> load(const std::filesystem::path& file, Diagnostics& diags);
};

}  // namespace renaksi::layout
