// File descriptors and whole-file writes at the system-call level: the one RAII owner of a
// descriptor, and the one loop that writes bytes out (a full disk shows as an error, never lost).
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

}  // namespace renaksi
