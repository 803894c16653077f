// word/settings.xml rewritten inside a DOCX's ZIP: a field update on opening.
#include "emit/docx/update_fields.h"

#include <zlib.h>

#include <cstdint>
#include <vector>

#include "env/limits.h"

namespace renaksi::docx {

namespace {

std::uint32_t le16(std::string_view b, size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t le32(std::string_view b, size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }
void put16(std::string& b, size_t at, std::uint32_t v) {
  b[at] = static_cast<char>(v & 0xff);
  b[at + 1] = static_cast<char>((v >> 8) & 0xff);
}
void put32(std::string& b, size_t at, std::uint32_t v) {
  put16(b, at, v & 0xffff);
  put16(b, at + 2, v >> 16);
}

// Raw deflate data inflated, at most `size` bytes (the size the directory gives).
std::optional<std::string> inflated(std::string_view data, size_t size) {
  if (size > limits::kMaxPandocOutputBytes) return std::nullopt;
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

struct Entry {
  size_t central = 0;  // where its central directory record starts
  size_t central_size = 0;
  size_t local = 0;    // where its local header starts
  std::string name;
};

}  // namespace

std::optional<std::string> with_update_fields(std::string_view zip) {
  constexpr size_t kEocd = 22;
  if (zip.size() < kEocd || zip.size() > limits::kMaxPandocOutputBytes) return std::nullopt;
  size_t eocd = std::string_view::npos;
  const size_t lowest = zip.size() > kEocd + 65535 ? zip.size() - kEocd - 65535 : 0;
  for (size_t at = zip.size() - kEocd + 1; at-- > lowest;)
    if (le32(zip, at) == 0x06054b50 && at + kEocd + le16(zip, at + 20) == zip.size()) {
      eocd = at;
      break;
    }
  if (eocd == std::string_view::npos || le16(zip, eocd + 4) != 0 || le16(zip, eocd + 6) != 0) return std::nullopt;
  const size_t count = le16(zip, eocd + 10), cd_offset = le32(zip, eocd + 16);
  if (cd_offset > eocd) return std::nullopt;
  std::vector<Entry> entries;
  size_t at = cd_offset;
  for (size_t i = 0; i < count; ++i) {  // bounded by the directory's count (at most 65535)
    if (at + 46 > eocd || le32(zip, at) != 0x02014b50) return std::nullopt;
    const size_t size = 46 + le16(zip, at + 28) + le16(zip, at + 30) + le16(zip, at + 32);
    if (at + size > eocd) return std::nullopt;
    entries.push_back({at, size, le32(zip, at + 42), std::string(zip.substr(at + 46, le16(zip, at + 28)))});
    at += size;
  }
  if (at != eocd) return std::nullopt;
  // Each entry's local part runs to the next one's (or to the directory): entries in order.
  for (size_t i = 0; i < entries.size(); ++i) {
    const size_t next = i + 1 < entries.size() ? entries[i + 1].local : cd_offset;
    if (entries[i].local + 30 > next || le32(zip, entries[i].local) != 0x04034b50) return std::nullopt;
  }

  std::string out, directory;
  bool found = false;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    const size_t next = i + 1 < entries.size() ? entries[i + 1].local : cd_offset;
    std::string record(zip.substr(e.central, e.central_size));
    put32(record, 42, static_cast<std::uint32_t>(out.size()));
    if (e.name != "word/settings.xml") {
      out.append(zip.substr(e.local, next - e.local));
      directory += record;
      continue;
    }
    found = true;
    const std::uint32_t flags = le16(zip, e.local + 6), method = le16(zip, e.local + 8);
    const size_t header = 30 + le16(zip, e.local + 26) + le16(zip, e.local + 28);
    const size_t csize = le32(zip, e.central + 20), usize = le32(zip, e.central + 24);
    if ((flags & 0x0009) != 0 || e.local + header + csize > next) return std::nullopt;  // encrypted or with a descriptor
    const std::string_view data = zip.substr(e.local + header, csize);
    std::optional<std::string> xml = method == 0 ? std::optional<std::string>(std::string(data))
                                     : method == 8 ? inflated(data, usize)
                                                   : std::nullopt;
    if (!xml) return std::nullopt;
    if (xml->find("<w:updateFields") == std::string::npos) {
      // Where the schema puts it: before the footnote properties and what follows them.
      size_t where = std::string::npos;
      for (const char* before : {"<w:hdrShapeDefaults", "<w:footnotePr", "<w:endnotePr", "<w:compat", "<w:docVars", "<w:rsids",
                                 "</w:settings>"})
        if (where = xml->find(before); where != std::string::npos) break;
      if (where == std::string::npos) return std::nullopt;
      xml->insert(where, "<w:updateFields w:val=\"true\"/>");
    }
    const std::uint32_t crc =
        static_cast<std::uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(xml->data()), static_cast<uInt>(xml->size())));
    std::string local(zip.substr(e.local, header));
    put16(local, 8, 0);  // stored
    put32(local, 14, crc);
    put32(local, 18, static_cast<std::uint32_t>(xml->size()));
    put32(local, 22, static_cast<std::uint32_t>(xml->size()));
    out += local;
    out += *xml;
    put16(record, 10, 0);
    put32(record, 16, crc);
    put32(record, 20, static_cast<std::uint32_t>(xml->size()));
    put32(record, 24, static_cast<std::uint32_t>(xml->size()));
    directory += record;
  }
  if (!found) return std::nullopt;
  std::string end(zip.substr(eocd));
  put32(end, 12, static_cast<std::uint32_t>(directory.size()));
  put32(end, 16, static_cast<std::uint32_t>(out.size()));
  out += directory;
  out += end;
  return out;
}

}  // namespace renaksi::docx
