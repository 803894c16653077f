// Reads a whole file into memory: the one way content, submissions, catalogues, templates, cache
// entries and the head of a file to be replaced are read.
// Only a regular file (after following symbolic links) is read, never more than a bound, and
// never by blocking: a FIFO, a device, a folder or a socket is refused, with the reason.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "env/limits.h"

namespace renaksi {

// Why a file was not read.
enum class ReadFailure {
  None,
  Missing,       // nothing at that path
  DanglingLink,  // a symbolic link to nothing
  LinkLoop,      // symbolic links that lead to each other
  Link,          // a symbolic link where links are not followed (Links::Refuse)
  Folder,
  Fifo,
  Socket,
  Device,        // a character or block device (/dev/zero: endless input)
  TooLarge,      // more than the bound
  Permission,
  Other,         // any other system error
};

struct ReadResult {
  ReadFailure failure = ReadFailure::None;
  // What is wrong, to follow the file's name in a diagnostic: "is a folder, not a file",
  // "is a link to nothing (missing.xml)", "is larger than 16 MiB", … Empty when the file was read.
  std::string reason;

  explicit operator bool() const { return failure == ReadFailure::None; }
  // Endless or too much input (L006 for content, V001 for a submission), rather than a file
  // that cannot be read at all (L001).
  bool too_large() const { return failure == ReadFailure::TooLarge || failure == ReadFailure::Device; }
};

// Whether a symbolic link at the path itself is followed. Refused, the path's type is checked
// with lstat before anything is opened (a FIFO or a device is never opened), and the open
// does not follow a link put there since: for files renaksi writes itself (cache entries).
enum class Links { Follow, Refuse };

// Reads `path` into `out` (cleared first): at most `max_bytes` bytes. The file is opened with
// O_NONBLOCK and judged by fstat of the opened descriptor (no race between a check and the open).
ReadResult read_file(const std::filesystem::path& path, std::string& out,
                     std::size_t max_bytes = limits::kMaxInputFileBytes, Links links = Links::Follow);

// Reads the first `max_bytes` bytes of `path` (fewer if it is shorter) into `out`, as read_file
// does, but a longer file is not a failure: only its head is read.
ReadResult read_file_head(const std::filesystem::path& path, std::string& out, std::size_t max_bytes,
                          Links links = Links::Follow);

// "16 MiB", "512 KiB", "100 bytes": a bound for a message.
std::string describe_size(std::size_t bytes);

}  // namespace renaksi
