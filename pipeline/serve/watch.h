// What `renaksi serve --watch` compares to know the content changed: every file's path, size
// and modification time under the folders a build reads, taken by polling.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace renaksi::serve {

// How often the folders are looked at, and the bounds of one look.
inline constexpr std::chrono::milliseconds kWatchInterval{300};
inline constexpr std::size_t kMaxWatchedEntries = 200'000;
inline constexpr int kMaxWatchedDepth = 16;

struct WatchedEntry {
  std::string path;
  bool folder = false;
  std::uintmax_t size = 0;
  std::int64_t modified_ns = 0;
  friend bool operator==(const WatchedEntry&, const WatchedEntry&) = default;
};

struct TreeState {
  std::vector<WatchedEntry> entries;  // in walk order (each folder's entries sorted by name)
  bool truncated = false;             // more than kMaxWatchedEntries, or deeper than kMaxWatchedDepth
  friend bool operator==(const TreeState&, const TreeState&) = default;
};

// Looks at every entry under each of `roots` (a root that is missing is one entry saying so).
// Links are followed to what they name, but folders are entered only when they are real
// folders, so no loop of links is walked. Names an editor keeps beside a file (".x.swp",
// "x~", hidden names) are left out: saving a file changes the file itself. The folders of
// `skip` (the build's own output and cache, should they lie inside the content) are seen but
// not entered, so a build never sets off the next one.
TreeState look(const std::vector<std::filesystem::path>& roots, const std::vector<std::filesystem::path>& skip = {});

// Decides when a rebuild is due from one look per interval: when what is seen differs from
// what was last built and has not changed since the previous look (an editor's save, or a
// `git checkout`, is over before the build starts).
class ChangeWatch {
 public:
  explicit ChangeWatch(TreeState built) : built_(std::move(built)), last_(built_) {}
  // Takes the next look; true when a rebuild is due now, and then `now` counts as built.
  bool due(TreeState now);

 private:
  TreeState built_;
  TreeState last_;
};

}  // namespace renaksi::serve
