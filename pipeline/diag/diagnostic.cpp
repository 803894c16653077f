// Diagnostics: recording, counting, ordering and printing.
#include "diag/diagnostic.h"

#include <algorithm>
#include <map>

namespace renaksi {

std::string Diagnostic::str() const {
  std::string out = loc.str();
  out += severity == Severity::Error ? ": error[" : ": warning[";
  out += code_id(code);
  out += "]: ";
  out += message;
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
