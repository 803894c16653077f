// Walks and removes a whole folder tree by open folders: each entry is looked up in its folder,
// by its name, never through a link.
//
// Why not std::filesystem: its recursive iterator and remove_all look every entry up by its
// whole path (a published archive's pages are six folders deep) and stat each one again to
// learn its type, which the folder listing already gives. A 100-plan archive's output folder
// holds 18,300 entries; its digest and the removal of the previous build did 60,000 stats
// between them and most of a one-change build's publish step.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <system_error>

namespace renaksi {

// Folders deeper than this below the root are not walked (the walk fails; a removal falls back
// to std::filesystem for what is below).
inline constexpr int kMaxFolderTreeDepth = 64;

// Calls `visit(relative_path, st)` for every entry below `root` (not `root` itself): the path
// '/'-separated, `st` the entry's own lstat (a link is a link; a folder's st_mode is all that
// is filled in). Folders are visited before what they hold; no order among siblings. Returns
// false (having visited part of the tree) when `root` is not a folder that can be opened, a
// folder below it cannot be listed, an entry cannot be examined, the tree is deeper than
// kMaxFolderTreeDepth, or it holds more than `max_entries` entries. With `threads` > 1 the
// folders below the third level are walked on that many threads (a 400-plan output folder's
// 72,000 entries in half the time on two cores): `visit` is then called from several threads,
// one call at a time, and the order among the parts is not the same from walk to walk.
bool walk_folder_tree(const std::filesystem::path& root, std::size_t max_entries,
                      const std::function<void(const std::string&, const struct stat&)>& visit, std::size_t threads = 1);

// Removes `root` and everything in it; a link is removed, never followed (`root` itself may be a
// link: only the link goes). Nothing at `root` is not an error. Sets `ec` to the first problem
// and goes on removing what it can; what could not be removed stays.
void remove_folder_tree(const std::filesystem::path& root, std::error_code& ec);

}  // namespace renaksi
