// The previous build's output tree, reused as the next build's staging folder: what did not change is left in place.
//
// After publishing, the folder the new build replaced (the previous build) is kept in renaksi's
// work folder, and the next build starts its staging folder from it (OutputFolder::staging).
// Every file the build writes takes the previous build's entry at its path: a file restored from
// the per-plan cache that is the same file (the same inode: both are links to the cache entry)
// stays where it is; anything else there is removed first. Folders that exist are not made again.
// Before the swap, whatever the build did not take is removed (remove_untaken), so the staging
// folder holds exactly what the build wrote.
//
// Why: an archive where one plan changed otherwise makes every folder again (5,700 for 100
// plans), links every cached file again (12,600) and removes the whole previous build (18,300
// entries) after the swap. Shared by every Outputs of one build, from several threads: entries
// are looked up in sorted tables made once, and taken by atomic flags.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace renaksi {

class PreviousTree {
 public:
  // The tree under `root` as it is now, or nullopt when it cannot be walked whole (unreadable,
  // deeper than kMaxFolderTreeDepth, more than `max_entries` entries): then it is not reused.
  static std::shared_ptr<PreviousTree> read(const std::filesystem::path& root, std::size_t max_entries);

  // Whether `folder` (relative, '/'-separated) is a folder of the previous build; it and every
  // folder above it are then kept.
  bool take_folder(const std::string& folder) const;
  // Whether the previous build's entry at `path` is the file `source` itself (same device and
  // inode): it is then kept, and the build need not put it there again.
  bool keep_if_same(const std::string& path, const std::filesystem::path& source) const;
  // Removes the previous build's entry at `path` under `root` (a file or a link; a folder with
  // everything in it), if there is one the build has not taken yet, so that the build's own file
  // can go there. A link is removed, never followed.
  void clear(const std::filesystem::path& root, const std::string& path) const;
  // Clears, for a folder the build makes at `folder`, any entry of the previous build in its way:
  // a file (or link) at the folder's path or at a folder's path above it.
  void clear_way(const std::filesystem::path& root, const std::string& folder) const;
  // Removes every entry the build did not take: files and links, then folders, deepest first.
  // Returns the number removed; `ec` is set to the first problem (the rest are still tried).
  std::size_t remove_untaken(const std::filesystem::path& root, std::error_code& ec) const;

  // The previous build's files (and links), for the tests.
  std::size_t files() const { return files_.size(); }

 private:
  struct File {
    std::string path;
    dev_t dev = 0;
    ino_t ino = 0;
  };
  std::vector<File> files_;           // sorted by path: regular files, links and other non-folders
  std::vector<std::string> folders_;  // sorted
  std::unique_ptr<std::atomic<bool>[]> file_taken_, folder_taken_;

  std::optional<std::size_t> file_at(const std::string& path) const;
  std::optional<std::size_t> folder_at(const std::string& path) const;
};

}  // namespace renaksi
