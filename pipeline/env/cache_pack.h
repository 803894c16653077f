// A cache pack: many keyed, checked cache entries in one file, read one entry at a time and
// written whole (a file per entry cost 0.2-0.4 ms each to make on this machine's disk).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "env/file_io.h"

namespace renaksi {

// A pack is the line "renaksi-cache pack 1\n", then entries, each the line
// "<key> <payload size> <content_hash of key and payload>\n" and the payload. A key is 1 to 64
// bytes of letters, digits, '-' and '_'.
//
// Where an entry is, header and payload, in an open pack or spill: what PackWriter::copy copies.
// `fd` belongs to the PackReader or PackWriter that gave the place, and is valid while it lives.
struct PackPlace {
  int fd = -1;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

// Reads a pack's entries in order without holding more than one payload. A pack that is missing
// or is not a regular file (a symlink, a FIFO, a folder: never followed, never waited on) reads
// as empty; an entry whose header does not read (a torn or damaged pack) ends the reading there.
class PackReader {
 public:
  struct Entry {
    std::string key;
    PackPlace place;               // the whole entry
    std::uint64_t header_size = 0;
    std::uint64_t payload_size = 0;
    std::string hash;
  };

  // Payloads larger than `max_payload` end the reading, as a bad header does.
  PackReader(const std::filesystem::path& file, std::size_t max_payload);

  // The next entry's header, or nullopt at the pack's end or at an entry that does not read.
  std::optional<Entry> next();
  // The payload of `e` (an entry next() gave), or nullopt when it does not match its hash.
  std::optional<std::string> payload(const Entry& e) const;

  bool exists() const { return static_cast<bool>(fd_); }
  // Read to its end, every header good (payloads are checked only when read).
  bool clean() const { return clean_; }

 private:
  UniqueFd fd_;
  std::uint64_t size_ = 0;
  std::uint64_t at_ = 0;
  std::size_t max_payload_ = 0;
  bool clean_ = false;
};

// Writes a pack, entry by entry, to a file no reader sees until it is whole.
class PackWriter {
 public:
  // A pack that replaces `target` when committed: written beside it under a temporary name,
  // removed if never committed.
  static PackWriter replacing(const std::filesystem::path& target);
  // A scratch pack in `folder`, unnamed from the start (removed from the folder as soon as it
  // is made): read back through the places append() gives, gone when closed, even if the process
  // is killed. Creates `folder`.
  static PackWriter spill(const std::filesystem::path& folder);

  PackWriter(PackWriter&&) noexcept;
  PackWriter& operator=(PackWriter&&) = delete;
  PackWriter(const PackWriter&) = delete;
  PackWriter& operator=(const PackWriter&) = delete;
  ~PackWriter();

  // Appends an entry; its place, or nullopt once anything failed (why() says what).
  std::optional<PackPlace> append(std::string_view key, std::string_view payload);
  // Appends the entry at `from` (another pack's or a spill's) byte for byte.
  bool copy(const PackPlace& from);
  // Renames the pack over its target (a file or a link there is replaced; an empty folder is
  // removed first; anything else fails). False with why().
  bool commit();

  bool ok() const { return why_.empty(); }
  const std::string& why() const { return why_; }

 private:
  PackWriter() = default;
  bool fail(const std::string& what);

  UniqueFd fd_;
  std::filesystem::path temp_;    // empty for a spill
  std::filesystem::path target_;  // empty for a spill
  std::uint64_t size_ = 0;
  std::string why_;
};

}  // namespace renaksi
