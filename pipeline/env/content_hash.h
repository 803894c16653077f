// Content keys for the build caches: 128 bits of hash over the parts that decide an output, and
// the one way a cache entry is read and written (verified, bounded, never blocking).
#pragma once

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace renaksi {

// 32 hex digits: two FNV-1a hashes of 64 bits with different offset bases, over the parts
// and their lengths (so "ab"+"c" and "a"+"bc" differ). Not cryptographic; caches that need
// certainty store their input beside the entry.
std::string content_hash(std::initializer_list<std::string_view> parts);

// A cache entry is one file: the line "renaksi-cache 1 <size> <content_hash of the payload>\n",
// then the payload. Reading checks the file's type before opening it (only a regular file is
// opened, never a FIFO, a device or a folder, nor through a symlink), its size (at most
// `max_payload` bytes of payload), the header and the hash. Anything else is a miss: nullopt.
// A hit sets the entry's modification time to now: its last use (env/cache_prune.h).
std::optional<std::string> read_cache_entry(const std::filesystem::path& file, std::size_t max_payload);

// Writes `payload` as the entry `file` through a temporary file renamed into place, so a reader
// never sees half an entry, replacing whatever bad entry was there: a file, a symlink, a FIFO or
// an empty folder. A folder with something in it is not renaksi's to delete: the write fails.
// Creates the entry's folder. Returns an empty string, or why it could not write.
std::string write_cache_entry(const std::filesystem::path& file, std::string_view payload);

}  // namespace renaksi
