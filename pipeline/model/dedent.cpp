// Text normalisation for content fields.
#include "model/dedent.h"

#include <vector>

#include "model/plan.h"

namespace renaksi {

namespace {
bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool blank(std::string_view line) {
  for (char c : line)
    if (!is_xml_space(c)) return false;
  return true;
}
}  // namespace

Dedented dedent(std::string_view raw) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= raw.size()) {
    size_t nl = raw.find('\n', start);
    if (nl == std::string_view::npos) nl = raw.size();
    std::string_view line = raw.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  Dedented out;
  size_t first = 0;
  while (first < lines.size() && blank(lines[first])) ++first;
  size_t last = lines.size();
  while (last > first && blank(lines[last - 1])) --last;
  out.leading_blank = static_cast<int>(first);
  if (first == last) return out;

  // The common prefix of leading white space over the non-blank lines.
  std::string_view prefix;
  bool have_prefix = false;
  for (size_t i = first; i < last; ++i) {
    if (blank(lines[i])) continue;
    size_t n = 0;
    while (n < lines[i].size() && (lines[i][n] == ' ' || lines[i][n] == '\t')) ++n;
    std::string_view indent = lines[i].substr(0, n);
    if (!have_prefix) {
      prefix = indent;
      have_prefix = true;
    } else {
      size_t k = 0;
      while (k < prefix.size() && k < indent.size() && prefix[k] == indent[k]) ++k;
      prefix = prefix.substr(0, k);
    }
  }
  out.indent = static_cast<int>(prefix.size());
  for (size_t i = first; i < last; ++i) {
    std::string_view line = lines[i];
    if (blank(line))
      line = {};
    else
      line.remove_prefix(prefix.size());
    if (i > first) out.text += '\n';
    out.text += line;
  }
  return out;
}

void set_text_value(Text& text, const std::string& raw, TextKind kind) {
  if (kind == TextKind::Prose) {
    Dedented d = dedent(raw);
    text.value = std::move(d.text);
    text.body_line = text.loc.line + d.leading_blank;
    text.body_indent = d.indent;
  } else {
    text.value = collapse_whitespace(raw);
    text.body_line = text.loc.line;
  }
}

std::string collapse_whitespace(std::string_view raw) {
  std::string out;
  bool pending_space = false;
  for (char c : raw) {
    if (is_xml_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace renaksi
