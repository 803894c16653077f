// Word's language of a run for text in another language than its edition's.
#include "emit/docx/word_language.h"

#include <optional>
#include <string>

#include "emit/docx/pandoc_nodes.h"
#include "text/language_tag.h"

namespace renaksi::docx {

using nlohmann::json;

namespace {

struct RunStyle {
  bool italic = false;
  bool bold = false;
};

void escape_into(const std::string& text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
}

const std::string* tag_of(const json& node) {
  if (!node.is_object()) return nullptr;
  auto t = node.find("t");
  return t != node.end() && t->is_string() ? t->get_ptr<const std::string*>() : nullptr;
}

// One run of `text` in `lang` with `style`; "" for no text.
std::string run(const std::string& text, const std::string& lang, RunStyle style) {
  if (text.empty()) return {};
  std::string out = "<w:r><w:rPr>";
  if (style.bold) out += "<w:b/><w:bCs/>";
  if (style.italic) out += "<w:i/><w:iCs/>";
  out += "<w:lang w:val=\"" + lang + "\"/></w:rPr><w:t xml:space=\"preserve\">";
  escape_into(text, out);
  return out + "</w:t></w:r>";
}

// The runs of `inlines` in `lang`, or nothing when one of them is not plain styled text.
class Runs {
 public:
  explicit Runs(std::string lang) : lang_(std::move(lang)) {}

  bool add(const json& inlines, RunStyle style, int depth) {
    if (!inlines.is_array() || depth > 64) return false;
    for (const auto& n : inlines) {
      const std::string* t = tag_of(n);
      if (!t) return false;
      auto content = n.find("c");
      if (*t == "Str" && content != n.end() && content->is_string()) {
        text(content->get<std::string>(), style);
      } else if (*t == "Space" || *t == "SoftBreak") {
        text(" ", style);
      } else if (*t == "LineBreak") {
        flush();
        xml_ += "<w:r><w:br/></w:r>";
      } else if ((*t == "Emph" || *t == "Strong") && content != n.end()) {
        RunStyle inner = style;
        (*t == "Emph" ? inner.italic : inner.bold) = true;
        if (!add(*content, inner, depth + 1)) return false;
      } else if (*t == "Quoted" && content != n.end() && content->is_array() && content->size() == 2) {
        const std::string* kind = tag_of((*content)[0]);
        const bool single = kind && *kind == "SingleQuote";
        text(single ? "\u2018" : "\u201c", style);
        if (!add((*content)[1], style, depth + 1)) return false;
        text(single ? "\u2019" : "\u201d", style);
      } else {
        return false;
      }
    }
    return true;
  }

  std::string finish() {
    flush();
    return std::move(xml_);
  }

 private:
  void text(const std::string& s, RunStyle style) {
    if (!pending_.empty() && (style.italic != style_.italic || style.bold != style_.bold)) flush();
    style_ = style;
    pending_ += s;
  }
  void flush() {
    xml_ += run(pending_, lang_, style_);
    pending_.clear();
  }

  std::string lang_;
  std::string xml_;
  std::string pending_;
  RunStyle style_;
};

// The raw runs replacing `span` (a Span node), when it has a language and plain text.
std::optional<json> as_runs(const json& span, RunStyle style) {
  const auto content = span.find("c");
  if (content == span.end() || !content->is_array() || content->size() != 2) return std::nullopt;
  const json& attr = (*content)[0];
  if (!attr.is_array() || attr.size() != 3 || !attr[2].is_array()) return std::nullopt;
  std::string lang;
  for (const auto& kv : attr[2])
    if (kv.is_array() && kv.size() == 2 && kv[0] == "lang" && kv[1].is_string()) lang = kv[1].get<std::string>();
  if (!is_language_tag(lang)) return std::nullopt;
  Runs runs(lang);
  if (!runs.add((*content)[1], style, 0)) return std::nullopt;
  return pandoc::node("RawInline", json::array({"openxml", runs.finish()}));
}

void walk(json& value, RunStyle style, int depth) {
  if (depth > 256) return;  // deeper than renaksi writes: left as it is
  if (value.is_array()) {
    for (auto& item : value) {
      const std::string* t = tag_of(item);
      if (t && *t == "Span") {
        if (auto raw = as_runs(item, style)) {
          item = std::move(*raw);
          continue;
        }
      }
      walk(item, style, depth + 1);
    }
  } else if (value.is_object()) {
    const std::string* t = tag_of(value);
    auto content = value.find("c");
    if (content == value.end()) {
      // The document itself: its blocks.
      if (auto blocks = value.find("blocks"); blocks != value.end()) walk(*blocks, style, depth + 1);
      return;
    }
    RunStyle inner = style;
    if (t && *t == "Emph") inner.italic = true;
    if (t && *t == "Strong") inner.bold = true;
    walk(*content, inner, depth + 1);
  }
}

}  // namespace

void mark_languages(json& ast) { walk(ast, {}, 0); }

}  // namespace renaksi::docx
