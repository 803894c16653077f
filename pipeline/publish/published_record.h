// What an output folder holds: the inputs of the build that published it and that build's
// problems, so a build with the same inputs finds the folder up to date and does nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace renaksi {

struct PublishedRecord {
  // The key over everything the build read (driver: archive_key): program, data, every plan's
  // files, the archive's own files, the site's address and date.
  std::string archive_key;
  // output_tree_digest of the output folder right after it was published: a file someone
  // edited, added, removed or touched since makes the folder not up to date.
  std::string tree;
  std::size_t files = 0;      // the files published and their bytes, for the summary line
  std::uintmax_t bytes = 0;
  // The problems the publishing build reported (all warnings: a build with an error publishes
  // nothing): the archive steps' own, and each plan's, in the build's order of plans.
  std::vector<Diagnostic> archive_diags;
  std::vector<std::vector<Diagnostic>> plan_diags;
};

// A digest of every entry under `dir`: its path relative to `dir`, its type, and for a file its
// size and modification time (to the nanosecond), in path order. Links are not followed (a link
// is an entry of its own). Nullopt when `dir` cannot be listed, an entry cannot be looked at, or
// it holds more than limits::kMaxPublishedEntries entries.
std::optional<std::string> output_tree_digest(const std::filesystem::path& dir);

// Writes the record as a cache entry (env/content_hash.h: a torn or edited record reads as none).
// Returns an empty string, or why it could not.
std::string write_published_record(const std::filesystem::path& file, const PublishedRecord& record);

// The record at `file`, or nullopt when there is none or it does not read whole.
std::optional<PublishedRecord> read_published_record(const std::filesystem::path& file);

}  // namespace renaksi
