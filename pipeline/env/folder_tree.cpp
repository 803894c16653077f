// A folder tree walked and removed by open folders (see folder_tree.h for why not std::filesystem).
#include "env/folder_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
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

bool walk(int fd, const std::string& prefix, int depth, std::size_t& left,
          const std::function<void(const std::string&, const struct stat&)>& visit) {
  if (depth > kMaxFolderTreeDepth) return false;
  std::vector<Entry> entries;
  if (!entries_of(fd, entries)) return false;
  for (const Entry& e : entries) {
    if (left == 0) return false;
    --left;
    const std::string path = prefix.empty() ? e.name : prefix + "/" + e.name;
    struct stat st {};
    if (e.type == DT_DIR) {
      st.st_mode = S_IFDIR;
    } else if (::fstatat(fd, e.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
      return false;
    }
    visit(path, st);
    if (!S_ISDIR(st.st_mode)) continue;
    const Folder sub(::openat(fd, e.name.c_str(), kOpenFolder));
    if (!sub.ok() || !walk(sub.fd(), path, depth + 1, left, visit)) return false;
  }
  return true;
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
                      const std::function<void(const std::string&, const struct stat&)>& visit) {
  const Folder top(::open(root.c_str(), kOpenFolder));
  if (!top.ok()) return false;
  std::size_t left = max_entries;
  return walk(top.fd(), "", 1, left, visit);
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
