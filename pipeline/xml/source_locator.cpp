// Finds the column of an element or attribute in a file's text.
#include "xml/source_locator.h"

namespace renaksi {

namespace {
bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == ':' || c == '.';
}

// Position of `<name` followed by a non-name character in `line`, from `from`; npos if none.
size_t find_tag(std::string_view line, std::string_view name, size_t from) {
  std::string needle = "<" + std::string(name);
  for (size_t pos = line.find(needle, from); pos != std::string_view::npos; pos = line.find(needle, pos + 1)) {
    size_t after = pos + needle.size();
    if (after >= line.size() || !name_char(line[after])) return pos;
  }
  return std::string_view::npos;
}
}  // namespace

SourceLocator::SourceLocator(std::string_view text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines_.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
}

std::pair<int, int> SourceLocator::element(int line, std::string_view name) { return find(line, name, &cursor_); }

std::pair<int, int> SourceLocator::first_element(int line, std::string_view name) const {
  return find(line, name, nullptr);
}

std::pair<int, int> SourceLocator::find(int line, std::string_view name, std::map<int, size_t>* cursor) const {
  if (line <= 0 || line > static_cast<int>(lines_.size())) return {line, 0};
  // A start tag may span lines: look on the reported line first, then up to 20 lines back.
  for (int l = line; l >= 1 && l > line - 20; --l) {
    size_t from = cursor ? (*cursor)[l] : 0;
    size_t pos = find_tag(lines_[l - 1], name, from);
    if (pos != std::string_view::npos) {
      if (cursor) (*cursor)[l] = pos + 1;
      return {l, static_cast<int>(pos) + 1};
    }
  }
  return {line, 0};
}

std::pair<int, int> SourceLocator::attribute(int line, int col, std::string_view name) const {
  if (line <= 0 || col <= 0) return {line, col};
  for (int l = line; l <= static_cast<int>(lines_.size()) && l < line + 20; ++l) {
    std::string_view text = lines_[l - 1];
    size_t from = l == line ? static_cast<size_t>(col) : 0;
    size_t tag_end = text.find('>', from);
    for (size_t pos = text.find(name, from); pos < tag_end; pos = text.find(name, pos + 1)) {
      bool starts = pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t');
      size_t after = pos + name.size();
      while (after < text.size() && text[after] == ' ') ++after;
      if (starts && after < text.size() && text[after] == '=') return {l, static_cast<int>(pos) + 1};
    }
    if (tag_end != std::string_view::npos) break;  // the start tag ended on this line
  }
  return {line, col};
}

}  // namespace renaksi
