// Text a build keeps for later, held deflated (zlib) so that it costs a fraction of its size.
//
// A plan's search words wait in its site summary until the archive's word index is built at the
// end of the build; an archive holds every plan's, about 135 KiB of text a plan of 25
// commitments in two languages. Deflated they are 38 % of that (52 KiB), and only one plan's are
// unpacked at a time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace renaksi {

class PackedText {
 public:
  PackedText() = default;
  // Deflates `text` (zlib's fastest level); kept as it is if zlib cannot (no memory).
  explicit PackedText(std::string_view text);

  // The text as it was given.
  std::string unpack() const;
  bool empty() const { return size_ == 0; }
  // The text's size, and what holding it costs.
  size_t size() const { return size_; }
  size_t packed_size() const { return bytes_.size(); }

 private:
  std::string bytes_;  // deflated, or the text itself when `raw_`
  size_t size_ = 0;
  bool raw_ = false;
};

}  // namespace renaksi
