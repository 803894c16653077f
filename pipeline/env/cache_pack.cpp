// A cache pack: keyed, checked entries in one file, read one at a time and written whole.
#include "env/cache_pack.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <system_error>

#include "env/content_hash.h"

namespace renaksi {

namespace fs = std::filesystem;

namespace {

// It starts as every cache entry does ("renaksi-cache "), so the pruning knows it for renaksi's.
constexpr std::string_view kPackMagic = "renaksi-cache pack 1\n";
constexpr std::size_t kMaxKey = 64;
// The header: a key, a space, up to 20 digits of size, a space, 32 hex digits, a newline.
constexpr std::size_t kMaxEntryHeader = kMaxKey + 1 + 20 + 1 + 32 + 1;

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool good_key(std::string_view key) {
  return !key.empty() && key.size() <= kMaxKey && std::all_of(key.begin(), key.end(), key_char);
}

std::string entry_hash(std::string_view key, std::string_view payload) { return content_hash({"pack entry", key, payload}); }

// Reads exactly `n` bytes at `offset`, retrying after EINTR; false on an error or a short file.
bool pread_all(int fd, char* out, std::size_t n, std::uint64_t offset) {
  while (n > 0) {  // bounded: each round reads at least one byte or stops
    const ssize_t r = ::pread(fd, out, n, static_cast<off_t>(offset));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    out += r;
    n -= static_cast<std::size_t>(r);
    offset += static_cast<std::uint64_t>(r);
  }
  return true;
}

}  // namespace

PackReader::PackReader(const fs::path& file, std::size_t max_payload) : max_payload_(max_payload) {
  // Never through a symlink, never waiting on a FIFO: opened without following or blocking, and
  // used only if it is a regular file.
  UniqueFd fd(::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (!fd) return;
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  std::string magic(kPackMagic.size(), '\0');
  if (static_cast<std::uint64_t>(st.st_size) < magic.size() || !pread_all(fd.get(), magic.data(), magic.size(), 0) ||
      magic != kPackMagic)
    return;
  fd_ = std::move(fd);
  size_ = static_cast<std::uint64_t>(st.st_size);
  at_ = kPackMagic.size();
  clean_ = true;
}

std::optional<PackReader::Entry> PackReader::next() {
  if (!fd_ || at_ >= size_) return std::nullopt;
  const auto bad = [&] {
    clean_ = false;
    at_ = size_;  // nothing after a bad header is read
    return std::nullopt;
  };
  char buf[kMaxEntryHeader];
  const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kMaxEntryHeader, size_ - at_));
  if (!pread_all(fd_.get(), buf, n, at_)) return bad();
  const std::string_view head(buf, n);
  const std::size_t eol = head.find('\n');
  if (eol == std::string_view::npos) return bad();
  const std::string_view line = head.substr(0, eol);
  const std::size_t s1 = line.find(' ');
  const std::size_t s2 = s1 == std::string_view::npos ? s1 : line.find(' ', s1 + 1);
  if (s2 == std::string_view::npos || line.size() - s2 - 1 != 32) return bad();
  Entry e;
  e.key = std::string(line.substr(0, s1));
  e.hash = std::string(line.substr(s2 + 1));
  if (!good_key(e.key)) return bad();
  auto [end, ec] = std::from_chars(line.data() + s1 + 1, line.data() + s2, e.payload_size);
  if (ec != std::errc() || end != line.data() + s2 || e.payload_size > max_payload_) return bad();
  e.header_size = eol + 1;
  if (e.payload_size > size_ - at_ - e.header_size) return bad();  // the pack ends inside the payload
  e.place = {fd_.get(), at_, e.header_size + e.payload_size};
  at_ += e.place.length;
  return e;
}

std::optional<std::string> PackReader::payload(const Entry& e) const {
  if (!fd_ || e.place.fd != fd_.get()) return std::nullopt;
  std::string out(static_cast<std::size_t>(e.payload_size), '\0');
  if (!pread_all(fd_.get(), out.data(), out.size(), e.place.offset + e.header_size)) return std::nullopt;
  if (entry_hash(e.key, out) != e.hash) return std::nullopt;
  return out;
}

PackWriter PackWriter::replacing(const fs::path& target) {
  PackWriter w;
  w.target_ = target;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    w.fail("cannot create " + target.parent_path().generic_string() + ": " + ec.message());
    return w;
  }
  std::string why;
  w.fd_ = create_temp_beside(target, w.temp_, why);  // temp_ stays empty when nothing was made
  if (!w.fd_) {
    w.fail(why);
    return w;
  }
  if (!write_all(w.fd_.get(), kPackMagic, why)) w.fail("cannot write " + w.temp_.generic_string() + ": " + why);
  w.size_ = kPackMagic.size();
  return w;
}

PackWriter PackWriter::spill(const fs::path& folder) {
  static std::atomic<unsigned> counter{0};
  PackWriter w;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) {
    w.fail("cannot create " + folder.generic_string() + ": " + ec.message());
    return w;
  }
  const fs::path name = folder / ("spill." + std::to_string(::getpid()) + "." + std::to_string(counter++));
  w.fd_ = UniqueFd(::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (!w.fd_)
    w.fail("cannot create " + name.generic_string() + ": " + std::strerror(errno));
  else if (::unlink(name.c_str()) != 0)  // unnamed at once: the descriptor keeps it for this build only
    w.fail("cannot unname " + name.generic_string() + ": " + std::strerror(errno));
  return w;
}

PackWriter::PackWriter(PackWriter&& o) noexcept
    : fd_(std::move(o.fd_)), temp_(std::move(o.temp_)), target_(std::move(o.target_)), size_(o.size_), why_(std::move(o.why_)) {
  o.temp_.clear();
}

PackWriter::~PackWriter() {
  if (!temp_.empty()) ::unlink(temp_.c_str());  // never committed: only the file made here
}

bool PackWriter::fail(const std::string& what) {
  if (why_.empty()) why_ = what;
  return false;
}

std::optional<PackPlace> PackWriter::append(std::string_view key, std::string_view payload) {
  if (!ok()) return std::nullopt;
  if (!good_key(key)) {
    fail("the cache key '" + std::string(key.substr(0, kMaxKey)) + "' is not a key");
    return std::nullopt;
  }
  const std::string header = std::string(key) + " " + std::to_string(payload.size()) + " " + entry_hash(key, payload) + "\n";
  std::string why;
  if (!write_all(fd_.get(), header, why) || !write_all(fd_.get(), payload, why)) {
    fail("cannot write the cache: " + why);
    return std::nullopt;
  }
  const PackPlace place{fd_.get(), size_, header.size() + payload.size()};
  size_ += place.length;
  return place;
}

bool PackWriter::copy(const PackPlace& from) {
  if (!ok()) return false;
  std::uint64_t done = 0;
  // In the kernel where the file system can (copy_file_range); else through a buffer.
  bool kernel = true;
  std::string buf;
  while (done < from.length) {  // bounded: each round copies at least one byte or stops
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(from.length - done, 1u << 20));
    if (kernel) {
      loff_t in = static_cast<loff_t>(from.offset + done);
      const ssize_t n = ::copy_file_range(from.fd, &in, fd_.get(), nullptr, want, 0);
      if (n > 0) {
        done += static_cast<std::uint64_t>(n);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP)) {
        kernel = false;
        continue;
      }
      return fail("cannot copy a cache entry: " + std::string(n < 0 ? std::strerror(errno) : "its pack is shorter"));
    }
    buf.resize(want);
    if (!pread_all(from.fd, buf.data(), want, from.offset + done)) return fail("cannot read a cache entry to copy it");
    std::string why;
    if (!write_all(fd_.get(), buf, why)) return fail("cannot write the cache: " + why);
    done += want;
  }
  size_ += from.length;
  return true;
}

bool PackWriter::commit() {
  if (!ok()) return false;
  if (target_.empty()) return fail("a spill is not committed");
  std::string why;
  if (!fd_.close(why)) return fail("cannot write " + temp_.generic_string() + ": " + why);
  // A folder in the pack's place: an empty one is removed; one with something in it is not
  // renaksi's to delete.
  if (const std::string in_the_way = make_way_for_file(target_); !in_the_way.empty()) return fail(in_the_way);
  if (::rename(temp_.c_str(), target_.c_str()) != 0)
    return fail("cannot rename " + temp_.generic_string() + " to " + target_.generic_string() + ": " + std::strerror(errno));
  temp_.clear();
  return true;
}

}  // namespace renaksi
