// File descriptors and whole-file writes.
#include "env/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace renaksi {

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

UniqueFd& UniqueFd::operator=(UniqueFd&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

bool UniqueFd::close(std::string& why) {
  const int fd = fd_;
  fd_ = -1;
  if (fd < 0 || ::close(fd) == 0) return true;
  why = std::strerror(errno);
  return false;
}

bool write_all(int fd, std::string_view bytes, std::string& why) {
  // Bounded: each round writes at least one byte or fails.
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      why = n < 0 ? std::strerror(errno) : "nothing could be written";
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool write_new_file(const std::filesystem::path& path, std::string_view bytes, std::string& why) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644));
  if (!fd) {
    why = std::strerror(errno);
    return false;
  }
  return write_all(fd.get(), bytes, why) && fd.close(why);
}

bool append_to_file(const std::filesystem::path& path, std::string_view bytes, std::string& why) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW));
  if (!fd) {
    why = std::strerror(errno);
    return false;
  }
  return write_all(fd.get(), bytes, why) && fd.close(why);
}

UniqueFd create_temp_beside(const std::filesystem::path& target, std::filesystem::path& temp, std::string& why) {
  // Unique within the process (the counter) and across processes (the pid); O_EXCL refuses a
  // leftover of the same name rather than writing through it.
  static std::atomic<unsigned> counter{0};
  std::filesystem::path name = target;
  name += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  UniqueFd fd(::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644));
  temp.clear();
  if (!fd)
    why = "cannot create " + name.generic_string() + ": " + std::strerror(errno);
  else
    temp = std::move(name);
  return fd;
}

std::string make_way_for_file(const std::filesystem::path& target) {
  struct stat st {};
  if (::lstat(target.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return {};
  std::error_code ec;
  if (std::filesystem::remove(target, ec) && !ec) return {};
  return target.generic_string() + " is a folder that is not renaksi's to delete (" +
         (ec ? ec.message() : std::string("not empty")) + ")";
}

bool replace_file(const std::filesystem::path& target, std::string_view bytes, std::string& why, Flush flush) {
  std::filesystem::path temp;  // only a temporary file this call made is removed: never what was there
  const auto failed = [&](const std::string& what, const std::string& reason) {
    why = what + ": " + reason;
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return false;
  };
  UniqueFd fd = create_temp_beside(target, temp, why);
  if (!fd) return false;
  std::string reason;
  if (!write_all(fd.get(), bytes, reason)) return failed("cannot write " + temp.generic_string(), reason);
  int rc = 0;
  if (flush == Flush::ToDisk) {
    do rc = ::fsync(fd.get());
    while (rc != 0 && errno == EINTR);
  }
  if (rc != 0) return failed("cannot flush " + temp.generic_string() + " to disk", std::strerror(errno));
  if (!fd.close(reason)) return failed("cannot write " + temp.generic_string(), reason);
  if (::rename(temp.c_str(), target.c_str()) != 0)
    return failed("cannot rename " + temp.generic_string() + " to " + target.generic_string(), std::strerror(errno));
  return true;
}

}  // namespace renaksi
