// Polling the folders a build reads.
#include "serve/watch.h"

#include <sys/stat.h>

#include <algorithm>
#include <system_error>

namespace renaksi::serve {

namespace {

namespace fs = std::filesystem;

bool ignored(const std::string& name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || name.ends_with(".swp") || name.ends_with(".swx");
}

fs::path normal(const fs::path& p) {
  std::error_code ec;
  const fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

bool skipped(const fs::path& folder, const std::vector<fs::path>& skip) {
  if (skip.empty()) return false;
  const fs::path n = normal(folder);
  return std::find(skip.begin(), skip.end(), n) != skip.end();
}

void add(const fs::path& path, int depth, const std::vector<fs::path>& skip, TreeState& state) {
  if (state.entries.size() >= kMaxWatchedEntries || depth > kMaxWatchedDepth) {
    state.truncated = true;
    return;
  }
  // One lstat, and a stat only for a link: a linked file counts as what it names.
  struct stat st {};
  WatchedEntry e{.path = path.string()};
  bool real_folder = false;
  if (::lstat(path.c_str(), &st) == 0) {
    real_folder = S_ISDIR(st.st_mode);
    if (S_ISLNK(st.st_mode) && ::stat(path.c_str(), &st) != 0) st = {};
    e.folder = S_ISDIR(st.st_mode);
    e.size = S_ISREG(st.st_mode) ? static_cast<std::uintmax_t>(st.st_size) : 0;
    // A folder's own time changes when an editor puts its swap file there: its entries say
    // what matters of it.
    if (!e.folder) e.modified_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  } else {
    e.modified_ns = -1;  // nothing there
  }
  state.entries.push_back(std::move(e));
  if (!real_folder || skipped(path, skip)) return;
  std::error_code ec;
  // A folder's entries in name order, so the same tree always looks the same.
  std::vector<fs::path> children;
  fs::directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (children.size() >= kMaxWatchedEntries) {
      state.truncated = true;
      break;
    }
    if (!ignored(it->path().filename().string())) children.push_back(it->path());
  }
  std::sort(children.begin(), children.end());
  for (const fs::path& child : children) add(child, depth + 1, skip, state);
}

}  // namespace

TreeState look(const std::vector<std::filesystem::path>& roots, const std::vector<std::filesystem::path>& skip) {
  std::vector<fs::path> skip_normal;
  for (const auto& p : skip) skip_normal.push_back(normal(p));
  TreeState state;
  for (const auto& root : roots) add(root, 0, skip_normal, state);
  return state;
}

bool ChangeWatch::due(TreeState now) {
  const bool settled = now == last_;
  last_ = std::move(now);
  if (!settled || last_ == built_) return false;
  built_ = last_;
  return true;
}

}  // namespace renaksi::serve
