// Text a build keeps for later, held deflated (zlib) so that it costs a fraction of its size.
//
// A plan's search words wait in its site summary until the archive's word index is built at the
// end of the build; an archive holds every plan's, about 135 KiB of text a plan of 25
// commitments in two languages. Deflated they are 38 % of that (52 KiB), and only one plan's are
// unpacked at a time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace renaksi {

class PackedText {
 public:
  PackedText() = default;
  // Deflates `text` (zlib's fastest level); kept as it is if zlib cannot (no memory).
  explicit PackedText(std::string_view text);

  // What `packed()`, `size()` and `raw()` of a PackedText gave (its bytes kept on disk, in the
  // plan cache, so restoring a plan does not deflate its words again). Nullopt when they cannot
  // be one: raw bytes of another size, or a size over kMaxSize. Bytes that do not inflate to
  // `size` unpack as empty text.
  static std::optional<PackedText> from_packed(std::string bytes, size_t size, bool raw);
  static constexpr size_t kMaxSize = size_t{256} << 20;

  // The text as it was given.
  std::string unpack() const;
  const std::string& packed() const { return bytes_; }
  bool raw() const { return raw_; }
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
