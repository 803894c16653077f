// Reads a whole file into memory, bounded and without blocking.
#include "env/read_file.h"

#include "env/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace renaksi {

namespace {

ReadResult fail(ReadFailure f, std::string reason) { return {f, std::move(reason)}; }

// The open failed with `err`: say why in the user's terms.
ReadResult open_failure(const std::filesystem::path& path, int err) {
  switch (err) {
    case ENOENT: {
      struct stat st {};
      if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        std::error_code ec;
        auto target = std::filesystem::read_symlink(path, ec);
        return fail(ReadFailure::DanglingLink,
                    "is a link to nothing" + (ec ? std::string() : " (" + target.string() + ")"));
      }
      return fail(ReadFailure::Missing, "does not exist");
    }
    case ELOOP: return fail(ReadFailure::LinkLoop, "is a loop of symbolic links");
    case EACCES:
    case EPERM: return fail(ReadFailure::Permission, "cannot be read: permission denied");
    case ENOTDIR: return fail(ReadFailure::Missing, "does not exist (a part of its path is not a folder)");
    case ENXIO: return fail(ReadFailure::Socket, "is a socket or a device that is not there, not a file");
    default: return fail(ReadFailure::Other, "cannot be opened: " + std::string(std::strerror(err)));
  }
}

// Why a file of type `mode` is not read; a success for a regular file.
ReadResult refuse_type(mode_t mode, std::size_t max_bytes) {
  if (S_ISREG(mode)) return {};
  if (S_ISDIR(mode)) return fail(ReadFailure::Folder, "is a folder, not a file");
  if (S_ISFIFO(mode)) return fail(ReadFailure::Fifo, "is a FIFO (named pipe), not a file");
  if (S_ISSOCK(mode)) return fail(ReadFailure::Socket, "is a socket, not a file");
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return fail(ReadFailure::Device, "is a device, not a file (renaksi reads only regular files, at most " +
                                         describe_size(max_bytes) + ")");
  if (S_ISLNK(mode)) return fail(ReadFailure::Link, "is a symbolic link, which renaksi does not follow here");
  return fail(ReadFailure::Other, "is not a regular file");
}

// Reads at most `max_bytes` of `path`; past the bound, a failure (whole) or the end of the
// read (head).
ReadResult read_bounded(const std::filesystem::path& path, std::string& out, std::size_t max_bytes, Links links,
                        bool whole) {
  out.clear();
  if (links == Links::Refuse) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return open_failure(path, errno);
    if (ReadResult refused = refuse_type(st.st_mode, max_bytes); !refused) return refused;
  }
  int raw = -1;
  const int nofollow = links == Links::Refuse ? O_NOFOLLOW : 0;
  do raw = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | nofollow);
  while (raw < 0 && errno == EINTR);
  if (raw < 0) {
    // Swapped for a link since the lstat above.
    if (errno == ELOOP && links == Links::Refuse) return refuse_type(S_IFLNK, max_bytes);
    return open_failure(path, errno);
  }
  UniqueFd fd(raw);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return fail(ReadFailure::Other, "cannot be examined: " + std::string(std::strerror(errno)));
  if (ReadResult refused = refuse_type(st.st_mode, max_bytes); !refused) return refused;
  const std::string too_large = "is larger than " + describe_size(max_bytes) + ", more than renaksi reads";
  if (whole && st.st_size > 0 && static_cast<unsigned long long>(st.st_size) > max_bytes)
    return fail(ReadFailure::TooLarge, too_large);
  // The size may change while the file is read: read up to one byte past the bound to know.
  const std::size_t limit = whole ? max_bytes + 1 : max_bytes;
  out.resize(st.st_size > 0 ? std::min(static_cast<std::size_t>(st.st_size) + 1, limit)
                            : std::min<std::size_t>(4096, limit));
  std::size_t got = 0;
  for (;;) {  // bounded: each pass reads at least one byte, up to `limit`, or ends
    if (got == out.size()) {
      if (got >= limit) break;
      out.resize(std::min(limit, out.size() * 2));
    }
    ssize_t n = ::read(fd.get(), out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      out.clear();
      if (err == EISDIR) return fail(ReadFailure::Folder, "is a folder, not a file");
      return fail(ReadFailure::Other, "cannot be read: " + std::string(std::strerror(err)));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got > max_bytes) {
    out.clear();
    return fail(ReadFailure::TooLarge, too_large);
  }
  out.resize(got);
  return {};
}

}  // namespace

std::string describe_size(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

ReadResult read_file(const std::filesystem::path& path, std::string& out, std::size_t max_bytes, Links links) {
  return read_bounded(path, out, max_bytes, links, true);
}

ReadResult read_file_head(const std::filesystem::path& path, std::string& out, std::size_t max_bytes, Links links) {
  return read_bounded(path, out, max_bytes, links, false);
}

}  // namespace renaksi
