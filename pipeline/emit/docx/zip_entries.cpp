// Reading a DOCX's ZIP directory in place; the byte and deflate helpers.
#include "emit/docx/zip_entries.h"

#include <zlib.h>

#include "env/limits.h"

namespace renaksi::docx {

std::uint32_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t le32(std::string_view b, std::size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }
void put16(std::string& b, std::size_t at, std::uint32_t v) {
  b[at] = static_cast<char>(v & 0xff);
  b[at + 1] = static_cast<char>((v >> 8) & 0xff);
}
void put32(std::string& b, std::size_t at, std::uint32_t v) {
  put16(b, at, v & 0xffff);
  put16(b, at + 2, v >> 16);
}

std::optional<ZipDirectory> read_zip(std::string_view zip) {
  constexpr std::size_t kEocd = 22;
  if (zip.size() < kEocd || zip.size() > limits::kMaxPandocOutputBytes) return std::nullopt;
  ZipDirectory dir;
  dir.eocd = std::string_view::npos;
  const std::size_t lowest = zip.size() > kEocd + 65535 ? zip.size() - kEocd - 65535 : 0;
  for (std::size_t at = zip.size() - kEocd + 1; at-- > lowest;)  // bounded by the comment's maximum
    if (le32(zip, at) == 0x06054b50 && at + kEocd + le16(zip, at + 20) == zip.size()) {
      dir.eocd = at;
      break;
    }
  if (dir.eocd == std::string_view::npos || le16(zip, dir.eocd + 4) != 0 || le16(zip, dir.eocd + 6) != 0) return std::nullopt;
  const std::size_t count = le16(zip, dir.eocd + 10);
  dir.cd_offset = le32(zip, dir.eocd + 16);
  if (dir.cd_offset > dir.eocd) return std::nullopt;
  std::size_t at = dir.cd_offset;
  for (std::size_t i = 0; i < count; ++i) {  // bounded by the directory's count (at most 65535)
    if (at + 46 > dir.eocd || le32(zip, at) != 0x02014b50) return std::nullopt;
    const std::size_t size = 46 + le16(zip, at + 28) + le16(zip, at + 30) + le16(zip, at + 32);
    if (at + size > dir.eocd) return std::nullopt;
    dir.entries.push_back({at, size, le32(zip, at + 42), 0, zip.substr(at + 46, le16(zip, at + 28))});
    at += size;
  }
  if (at != dir.eocd) return std::nullopt;
  // Each entry's local part runs to the next one's (or to the directory): entries in order.
  for (std::size_t i = 0; i < dir.entries.size(); ++i) {
    ZipEntry& e = dir.entries[i];
    e.local_end = i + 1 < dir.entries.size() ? dir.entries[i + 1].local : dir.cd_offset;
    if (e.local > e.local_end || e.local_end - e.local < 30 || le32(zip, e.local) != 0x04034b50) return std::nullopt;
  }
  return dir;
}

std::optional<std::string> inflated(std::string_view data, std::size_t size) {
  if (size > limits::kMaxPandocOutputBytes || data.size() > limits::kMaxPandocOutputBytes) return std::nullopt;
  std::string out(size, '\0');
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int r = inflate(&z, Z_FINISH);
  const bool ok = r == Z_STREAM_END && z.total_out == size;
  inflateEnd(&z);
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> deflated(std::string_view data) {
  if (data.size() > limits::kMaxPandocOutputBytes) return std::nullopt;
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int r = deflate(&z, Z_FINISH);  // one call: the bound leaves room for all of it
  const std::size_t written = z.total_out;
  deflateEnd(&z);
  if (r != Z_STREAM_END) return std::nullopt;
  out.resize(written);
  return out;
}

std::uint32_t crc_of(std::string_view data) {
  return static_cast<std::uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

std::string close_zip(std::string out, const std::string& directory, std::string_view zip, std::size_t eocd) {
  std::string end(zip.substr(eocd));
  put32(end, 12, static_cast<std::uint32_t>(directory.size()));
  put32(end, 16, static_cast<std::uint32_t>(out.size()));
  out += directory;
  out += end;
  return out;
}

}  // namespace renaksi::docx
