// Lists a folder without throwing and without end: the plan folders of a content folder, the
// files of a plan's commitments/. Symbolic links are not followed here; whoever opens an entry
// judges what it is (read_file).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "env/limits.h"

namespace renaksi {

struct FolderListing {
  std::vector<std::filesystem::path> entries;  // sorted by name; empty when `problem` is set
  // Set when the folder could not be listed: what follows its name, e.g. "is a file, not a
  // folder", "cannot be listed: Permission denied", "holds more than 10000 entries, more than …".
  std::string problem;
  bool too_many = false;  // the problem is the bound (L006), not an unreadable folder (L001)
  bool missing = false;   // nothing at all at that path (neither a folder nor a link)
};

// The entries of `dir`, at most `max_entries`; more is a problem (too_many), and then no entry
// is returned, so no caller acts on an arbitrary part of a folder.
FolderListing list_folder(const std::filesystem::path& dir, std::size_t max_entries = limits::kMaxFilesPerFolder);

// What `path` is, when it should be a folder and is not ("is a file, not a folder", "is a link
// to nothing", …); empty when it is a folder (after following links).
std::string not_a_folder(const std::filesystem::path& path, bool* missing = nullptr);

}  // namespace renaksi
