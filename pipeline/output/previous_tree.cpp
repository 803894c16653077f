// The previous build's tree as the next staging folder: looked up, kept or cleared entry by entry.
#include "output/previous_tree.h"

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

#include "env/folder_tree.h"
#include "env/parallel.h"

namespace renaksi {

namespace fs = std::filesystem;

std::shared_ptr<PreviousTree> PreviousTree::read(const fs::path& root, std::size_t max_entries) {
  auto tree = std::make_shared<PreviousTree>();
  const bool walked = walk_folder_tree(
      root, max_entries,
      [&](const std::string& path, const struct stat& st) {
        if (S_ISDIR(st.st_mode))
          tree->folders_.push_back(path);
        else
          tree->files_.push_back({path, st.st_dev, st.st_ino});
      },
      core_count());  // sorted below
  if (!walked) return nullptr;
  std::sort(tree->files_.begin(), tree->files_.end(), [](const File& a, const File& b) { return a.path < b.path; });
  std::sort(tree->folders_.begin(), tree->folders_.end());
  tree->file_taken_ = std::make_unique<std::atomic<bool>[]>(tree->files_.size());
  tree->folder_taken_ = std::make_unique<std::atomic<bool>[]>(tree->folders_.size());
  return tree;
}

std::optional<std::size_t> PreviousTree::file_at(const std::string& path) const {
  const auto it = std::lower_bound(files_.begin(), files_.end(), path, [](const File& f, const std::string& p) { return f.path < p; });
  if (it == files_.end() || it->path != path) return std::nullopt;
  return static_cast<std::size_t>(it - files_.begin());
}

std::optional<std::size_t> PreviousTree::folder_at(const std::string& path) const {
  const auto it = std::lower_bound(folders_.begin(), folders_.end(), path);
  if (it == folders_.end() || *it != path) return std::nullopt;
  return static_cast<std::size_t>(it - folders_.begin());
}

bool PreviousTree::take_folder(const std::string& folder) const {
  if (!folder_at(folder)) return false;
  // The folder, then each one above it, up to one already taken (whoever took it takes, or has
  // taken, every one above it).
  for (std::size_t end = folder.size(); end != std::string::npos && end > 0; end = folder.rfind('/', end - 1)) {
    const std::optional<std::size_t> i = folder_at(folder.substr(0, end));
    if (!i || folder_taken_[*i].exchange(true)) break;
  }
  return true;
}

bool PreviousTree::keep_if_same(const std::string& path, const fs::path& source) const {
  const std::optional<std::size_t> i = file_at(path);
  if (!i || file_taken_[*i].load()) return false;
  struct stat st {};
  if (::stat(source.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  if (st.st_dev != files_[*i].dev || st.st_ino != files_[*i].ino) return false;
  return !file_taken_[*i].exchange(true);
}

void PreviousTree::clear(const fs::path& root, const std::string& path) const {
  if (const std::optional<std::size_t> i = file_at(path)) {
    if (!file_taken_[*i].exchange(true)) (void)::unlink((root / path).c_str());  // ENOENT: already gone
    return;
  }
  const std::optional<std::size_t> f = folder_at(path);
  if (!f || folder_taken_[*f].exchange(true)) return;
  // A folder where the build puts a file (rare: an id that became another's file name): it goes
  // whole, and nothing below it is looked at again.
  std::error_code ec;
  remove_folder_tree(root / path, ec);
  const std::string below = path + "/";
  for (auto it = std::lower_bound(files_.begin(), files_.end(), below, [](const File& x, const std::string& p) { return x.path < p; });
       it != files_.end() && it->path.starts_with(below); ++it)
    file_taken_[static_cast<std::size_t>(it - files_.begin())] = true;
  for (auto it = std::lower_bound(folders_.begin(), folders_.end(), below); it != folders_.end() && it->starts_with(below); ++it)
    folder_taken_[static_cast<std::size_t>(it - folders_.begin())] = true;
}

void PreviousTree::clear_way(const fs::path& root, const std::string& folder) const {
  for (std::size_t end = folder.find('/'); ; end = folder.find('/', end + 1)) {
    const std::string part = folder.substr(0, end);
    if (const std::optional<std::size_t> i = file_at(part); i && !file_taken_[*i].exchange(true))
      (void)::unlink((root / part).c_str());
    if (end == std::string::npos) break;
  }
}

std::size_t PreviousTree::remove_untaken(const fs::path& root, std::error_code& ec) const {
  std::size_t removed = 0;
  auto note = [&](int e) {
    if (!ec && e != ENOENT) ec = std::error_code(e, std::generic_category());
  };
  for (std::size_t i = 0; i < files_.size(); ++i) {
    if (file_taken_[i].exchange(true)) continue;
    if (::unlink((root / files_[i].path).c_str()) == 0) ++removed;
    else note(errno);
  }
  // In reverse order a folder comes after everything inside it ("a/b" sorts after "a").
  for (std::size_t k = folders_.size(); k-- > 0;) {
    if (folder_taken_[k].exchange(true)) continue;
    const fs::path dir = root / folders_[k];
    // A folder that is not empty holds what the build wrote (every file not taken is gone by
    // now): it stays.
    if (::rmdir(dir.c_str()) == 0) ++removed;
    else if (errno != ENOTEMPTY && errno != EEXIST) note(errno);
  }
  return removed;
}

}  // namespace renaksi
