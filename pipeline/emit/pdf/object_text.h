// PDF objects written as text into the file libharu saved: its cross-reference table read, one
// of its objects replaced, new objects added after its own, the table and trailer written again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace renaksi::pdf {

// New objects, numbered on from the first number the saved file does not use, written in the
// order of their numbers.
class ObjectText {
 public:
  explicit ObjectText(uint32_t first) : first_(first) {}
  // The number the next object gets.
  uint32_t next() const { return first_ + static_cast<uint32_t>(starts_.size()); }
  // Opens object `number` (which must be next()) and returns the text to write its value into;
  // end() closes it.
  std::string& begin(uint32_t number);
  void end();

  uint32_t first() const { return first_; }
  size_t count() const { return starts_.size(); }
  const std::string& text() const { return text_; }
  const std::vector<size_t>& starts() const { return starts_; }  // each object's offset in text()
  bool ok() const { return ok_ && !open_; }

 private:
  uint32_t first_;
  std::string text_;
  std::vector<size_t> starts_;
  bool open_ = false;
  bool ok_ = true;
};

// A file as libharu saves one: objects numbered from 1 in ascending order of their offsets, one
// cross-reference section from 0, its trailer, `startxref` and `%%EOF`.
struct SavedFile {
  std::vector<size_t> offsets;  // each object's offset by number ([0]: the free list's head)
  size_t xref = 0;              // where the cross-reference table starts
  size_t trailer = 0;           // where "trailer" starts
  size_t trailer_end = 0;       // where "startxref" starts

  // Nothing when the file is not laid out so (anything unexpected: another writer, an
  // incremental update, a damaged table).
  static std::optional<SavedFile> read(const std::string& file);
  // Where object `number`'s text ends: where the next one starts, or the table.
  size_t end_of(uint32_t number) const;
  // `file` with object `replaced` written as `with` (a whole "N 0 obj … endobj" text), `added`
  // after the last object, and the table, the trailer's /Size and `startxref` to match. False,
  // and `file` unchanged, when `added` does not start at the first free number or an offset
  // would not fit the table's ten digits.
  bool rewrite(std::string& file, uint32_t replaced, const std::string& with, const ObjectText& added) const;
};

}  // namespace renaksi::pdf
