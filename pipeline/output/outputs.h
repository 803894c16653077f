// The files a build produces: held in memory, or written at once into a folder (the staging
// folder of a build that publishes) and then known only by path and size, so that a build's
// memory does not grow with what it has already made. Not synchronised: steps that work in
// parallel add their files after joining.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "output/artifact.h"
#include "output/previous_tree.h"

namespace renaksi {

class Outputs {
 public:
  Outputs() = default;
  // Files added from now on are written under `folder` (which exists) as they come; only their
  // paths and sizes are kept. A file that cannot be written is remembered (write_errors) and
  // reported by whoever publishes.
  explicit Outputs(std::filesystem::path folder) : folder_(std::move(folder)) {}
  // The same, in a folder that began as the previous build (`previous`, shared by every Outputs
  // of the build): each file added takes that build's entry at its path (a cached file that is
  // the same file is kept; anything else is replaced), and existing folders are used as they are.
  Outputs(std::filesystem::path folder, std::shared_ptr<const PreviousTree> previous)
      : folder_(std::move(folder)), previous_(std::move(previous)) {}

  // Empty outputs of the same kind: into the same folder (and the same previous build), or held
  // in memory; for files made on another thread, taken in later with absorb().
  Outputs beside() const { return folder_.empty() ? Outputs() : Outputs(folder_, previous_); }

  // Adds (or replaces) the file at `path`, relative to the output folder, '/'-separated.
  void add(const std::string& path, std::string bytes);
  // Appends `bytes` to the file at `path`, which add() began: a file written in parts (an
  // archive-wide table, a plan's rows at a time), so that its whole text is never held when the
  // outputs are folder-backed. A path not added first is a write error (internal).
  void append(const std::string& path, std::string_view bytes);
  // Adds a plan's artifact at its path, and remembers what it is.
  void add(const Artifact& artifact, std::string bytes);
  // Adds the file at `path` with the bytes of the file already at `from` (a plan's download
  // offered again under site/files/); false when there is none at `from`. A folder-backed build
  // links the two instead of writing the bytes twice.
  bool add_copy(const std::string& path, const std::string& from);
  // Adds the file at `path` from the file `source` on disk, which is not changed (a folder-backed
  // build links it when it can): a file taken from the cache. False when it cannot.
  // `size`, when given, is the source's size as the caller found it (it is not looked up again).
  bool add_file(const std::string& path, const std::filesystem::path& source, std::string& why,
                std::optional<size_t> size = std::nullopt);
  // Remembers `artifact` as one of the files added (its path must be added too).
  void note_artifact(const Artifact& artifact);
  // The artifacts added, in the order they were added (the editions' order, PDF before DOCX
  // before the submission, as the steps run).
  const std::vector<Artifact>& artifacts() const { return artifacts_; }
  bool has(const std::string& path) const;
  // The bytes of the file at `path`, when they are held in memory.
  const std::string* find(const std::string& path) const;
  // The size of the file at `path`, if there is one.
  std::optional<size_t> size_of(const std::string& path) const;
  // Every path under `prefix`, sorted.
  std::vector<std::string> paths(const std::string& prefix = {}) const;
  size_t size() const;
  size_t total_bytes() const;
  // The files held in memory (all of them, unless the outputs are folder-backed).
  const std::map<std::string, std::string>& files() const { return files_; }
  // Where the files are written; empty when they are held in memory.
  const std::filesystem::path& folder() const { return folder_; }
  // The previous build the folder began as, if it did (what of it the build did not take is
  // removed before publishing: PreviousTree::remove_untaken).
  const std::shared_ptr<const PreviousTree>& previous() const { return previous_; }
  // Files that could not be written into the folder: "path: why".
  const std::vector<std::string>& write_errors() const { return write_errors_; }
  // Moves every file of `other` in (its bytes are not copied); `other` is left empty.
  void absorb(Outputs&& other);

 private:
  std::filesystem::path folder_;
  std::shared_ptr<const PreviousTree> previous_;
  std::map<std::string, std::string> files_;  // in memory
  std::map<std::string, size_t> written_;     // in the folder: path -> size
  std::vector<Artifact> artifacts_;
  std::vector<std::string> write_errors_;
  // The folders of `folder_` made (or found) for files so far, relative: a restored plan adds
  // hundreds of files into a few folders, each asked for once (a 100-plan archive: 12,600 files).
  std::set<std::string> folders_;

  // Makes the folder `path` goes into, unless it is known to be there; false (and `why`) when it
  // cannot be made.
  bool make_folder_for(const std::string& path, std::string& why);
};

}  // namespace renaksi
