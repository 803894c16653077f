// Polling the folders a build reads.
#include "serve/watch.h"

#include <algorithm>
#include <system_error>

namespace renaksi::serve {

namespace {

namespace fs = std::filesystem;

bool ignored(const std::string& name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || name.ends_with(".swp") || name.ends_with(".swx");
}

std::int64_t nanoseconds(fs::file_time_type t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

void add(const fs::path& path, int depth, TreeState& state) {
  if (state.entries.size() >= kMaxWatchedEntries || depth > kMaxWatchedDepth) {
    state.truncated = true;
    return;
  }
  std::error_code ec;
  WatchedEntry e{.path = path.string()};
  const fs::file_status st = fs::status(path, ec);  // follows links: a linked file counts as itself
  const bool real_folder = fs::is_directory(fs::symlink_status(path, ec));
  if (fs::is_directory(st)) {
    e.folder = true;
  } else if (fs::is_regular_file(st)) {
    e.size = fs::file_size(path, ec);
    if (ec) e.size = 0;
  }
  if (fs::exists(st)) {
    const fs::file_time_type t = fs::last_write_time(path, ec);
    if (!ec) e.modified_ns = nanoseconds(t);
  }
  state.entries.push_back(std::move(e));
  if (!real_folder) return;
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
  for (const fs::path& child : children) add(child, depth + 1, state);
}

}  // namespace

TreeState look(const std::vector<std::filesystem::path>& roots) {
  TreeState state;
  for (const auto& root : roots) add(root, 0, state);
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
