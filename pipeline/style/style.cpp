// The page style of a PDF edition, read from a layouts/*.json file.
#include "style/style.h"
#include "env/read_file.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace renaksi::layout {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::optional<Colour> parse_colour(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  auto part = [&](size_t i) { return std::stoi(hex.substr(i, 2), nullptr, 16) / 255.0; };
  try {
    return Colour{part(1), part(3), part(5)};
  } catch (...) {
    return std::nullopt;
  }
}

// Reads the hyphenation table `file` names (layouts/hyphenation.json): its pattern folders and,
// per language, the pattern files to use, the first one found winning.
bool load_hyphenation(const fs::path& file, std::map<std::string, fs::path>& out, Diagnostics& diags) {
  const std::string name = file.lexically_normal().generic_string();
  std::string text;
  const ReadResult read = read_file(file, text);
  if (!read) {
    diags.error(Code::E001, {name, 0, 0}, "cannot read the hyphenation table the layout names: it " + read.reason);
    return false;
  }
  try {
    const json j = json::parse(text);
    std::vector<fs::path> dirs;
    for (const auto& d : j.value("dirs", json::array())) dirs.emplace_back(d.get<std::string>());
    bool ok = true;
    const json languages = j.value("languages", json::object());
    for (const auto& [lang, files] : languages.items()) {
      std::vector<std::string> names;
      if (files.is_string())
        names.push_back(files.get<std::string>());
      else
        names = files.get<std::vector<std::string>>();
      fs::path found;
      for (const auto& n : names)
        for (const auto& d : dirs)
          if (found.empty() && fs::exists(d / n)) found = d / n;
      if (found.empty()) {
        diags.error(Code::E001, {name, 0, 0},
                    "the hyphenation patterns for '" + lang + "' are not in the table's dirs; install their Debian package (scripts/setup)");
        ok = false;
        continue;
      }
      std::string tag = lang;
      for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out[tag] = found;
    }
    return ok;
  } catch (const json::exception& e) {
    diags.error(Code::E001, {name, 0, 0}, std::string("the hyphenation table is not valid: ") + e.what());
    return false;
  }
}

}  // namespace

std::optional<Style> Style::load(const fs::path& file, Diagnostics& diags) {
  const std::string name = file.generic_string();
  std::string text;
  const ReadResult read = read_file(file, text);
  if (!read) {
    diags.error(Code::E001, {name, 0, 0}, "cannot read the layout file: it " + read.reason);
    return std::nullopt;
  }
  Style s;
  bool ok = true;
  try {
    const json j = json::parse(text);
    auto num = [&](const char* section, const char* key, double& out) {
      if (!j.contains(section) || !j[section].contains(key)) {
        diags.error(Code::E001, {name, 0, 0}, std::string("the layout lacks ") + section + "." + key);
        ok = false;
        return;
      }
      out = j[section][key].get<double>();
      if (out < 0) {
        diags.error(Code::E001, {name, 0, 0}, std::string(section) + "." + key + " must not be negative");
        ok = false;
      }
    };
    auto text = [&](const char* section, TextStyle& t, bool spaced) {
      num(section, "size", t.size);
      num(section, "leading", t.leading);
      if (spaced && j[section].contains("space_before")) t.space_before = j[section]["space_before"].get<double>();
      if (spaced && j[section].contains("space_after")) t.space_after = j[section]["space_after"].get<double>();
    };
    s.name = j.value("name", file.stem().string());
    num("page", "width", s.page_width);
    num("page", "height", s.page_height);
    num("margins", "top", s.margin_top);
    num("margins", "bottom", s.margin_bottom);
    num("margins", "left", s.margin_left);
    num("margins", "right", s.margin_right);
    std::vector<fs::path> dirs;
    for (const auto& d : j.value("font_dirs", json::array())) dirs.emplace_back(d.get<std::string>());
    const char* faces[kFaceCount] = {"regular", "bold", "italic", "bold_italic", "mono"};
    for (int f = 0; f < kFaceCount; ++f) {
      std::string font = j.contains("fonts") ? j["fonts"].value(faces[f], "") : "";
      fs::path found;
      for (const auto& d : dirs)
        if (fs::exists(d / font)) found = d / font;
      if (font.empty() || found.empty()) {
        if (fs::path(font).is_absolute() && fs::exists(font)) {
          found = font;
        } else {
          diags.error(Code::E001, {name, 0, 0},
                      std::string("the ") + faces[f] + " font '" + font +
                          "' is not in the layout's font_dirs; install its Debian package (scripts/setup)");
          ok = false;
        }
      }
      s.fonts[static_cast<size_t>(f)] = found;
    }
    struct {
      const char* key;
      Colour* out;
    } colours[] = {{"text", &s.text},       {"accent", &s.accent},   {"muted", &s.muted},
                   {"rule", &s.rule},       {"link", &s.link},       {"table_header", &s.table_header},
                   {"table_stripe", &s.table_stripe}, {"fields_fill", &s.fields_fill}, {"draft_mark", &s.draft_mark}};
    for (auto& c : colours) {
      auto v = j.contains("colours") ? parse_colour(j["colours"].value(c.key, "")) : std::nullopt;
      if (!v) {
        diags.error(Code::E001, {name, 0, 0}, std::string("colours.") + c.key + " must be a colour like \"#1c2227\"");
        ok = false;
      } else {
        *c.out = *v;
      }
    }
    text("body", s.body, false);
    num("body", "paragraph_gap", s.paragraph_gap);
    num("body", "justify_min_width", s.justify_min_width);
    text("chapter_title", s.chapter_title, true);
    text("section", s.section, true);
    text("subsection", s.subsection, true);
    text("table", s.table, true);
    text("fields", s.fields, true);
    text("toc", s.toc, false);
    num("list", "indent", s.list_indent);
    num("list", "item_gap", s.list_item_gap);
    num("code", "size", s.code_size);
    num("quote", "indent", s.quote_indent);
    num("table", "padding", s.table_padding);
    num("table", "rule_width", s.table_rule_width);
    num("fields", "label_share", s.fields_label_share);
    num("fields", "padding", s.fields_padding);
    if (j["fields"].contains("label_max_share")) num("fields", "label_max_share", s.fields_label_max_share);
    num("columns", "gutter", s.gutter);
    s.tables_side_by_side = j["columns"].value("tables_side_by_side", false);
    num("header", "size", s.header_size);
    num("header", "baseline_from_top", s.header_baseline_from_top);
    num("footer", "size", s.footer_size);
    num("footer", "baseline_from_bottom", s.footer_baseline_from_bottom);
    num("cover", "title_size", s.cover_title_size);
    num("cover", "title_leading", s.cover_title_leading);
    num("cover", "subtitle_size", s.cover_subtitle_size);
    num("cover", "line_size", s.cover_line_size);
    num("cover", "band_height", s.cover_band_height);
    num("draft_mark", "size", s.draft_mark_size);
    num("draft_mark", "angle", s.draft_mark_angle);
    const json table_columns = j.value("table_columns", json::object());
    for (const auto& [kind, shares] : table_columns.items()) {
      std::vector<double> v = shares.get<std::vector<double>>();
      double sum = 0;
      for (double x : v) sum += x;
      if (v.empty() || sum <= 0) {
        diags.error(Code::E001, {name, 0, 0}, "table_columns." + kind + " must list positive shares");
        ok = false;
        continue;
      }
      for (double& x : v) x /= sum;
      s.table_columns[kind] = std::move(v);
    }
    if (j.contains("hyphenation") && !load_hyphenation(file.parent_path() / j["hyphenation"].get<std::string>(), s.hyphenation, diags))
      ok = false;
    if (ok && (s.text_width() < 144 || s.text_top() - s.text_bottom() < 144)) {
      diags.error(Code::E001, {name, 0, 0}, "the margins leave less than 2 inches of text area");
      ok = false;
    }
  } catch (const json::exception& e) {
    diags.error(Code::E001, {name, 0, 0}, std::string("the layout file is not valid: ") + e.what());
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return s;
}

}  // namespace renaksi::layout
