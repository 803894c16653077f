// word/settings.xml rewritten inside a DOCX's ZIP: a field update on opening.
#include "emit/docx/update_fields.h"

#include <cstdint>

#include "emit/docx/zip_entries.h"

namespace renaksi::docx {

std::optional<std::string> with_update_fields(std::string_view zip) {
  const std::optional<ZipDirectory> dir = read_zip(zip);
  if (!dir) return std::nullopt;
  const size_t eocd = dir->eocd;
  std::string out, directory;
  bool found = false;
  for (const ZipEntry& e : dir->entries) {
    const size_t next = e.local_end;
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
    const std::uint32_t crc = crc_of(*xml);
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
  return close_zip(std::move(out), directory, zip, eocd);
}

}  // namespace renaksi::docx
