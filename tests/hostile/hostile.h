// Shared set-up of the hostile suite: a plan to build, a pre-filled output folder, and an exact
// picture of a folder tree to prove it was left byte for byte as it was.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/command.h"

namespace renaksi::testing {

// Every entry under `dir` (itself included): files by their bytes, links by their target,
// folders by a mark; missing `dir` is an empty map.
std::map<std::string, std::string> tree_of(const std::filesystem::path& dir);

// Copies the clean Final fixture plan (tests/fixtures/check/base) to `dir`/`name`.
std::filesystem::path copy_base_plan(const std::filesystem::path& dir, const std::string& name = "plan");

// A folder renaksi built before: the marker and a few files, as a previous build leaves them.
void make_previous_build(const std::filesystem::path& out);

// The shell command `renaksi build PLAN --out OUT --cache-dir CACHE EXTRA`, with a fixed
// SOURCE_DATE_EPOCH and under a 120-second limit (an environment assignment or a `ulimit` may
// go before it).
std::string build_command(const std::filesystem::path& plan, const std::filesystem::path& out,
                          const std::filesystem::path& cache, const std::string& extra = {});

// Runs build_command(...).
CommandResult build_into(const std::filesystem::path& plan, const std::filesystem::path& out,
                         const std::filesystem::path& cache, const std::string& extra = {});

// Whether `text` holds `part`.
inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The names in renaksi's work folder beside `out` (`.<name>.renaksi/`), sorted.
std::vector<std::string> work_folder_of(const std::filesystem::path& out);

// Writes `text` to `path`, creating its folder.
void write_text(const std::filesystem::path& path, const std::string& text);
std::string read_text(const std::filesystem::path& path);

}  // namespace renaksi::testing
