// Diagnostics: recording, counting, ordering and printing.
#include "diag/diagnostic.h"

#include <algorithm>
#include <unicode/utf8.h>

#include <climits>
#include <cstdint>
#include <cstdio>
#include <map>

namespace renaksi {

namespace {

bool needs_escape(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0x061C;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char buf[16];
  // ICU's U8_NEXT decodes (and rejects ill-formed sequences, overlongs and surrogates included);
  // a diagnostic's text is far below int32_t's range.
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 cp;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) {  // every byte of the ill-formed sequence, as \xNN
      for (int32_t k = start; k < i; ++k) {
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(bytes[k]));
        out += buf;
      }
    } else if (!needs_escape(static_cast<char32_t>(cp))) {
      out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x80) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    }
  }
  return out;
}

std::string Diagnostic::str() const {
  SourceLoc shown = loc;
  shown.file = printable(loc.file);
  std::string out = shown.str();
  out += severity == Severity::Error ? ": error[" : ": warning[";
  out += code_id(code);
  out += "]: ";
  out += printable(message);
  return out;
}

void Diagnostics::error(Code code, SourceLoc loc, std::string message) {
  items_.push_back({Severity::Error, code, std::move(loc), std::move(message)});
}

void Diagnostics::warning(Code code, SourceLoc loc, std::string message) {
  items_.push_back({Severity::Warning, code, std::move(loc), std::move(message)});
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::Error; });
}

size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

void Diagnostics::register_file(const std::string& file) {
  if (std::find(files_.begin(), files_.end(), file) == files_.end()) files_.push_back(file);
}

void Diagnostics::sort() {
  std::map<std::string, size_t> file_order;
  for (const auto& f : files_) file_order.emplace(f, file_order.size());
  for (const auto& d : items_) file_order.emplace(d.loc.file, file_order.size());
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    auto fa = file_order[a.loc.file], fb = file_order[b.loc.file];
    if (fa != fb) return fa < fb;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.col < b.loc.col;
  });
}

}  // namespace renaksi
