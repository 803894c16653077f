// The entries of a DOCX's ZIP archive, read in place (one disk, no ZIP64), and the little-endian
// and deflate helpers the steps that rewrite it share (update_fields, stamp_date).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace renaksi::docx {

struct ZipEntry {
  std::size_t central = 0;       // where its central directory record starts
  std::size_t central_size = 0;  // the record with its name, extra field and comment
  std::size_t local = 0;         // where its local header starts
  std::size_t local_end = 0;     // where the next entry's local header (or the directory) starts
  std::string_view name;
};

struct ZipDirectory {
  std::vector<ZipEntry> entries;  // in the order of the central directory, which is the files' order
  std::size_t cd_offset = 0;      // where the central directory starts
  std::size_t eocd = 0;           // where the end-of-central-directory record starts
};

// The directory of `zip`, or none when it is not a ZIP this reads: one disk, its end record at
// the very end, every central record inside the directory, and the local parts in the
// directory's order, each beginning with a local header. At most 65535 entries (the count field).
std::optional<ZipDirectory> read_zip(std::string_view zip);

// Ends a rewritten archive: appends `directory` (its central records) to `out` (its entries),
// then `zip`'s end-of-central-directory record from `eocd`, its directory size and offset set
// to the new ones. Returns `out`.
std::string close_zip(std::string out, const std::string& directory, std::string_view zip, std::size_t eocd);

std::uint32_t le16(std::string_view b, std::size_t at);
std::uint32_t le32(std::string_view b, std::size_t at);
void put16(std::string& b, std::size_t at, std::uint32_t v);
void put32(std::string& b, std::size_t at, std::uint32_t v);

// Raw deflate data inflated to exactly `size` bytes, or none.
std::optional<std::string> inflated(std::string_view data, std::size_t size);
// `data` deflated raw as Pandoc's ZIP writer does (zlib level 6, 15-bit window, memory level 8),
// so the system's zlib gives the bytes Pandoc gives; none if zlib fails.
std::optional<std::string> deflated(std::string_view data);
std::uint32_t crc_of(std::string_view data);

}  // namespace renaksi::docx
