// Content keys for the build caches, and reading and writing their entries.
#include "env/content_hash.h"

#include "env/cache_prune.h"
#include "env/file_io.h"
#include "env/read_file.h"

#include <charconv>
#include <cstdint>

namespace renaksi {

namespace fs = std::filesystem;

std::string content_hash(std::initializer_list<std::string_view> parts) {
  std::uint64_t a = 14695981039346656037ull, b = 0x84222325cbf29ce4ull;
  auto mix = [&](unsigned char c) {
    a = (a ^ c) * 1099511628211ull;
    b = (b ^ c) * 1099511628211ull;
    b ^= b >> 29;
  };
  for (std::string_view part : parts) {
    for (unsigned char c : part) mix(c);
    for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(part.size() >> (8 * i)));
  }
  static const char* hex = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 15; i >= 0; --i, a >>= 4) out[static_cast<size_t>(i)] = hex[a & 15];
  for (int i = 31; i >= 16; --i, b >>= 4) out[static_cast<size_t>(i)] = hex[b & 15];
  return out;
}

namespace {

constexpr std::string_view kMagic = "renaksi-cache 1 ";
// The header: magic, up to 20 digits of size, a space, 32 hex digits, a newline.
constexpr std::size_t kMaxHeader = kMagic.size() + 20 + 1 + 32 + 1;

std::string header_of(std::string_view payload) {
  return std::string(kMagic) + std::to_string(payload.size()) + " " + content_hash({payload}) + "\n";
}

}  // namespace

std::optional<std::string> read_cache_entry(const fs::path& file, std::size_t max_payload) {
  // Never through a symlink (to /dev/zero, say), never a FIFO or a device: the type is checked
  // before anything is opened.
  std::string bytes;
  if (!read_file(file, bytes, max_payload + kMaxHeader, Links::Refuse)) return std::nullopt;
  const std::uint64_t size = bytes.size();
  // The header, then the payload of exactly the size and hash it names.
  const std::size_t eol = std::string_view(bytes).substr(0, kMaxHeader).find('\n');
  if (eol == std::string::npos || !bytes.starts_with(kMagic)) return std::nullopt;
  const std::string_view header = std::string_view(bytes).substr(kMagic.size(), eol - kMagic.size());
  const std::size_t space = header.find(' ');
  if (space == std::string_view::npos || header.size() - space - 1 != 32) return std::nullopt;
  std::uint64_t declared = 0;
  auto [end, ec] = std::from_chars(header.data(), header.data() + space, declared);
  if (ec != std::errc() || end != header.data() + space || declared != size - eol - 1 || declared > max_payload)
    return std::nullopt;
  std::string payload = bytes.substr(eol + 1);
  if (content_hash({payload}) != header.substr(space + 1)) return std::nullopt;
  mark_cache_entry_used(file);  // the entry's last use, which the pruning reads
  return payload;
}

std::string write_cache_entry(const fs::path& file, std::string_view payload) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) return "cannot create " + file.parent_path().generic_string() + ": " + ec.message();
  // Something that is not a file in the entry's place: a symlink or a FIFO is replaced by the
  // rename below; a folder must go first, and only an empty one is removed.
  if (std::string in_the_way = make_way_for_file(file); !in_the_way.empty()) return in_the_way;
  std::string why;
  // Not flushed to disk: an entry torn by a crash fails its hash and is a miss.
  if (!replace_file(file, header_of(payload) + std::string(payload), why, Flush::Skip)) return why;
  return {};
}

}  // namespace renaksi
