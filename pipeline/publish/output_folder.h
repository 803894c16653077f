// The output folder a build publishes into: claimed (checked and locked) before the build, then
// replaced whole and atomically, and only when it is empty, missing, or renaksi's own.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "env/file_io.h"
#include "output/outputs.h"
#include "output/previous_tree.h"
#include "publish/published_record.h"

namespace renaksi {

// The file renaksi writes at the top of every output folder it publishes. A folder that holds
// it is renaksi's own and may be replaced; any other non-empty folder is refused (X002).
inline constexpr const char* kOutputMarker = ".renaksi-output";

class OutputFolder {
 public:
  // Checks that `out_dir` may be written and takes its lock, so a second build into the same
  // folder fails at once (X004) instead of mixing its files in. `protect` are folders the build
  // reads (the content, the cache): the output may not be, hold or lie inside one (X003).
  // Removes what an interrupted earlier build left in the work folder. Every problem found is
  // reported; nothing in `out_dir` is changed.
  static std::optional<OutputFolder> claim(const std::filesystem::path& out_dir,
                                           const std::vector<std::filesystem::path>& protect, Diagnostics& diags);

  OutputFolder(OutputFolder&& other) noexcept;
  OutputFolder& operator=(OutputFolder&& other) noexcept;
  OutputFolder(const OutputFolder&) = delete;
  // A staging folder that was never swapped in is removed: a failed build leaves nothing.
  ~OutputFolder();

  // The staging folder, created on first call: a build writes its files there as it makes them
  // (Outputs backed by this folder), so they need not all be held in memory. Nullopt (X001)
  // when it cannot be created. With `from_previous`, the first call starts it from the previous
  // build this folder's last publish kept (in the work folder), when there is one that can be
  // read whole: previous() then describes it, and Outputs built with it take its files.
  std::optional<std::filesystem::path> staging(Diagnostics& diags, bool from_previous = false);
  // The previous build the staging folder began as; null when it began empty.
  const std::shared_ptr<const PreviousTree>& previous() const { return previous_; }

  // Writes `outputs` (those held in memory; those backed by the staging folder are there
  // already) and the marker into the staging folder, having removed what of the previous build
  // it began as the build did not take, then swaps it in with one rename (RENAME_EXCHANGE), so
  // at every instant the output folder is the whole previous build or the whole new one; then
  // keeps the previous build in the work folder for the next build's staging folder. False (X001, X002) with the output folder
  // untouched when anything fails before the swap, a file the outputs could not write included.
  // With `record`, the folder's record (up_to_date) is written after the swap, its tree, files
  // and bytes filled in; the previous record is removed before the swap, so a record never
  // describes a folder it was not written for. A record that cannot be written only costs the
  // next build its work.
  bool publish(const Outputs& outputs, Diagnostics& diags, std::optional<PublishedRecord> record = std::nullopt);

  // The record of the build that published the folder, when it was made from `archive_key` and
  // the folder is still exactly as that build left it (output_tree_digest); else nullopt.
  std::optional<PublishedRecord> up_to_date(const std::string& archive_key) const;

  // The output folder, absolute and normalised (no trailing separator).
  const std::filesystem::path& target() const { return target_; }
  // Where staging and the previous build live while a build publishes: `.<name>.renaksi/`
  // beside the output folder. It also holds the lock file and the folder's record.
  const std::filesystem::path& work() const { return work_; }

 private:
  OutputFolder(std::filesystem::path target, std::filesystem::path work, UniqueFd lock)
      : target_(std::move(target)), work_(std::move(work)), lock_(std::move(lock)) {}

  std::filesystem::path target_;
  std::filesystem::path work_;
  UniqueFd lock_;
  std::filesystem::path stage_;  // created by staging() or publish(); removed unless swapped in
  std::shared_ptr<const PreviousTree> previous_;
};

// `a` is `b` or lies inside it, after resolving symbolic links as far as the paths exist.
bool path_within(const std::filesystem::path& a, const std::filesystem::path& b);

// Whether `dir` may be replaced by a build: missing, an empty folder, or a folder holding the
// marker. Otherwise `why` says what it is.
bool replaceable_output(const std::filesystem::path& dir, std::string& why);

}  // namespace renaksi
