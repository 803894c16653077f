// Marking cache entries used, pruning the cache by age and size, counting its size.
#include "env/cache_prune.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>
#include <tuple>
#include <vector>

#include "env/content_hash.h"
#include "env/file_io.h"
#include "env/read_file.h"

namespace renaksi {

namespace fs = std::filesystem;
using Clock = std::chrono::system_clock;

void mark_cache_entry_used(const fs::path& entry) noexcept {
  (void)::utimensat(AT_FDCWD, entry.c_str(), nullptr, AT_SYMLINK_NOFOLLOW);  // failing is no error
}

namespace {

// The file system stamps times from a coarse clock, up to a tick behind the precise one.
constexpr std::chrono::seconds kClockSlack{2};

struct DirCloser {
  void operator()(DIR* d) const { (void)::closedir(d); }
};
using Dir = std::unique_ptr<DIR, DirCloser>;

enum class Follow { No, Yes };

// A folder opened for listing (through a symlink only when asked: the cache folder the user
// named may be one, nothing in it is followed); null if it is not a folder.
Dir open_folder(int at, const char* name, Follow follow = Follow::No) {
  const int fd = ::openat(at, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow == Follow::Yes ? 0 : O_NOFOLLOW));
  if (fd < 0) return nullptr;
  DIR* d = ::fdopendir(fd);
  if (!d) (void)::close(fd);
  return Dir(d);
}

Clock::time_point mtime_of(const struct stat& st) {
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(st.st_mtim.tv_sec) +
                                                                       std::chrono::nanoseconds(st.st_mtim.tv_nsec)));
}

// Gathers the problems of one prune into one warning: the first, and how many more.
struct Problems {
  std::string first;
  std::size_t more = 0;
  void add(std::string what) {
    if (first.empty()) first = std::move(what);
    else ++more;
  }
  std::string str() const {
    if (first.empty()) return {};
    return first + (more ? " (and " + std::to_string(more) + " more problems)" : "");
  }
};

struct File {
  std::size_t folder;  // index into the listed folders
  std::string name;
  Clock::time_point used;
  std::uint64_t bytes;
  dev_t dev;
  ino_t ino;
};

// Every regular file directly in `cache_dir`'s subfolders (symlinks, FIFOs, devices and folders
// are skipped, none opened), handing each with its metadata to `each`; at most the limits'
// folders and files. The subfolders stay open in `folders` for the caller's *at calls.
template <typename Each>
void list_cache(const fs::path& cache_dir, std::vector<Dir>& folders, std::vector<std::string>& folder_names,
                Problems& problems, Each&& each) {
  Dir top = open_folder(AT_FDCWD, cache_dir.c_str(), Follow::Yes);
  if (!top) {
    if (errno != ENOENT) problems.add("cannot read the cache " + cache_dir.generic_string() + ": " + std::strerror(errno));
    return;
  }
  std::size_t files = 0, names = 0;
  while (const dirent* kind = ::readdir(top.get())) {  // bounded: kMaxCacheKinds folders, kMaxCacheEntries names
    if (++names > limits::kMaxCacheEntries) {
      problems.add("the cache " + cache_dir.generic_string() + " holds more names than renaksi looks at");
      return;
    }
    const std::string_view kind_name = kind->d_name;
    if (kind_name == "." || kind_name == "..") continue;
    struct stat st {};
    if (::fstatat(::dirfd(top.get()), kind->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) continue;
    if (folders.size() >= limits::kMaxCacheKinds) {
      problems.add("the cache " + cache_dir.generic_string() + " has more than " + std::to_string(limits::kMaxCacheKinds) +
                   " folders; the rest are left alone");
      return;
    }
    Dir folder = open_folder(::dirfd(top.get()), kind->d_name);
    if (!folder) {
      problems.add("cannot read " + (cache_dir / kind->d_name).generic_string() + ": " + std::strerror(errno));
      continue;
    }
    const std::size_t index = folders.size();
    folder_names.emplace_back(kind_name);
    folders.push_back(std::move(folder));
    const int fd = ::dirfd(folders.back().get());
    while (const dirent* entry = ::readdir(folders.back().get())) {
      if (++files > limits::kMaxCacheEntries) {
        problems.add("the cache " + cache_dir.generic_string() + " holds more than " +
                     std::to_string(limits::kMaxCacheEntries) + " files; the rest are left alone");
        return;
      }
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      struct stat fst {};
      if (::fstatat(fd, entry->d_name, &fst, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(fst.st_mode)) continue;
      each(File{index, std::string(name), mtime_of(fst), static_cast<std::uint64_t>(fst.st_size), fst.st_dev, fst.st_ino});
    }
  }
}

enum class Removal { Removed, Foreign, InUse, Failed };

// Removes `f` if it is still the regular file listed, unused since, and starts with a cache
// entry's header. Opened without following a link and without blocking; a FIFO put in its place
// since the listing is never waited on.
Removal remove_entry(int folder, const File& f, Clock::time_point used_cutoff, std::string& why) {
  UniqueFd fd(::openat(folder, f.name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (!fd) {
    if (errno == ENOENT) return Removal::Removed;  // gone already
    if (errno == ELOOP) return Removal::Foreign;   // a symlink now
    why = std::strerror(errno);
    return Removal::Failed;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    why = std::strerror(errno);
    return Removal::Failed;
  }
  if (!S_ISREG(st.st_mode) || st.st_dev != f.dev || st.st_ino != f.ino) return Removal::Foreign;
  if (mtime_of(st) >= used_cutoff) return Removal::InUse;
  constexpr std::string_view kHeader = "renaksi-cache ";  // every version of the entry format
  char head[kHeader.size()];
  std::size_t got = 0;
  for (int tries = 0; got < sizeof head && tries < 8; ++tries) {  // bounded: a short read is retried a few times
    const ssize_t n = ::read(fd.get(), head + got, sizeof head - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got != sizeof head || std::string_view(head, sizeof head) != kHeader) return Removal::Foreign;
  if (::unlinkat(folder, f.name.c_str(), 0) != 0) {
    if (errno == ENOENT) return Removal::Removed;
    why = std::strerror(errno);
    return Removal::Failed;
  }
  return Removal::Removed;
}

}  // namespace

PruneReport prune_cache(const fs::path& cache_dir, Clock::time_point build_started, const CachePolicy& policy) {
  PruneReport report;
  Problems problems;
  try {
    const Clock::time_point used_cutoff = build_started - kClockSlack;
    const Clock::time_point age_cutoff = build_started - policy.max_age;
    std::vector<Dir> folders;
    std::vector<std::string> folder_names;
    std::vector<File> unused;  // not used by this build: the only ones that may go
    list_cache(cache_dir, folders, folder_names, problems, [&](File f) {
      report.kept.entries++;
      report.kept.bytes += f.bytes;
      if (f.used < used_cutoff) unused.push_back(std::move(f));
    });
    // Least recently used first: the old ones by age, then as many as the size asks for.
    std::sort(unused.begin(), unused.end(), [](const File& a, const File& b) {
      return a.used != b.used ? a.used < b.used : std::tie(a.folder, a.name) < std::tie(b.folder, b.name);
    });
    std::uint64_t counted = report.kept.bytes;  // the bytes the size limit counts: foreign files are not the cache's
    for (const File& f : unused) {  // bounded: the files listed
      if (f.used >= age_cutoff && counted <= policy.max_bytes) break;
      std::string why;
      switch (remove_entry(::dirfd(folders[f.folder].get()), f, used_cutoff, why)) {
        case Removal::Removed:
          report.kept.entries--;
          report.kept.bytes -= f.bytes;
          report.removed.entries++;
          report.removed.bytes += f.bytes;
          counted -= f.bytes;
          break;
        case Removal::Foreign:
          report.foreign++;
          counted -= f.bytes;
          break;
        case Removal::InUse:
          break;
        case Removal::Failed:
          problems.add("cannot remove the cache entry " + (cache_dir / folder_names[f.folder] / f.name).generic_string() +
                       ": " + why);
          break;
      }
    }
  } catch (const std::exception& e) {  // memory for the listing: the cache stays as it is
    problems.add(std::string("the cache was not pruned: ") + e.what());
  }
  report.warning = problems.str();
  return report;
}

namespace {

constexpr const char* kLastPrune = "last-prune";
constexpr std::string_view kLastPruneHeader = "renaksi-cache-prune 1 ";

}  // namespace

std::optional<LastPrune> last_prune(const fs::path& cache_dir) {
  const fs::path file = cache_dir / kLastPrune;
  struct stat st {};
  if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  std::string text;
  if (!read_file_head(file, text, 128, Links::Refuse) || !text.starts_with(kLastPruneHeader)) return std::nullopt;
  unsigned long long entries = 0, bytes = 0;
  char end = 0;
  if (std::sscanf(text.c_str() + kLastPruneHeader.size(), "%llu %llu%c", &entries, &bytes, &end) != 3 || end != '\n')
    return std::nullopt;
  return LastPrune{mtime_of(st), {static_cast<std::size_t>(entries), static_cast<std::uint64_t>(bytes)}};
}

bool prune_due(const std::optional<LastPrune>& last, Clock::time_point now) {
  if (!last) return true;
  return last->when > now + kClockSlack || now - last->when >= kCachePruneInterval;
}

void record_prune(const fs::path& cache_dir, const CacheSize& size) {
  std::string why;
  std::error_code ec;
  if (!fs::is_directory(cache_dir, ec)) return;
  (void)replace_file(cache_dir / kLastPrune,
                     std::string(kLastPruneHeader) + std::to_string(size.entries) + " " + std::to_string(size.bytes) + "\n",
                     why, Flush::Skip);
}

CacheSize cache_size(const fs::path& cache_dir) {
  CacheSize size;
  try {
    std::vector<Dir> folders;
    std::vector<std::string> folder_names;
    Problems problems;
    list_cache(cache_dir, folders, folder_names, problems, [&](const File& f) {
      size.entries++;
      size.bytes += f.bytes;
    });
  } catch (const std::exception&) {
  }
  return size;
}

}  // namespace renaksi
