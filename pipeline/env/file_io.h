// File descriptors and whole-file writes at the system-call level: the one RAII owner of a
// descriptor, the one loop that writes bytes out (a full disk shows as an error, never lost), and
// the one way a file is replaced whole (a temporary file beside it, renamed over it).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace renaksi {

// An open file descriptor, closed when the object goes.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd();
  UniqueFd(UniqueFd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  UniqueFd& operator=(UniqueFd&& o) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  // Closes it now and says whether the close succeeded (a full disk may only show here); `why`
  // says what failed.
  bool close(std::string& why);

 private:
  int fd_ = -1;
};

// Writes all of `bytes` to `fd`, retrying after EINTR; false (with `why`) on any error.
bool write_all(int fd, std::string_view bytes, std::string& why);

// Writes `bytes` to a new file at `path` (never over an existing file, never through a link)
// and closes it; false with `why` (a full disk included).
bool write_new_file(const std::filesystem::path& path, std::string_view bytes, std::string& why);

// Appends `bytes` to the existing file at `path` (never creates one, never through a link) and
// closes it; false with `why`.
bool append_to_file(const std::filesystem::path& path, std::string_view bytes, std::string& why);

// Creates a new temporary file beside `target`, `<target>.tmp.<pid>.<n>` (unique within the
// process and across processes; never over an existing file, never through a link), open for
// writing, and sets `temp` to its name. On failure the descriptor is invalid and `why` says so;
// `temp` is then left empty, since nothing was made that the caller may remove.
UniqueFd create_temp_beside(const std::filesystem::path& target, std::filesystem::path& temp, std::string& why);

// Makes way for a file to be renamed to `target`: an empty folder there is removed (a file or a
// link is left, for the rename to replace). Returns an empty string, or why not: a folder with
// something in it is not renaksi's to delete.
std::string make_way_for_file(const std::filesystem::path& target);

// Whether replace_file waits for the bytes to reach the disk before the rename (fsync). A file
// a user keeps is flushed; a cache entry, verified by its header when read (a torn entry is a
// miss), is not: 426 entries on a cold build of content/ would wait about 1.3 s more.
enum class Flush { ToDisk, Skip };

// Replaces `target` with `bytes` whole: writes a new temporary file beside it (never over an
// existing file, never through a link), flushes it to disk (unless Flush::Skip), and renames it
// over `target`, so a reader sees the old file or the new one, never half of one. The temporary file is removed on
// any failure. False with `why`: which step failed on which file, and the system's reason
// ("cannot write x.tmp.12.0: No space left on device", "cannot rename x.tmp.12.0 to x: …").
// The rename replaces a file or a link at `target` (not what the link points to); what else may be
// replaced is the caller's to check first.
bool replace_file(const std::filesystem::path& target, std::string_view bytes, std::string& why,
                  Flush flush = Flush::ToDisk);

}  // namespace renaksi
