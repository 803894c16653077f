// PDF objects written as text into the file libharu saved.
//
// Written by hand: libharu writes a document only from its object layer (see structure_tree.h
// for why the structure tree is not built there), and the libraries that edit PDF files (qpdf,
// PoDoFo) would read the whole file into their own object model again, the cost this avoids.
#include "emit/pdf/object_text.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string_view>

namespace renaksi::pdf {

namespace {

constexpr size_t kEntry = 20;  // "0000000015 00000 n\r\n"
constexpr size_t kMaxOffset = 9999999999ULL;

// The unsigned number at `at` in `s`, and where it ends; nothing when there is none.
std::optional<std::pair<size_t, size_t>> number_at(const std::string& s, size_t at) {
  size_t value = 0;
  const char* first = s.data() + at;
  const char* last = s.data() + s.size();
  if (at >= s.size()) return std::nullopt;
  auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end == first) return std::nullopt;
  return std::make_pair(value, static_cast<size_t>(end - s.data()));
}

void entry(std::string& out, size_t offset, const char* rest) {
  char buf[kEntry + 1];
  std::snprintf(buf, sizeof buf, "%010zu %s", offset, rest);
  out.append(buf, kEntry);
}

}  // namespace

std::string& ObjectText::begin(uint32_t number) {
  if (open_ || number != next()) ok_ = false;
  open_ = true;
  starts_.push_back(text_.size());
  text_ += std::to_string(number);
  text_ += " 0 obj\n";
  return text_;
}

void ObjectText::end() {
  if (!open_) ok_ = false;
  open_ = false;
  text_ += "\nendobj\n";
}

std::optional<SavedFile> SavedFile::read(const std::string& file) {
  SavedFile f;
  const size_t start = file.rfind("startxref\n");
  if (start == std::string::npos) return std::nullopt;
  auto xref = number_at(file, start + 10);
  if (!xref || file.compare(xref->second, 7, "\n%%EOF\n") != 0 || xref->second + 7 != file.size()) return std::nullopt;
  f.xref = xref->first;
  f.trailer_end = start;
  if (f.xref >= start || file.compare(f.xref, 7, "xref\n0 ") != 0) return std::nullopt;
  auto count = number_at(file, f.xref + 7);
  if (!count || count->first < 1 || count->second >= file.size() || file[count->second] != '\n') return std::nullopt;
  const size_t table = count->second + 1;
  // Bounded by the file: a count the table cannot hold is refused before anything is read.
  if (count->first > (start - table) / kEntry) return std::nullopt;
  f.trailer = table + count->first * kEntry;
  if (file.compare(f.trailer, 8, "trailer\n") != 0) return std::nullopt;
  // An incremental update's table names the one before it: the objects would be in two tables.
  if (std::string_view(file).substr(f.trailer, start - f.trailer).find("/Prev") != std::string_view::npos) return std::nullopt;
  f.offsets.resize(count->first);
  for (size_t n = 0; n < count->first; ++n) {
    const size_t at = table + n * kEntry;
    auto offset = number_at(file, at);
    if (!offset || offset->second != at + 10 || file.compare(at + 10, 10, n == 0 ? " 65535 f\r\n" : " 00000 n\r\n") != 0)
      return std::nullopt;
    f.offsets[n] = offset->first;
    // The free list's head, then objects in the order of their numbers, all before the table.
    if (n == 0 ? offset->first != 0 : offset->first >= f.xref || (n > 1 && offset->first <= f.offsets[n - 1])) return std::nullopt;
  }
  return f;
}

size_t SavedFile::end_of(uint32_t number) const {
  return number + 1 < offsets.size() ? offsets[number + 1] : xref;
}

bool SavedFile::rewrite(std::string& file, uint32_t replaced, const std::string& with, const ObjectText& added) const {
  if (replaced == 0 || replaced >= offsets.size() || !added.ok() || added.first() != offsets.size()) return false;
  const size_t from = offsets[replaced], to = end_of(replaced);
  const size_t objects_end = xref - (to - from) + with.size();  // where the added objects start
  const size_t size = offsets.size() + added.count();
  if (objects_end + added.text().size() > kMaxOffset) return false;
  const std::string size_key = "/Size " + std::to_string(offsets.size()) + "\n";
  const size_t size_at = file.find(size_key, trailer);
  if (size_at == std::string::npos || size_at >= trailer_end) return false;

  // The table and trailer are made first, and the file changed in place after: a long edition's
  // file is not held twice (the bilingual 240-commitment edition's is 19 MiB).
  const size_t table_at = objects_end + added.text().size();
  std::string tail = "xref\n0 " + std::to_string(size) + "\n";
  tail.reserve(tail.size() + size * kEntry + (trailer_end - trailer) + 32);
  entry(tail, 0, "65535 f\r\n");
  for (size_t n = 1; n < offsets.size(); ++n) entry(tail, offsets[n] > from ? offsets[n] - (to - from) + with.size() : offsets[n], "00000 n\r\n");
  for (size_t start : added.starts()) entry(tail, objects_end + start, "00000 n\r\n");
  tail.append(file, trailer, size_at - trailer);
  tail += "/Size " + std::to_string(size) + "\n";
  tail.append(file, size_at + size_key.size(), trailer_end - size_at - size_key.size());
  tail += "startxref\n" + std::to_string(table_at) + "\n%%EOF\n";

  file.reserve(table_at + tail.size());  // grows at most once (none when take() left room)
  file.resize(xref);                     // the old table and trailer go
  file.replace(from, to - from, with);
  file += added.text();
  file += tail;
  return true;
}

}  // namespace renaksi::pdf
