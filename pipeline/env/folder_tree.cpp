// A folder tree walked and removed by open folders (see folder_tree.h for why not std::filesystem).
#include "env/folder_tree.h"

#include "env/parallel.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <mutex>
#include <memory>
#include <utility>
#include <vector>

namespace renaksi {

namespace fs = std::filesystem;

namespace {

// An open folder, closed when it goes.
class Folder {
 public:
  explicit Folder(int fd) : fd_(fd) {}
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  ~Folder() {
    if (fd_ >= 0) ::close(fd_);
  }
  int fd() const { return fd_; }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

constexpr int kOpenFolder = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

struct Entry {
  std::string name;
  unsigned char type;  // d_type: DT_UNKNOWN when the file system does not say
};

// The entries of the open folder `fd` (not "." and ".."), read whole before any is acted on, so
// removing them does not disturb the listing. False when it cannot be listed.
bool entries_of(int fd, std::vector<Entry>& out) {
  const int own = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);  // closedir closes what fdopendir was given
  if (own < 0) return false;
  DIR* dir = ::fdopendir(own);
  if (!dir) {
    ::close(own);
    return false;
  }
  const std::unique_ptr<DIR, int (*)(DIR*)> closing(dir, &::closedir);
  ::rewinddir(dir);
  errno = 0;
  while (const dirent* e = ::readdir(dir)) {
    const std::string_view name(e->d_name);
    if (name != "." && name != "..") out.push_back({std::string(name), e->d_type});
    errno = 0;
  }
  return errno == 0;
}

// A walk's state, shared by its threads.
struct Walk {
  Walk(const std::function<void(const std::string&, const struct stat&)>& v, std::size_t max) : visit(v), left(max) {}

  const std::function<void(const std::string&, const struct stat&)>& visit;
  std::atomic<std::size_t> left;              // entries the bound still allows
  std::vector<std::string>* split = nullptr;  // set: folders at kSplitDepth are collected here, not walked
  bool locked = false;                        // several threads: `visit` one call at a time
  std::mutex visiting;

  bool take() {
    std::size_t l = left.load();
    do {
      if (l == 0) return false;
    } while (!left.compare_exchange_weak(l, l - 1));
    return true;
  }
  void see(const std::string& path, const struct stat& st) {
    if (!locked) return visit(path, st);
    const std::lock_guard<std::mutex> one(visiting);
    visit(path, st);
  }
};

// The depth whose folders a walk on several threads hands out (site/<lang>/<plan>/ of an output
// folder: hundreds of parts of like size, where the folders above them are a handful).
constexpr int kSplitDepth = 3;

bool walk(int fd, const std::string& prefix, int depth, Walk& w) {
  if (depth > kMaxFolderTreeDepth) return false;
  std::vector<Entry> entries;
  if (!entries_of(fd, entries)) return false;
  for (const Entry& e : entries) {
    if (!w.take()) return false;
    const std::string path = prefix.empty() ? e.name : prefix + "/" + e.name;
    struct stat st {};
    if (e.type == DT_DIR) {
      st.st_mode = S_IFDIR;
    } else if (::fstatat(fd, e.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
      return false;
    }
    w.see(path, st);
    if (!S_ISDIR(st.st_mode)) continue;
    if (w.split && depth == kSplitDepth) {
      w.split->push_back(path);
      continue;
    }
    const Folder sub(::openat(fd, e.name.c_str(), kOpenFolder));
    if (!sub.ok() || !walk(sub.fd(), path, depth + 1, w)) return false;
  }
  return true;
}

// The folder at `path` ('/'-separated, below the open folder `fd`) opened a part at a time, no
// part through a link; -1 when it cannot be.
int open_below(int fd, const std::string& path) {
  int at = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  for (size_t from = 0; at >= 0 && from <= path.size();) {
    const size_t slash = std::min(path.find('/', from), path.size());
    const int next = ::openat(at, path.substr(from, slash - from).c_str(), kOpenFolder);
    ::close(at);
    at = next;
    from = slash + 1;
  }
  return at;
}

void note(std::error_code& ec, int err) {
  if (!ec) ec = std::error_code(err, std::generic_category());
}

// Removes everything in the open folder `fd`.
void remove_in(int fd, const fs::path& where, int depth, std::error_code& ec) {
  std::vector<Entry> entries;
  if (!entries_of(fd, entries)) {
    note(ec, errno ? errno : EIO);
    return;
  }
  for (const Entry& e : entries) {
    bool folder = e.type == DT_DIR;
    if (e.type == DT_UNKNOWN) {
      struct stat st {};
      folder = ::fstatat(fd, e.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
    }
    if (folder) {
      if (depth >= kMaxFolderTreeDepth) {
        std::error_code deeper;  // very deep: std::filesystem, by paths, for what is below
        fs::remove_all(where / e.name, deeper);
        if (deeper) note(ec, deeper.value());
        continue;
      }
      const Folder sub(::openat(fd, e.name.c_str(), kOpenFolder));
      if (sub.ok()) {
        remove_in(sub.fd(), where / e.name, depth + 1, ec);
      } else if (errno == ELOOP || errno == ENOTDIR) {
        folder = false;  // replaced by a link or a file since it was listed: removed as that
      } else {
        note(ec, errno);
        continue;
      }
    }
    if (::unlinkat(fd, e.name.c_str(), folder ? AT_REMOVEDIR : 0) != 0 && errno != ENOENT) note(ec, errno);
  }
}

}  // namespace

bool walk_folder_tree(const fs::path& root, std::size_t max_entries,
                      const std::function<void(const std::string&, const struct stat&)>& visit, std::size_t threads) {
  const Folder top(::open(root.c_str(), kOpenFolder));
  if (!top.ok()) return false;
  Walk w(visit, max_entries);
  if (threads <= 1) return walk(top.fd(), "", 1, w);
  // The folders down to kSplitDepth here, then what is below each of those on every thread.
  std::vector<std::string> parts;
  w.split = &parts;
  if (!walk(top.fd(), "", 1, w)) return false;
  w.split = nullptr;
  w.locked = true;
  const std::vector<char> walked = run_each_on_threads(parts.size(), threads, [&](size_t i) -> char {
    const Folder sub(open_below(top.fd(), parts[i]));
    return sub.ok() && walk(sub.fd(), parts[i], kSplitDepth + 1, w);
  });
  return std::all_of(walked.begin(), walked.end(), [](char ok) { return ok != 0; });
}

void remove_folder_tree(const fs::path& root, std::error_code& ec) {
  ec.clear();
  struct stat st {};
  if (::lstat(root.c_str(), &st) != 0) {
    if (errno != ENOENT) note(ec, errno);
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    if (::unlink(root.c_str()) != 0 && errno != ENOENT) note(ec, errno);
    return;
  }
  {
    const Folder top(::open(root.c_str(), kOpenFolder));
    if (!top.ok()) {
      note(ec, errno);
      return;
    }
    remove_in(top.fd(), root, 1, ec);
  }
  if (::rmdir(root.c_str()) != 0 && errno != ENOENT) note(ec, errno);
}

}  // namespace renaksi
