// Text held deflated in memory (zlib's one-shot compress and uncompress).
#include "env/packed_text.h"

#include <zlib.h>

#include <limits>

namespace renaksi {

PackedText::PackedText(std::string_view text) : size_(text.size()) {
  if (text.empty()) return;
  uLongf length = compressBound(static_cast<uLong>(text.size()));
  std::string out(length, '\0');
  if (text.size() > std::numeric_limits<uLong>::max() / 2 ||
      compress2(reinterpret_cast<Bytef*>(out.data()), &length, reinterpret_cast<const Bytef*>(text.data()),
                static_cast<uLong>(text.size()), Z_BEST_SPEED) != Z_OK) {
    bytes_.assign(text);
    raw_ = true;
    return;
  }
  out.resize(length);
  out.shrink_to_fit();
  bytes_ = std::move(out);
}

std::optional<PackedText> PackedText::from_packed(std::string bytes, size_t size, bool raw) {
  if (size > kMaxSize || (raw && bytes.size() != size) || (size == 0 && !bytes.empty())) return std::nullopt;
  PackedText t;
  t.bytes_ = std::move(bytes);
  t.size_ = size;
  t.raw_ = raw;
  return t;
}

std::string PackedText::unpack() const {
  if (raw_ || size_ == 0) return raw_ ? bytes_ : std::string();
  std::string out(size_, '\0');
  uLongf length = static_cast<uLongf>(size_);
  // Packed from text of this size (by this process, or read back from the plan cache, whose
  // entries are checked by their hash): it unpacks, or what was read is not what was written.
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &length, reinterpret_cast<const Bytef*>(bytes_.data()),
                 static_cast<uLong>(bytes_.size())) != Z_OK ||
      length != size_)
    return {};
  return out;
}

}  // namespace renaksi
