// The files a build produces, held in memory until the publish step writes them all at once.
// Not synchronised: steps that work in parallel add their files after joining.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "output/artifact.h"

namespace renaksi {

class Outputs {
 public:
  // Adds (or replaces) the file at `path`, relative to the output folder, '/'-separated.
  void add(const std::string& path, std::string bytes);
  // Adds a plan's artifact at its path, and remembers what it is.
  void add(const Artifact& artifact, std::string bytes);
  // The artifacts added, in the order they were added (the editions' order, PDF before DOCX
  // before the submission, as the steps run).
  const std::vector<Artifact>& artifacts() const { return artifacts_; }
  // Adds the file at `path` with the bytes of the file already at `from` (a plan's download
  // offered again under site/files/); false when there is none at `from`. A folder-backed build
  // links the two instead of writing the bytes twice.
  bool add_copy(const std::string& path, const std::string& from);
  bool has(const std::string& path) const;
  // The size of the file at `path`, if there is one.
  std::optional<size_t> size_of(const std::string& path) const;
  const std::string* find(const std::string& path) const;
  // Every path under `prefix`, sorted.
  std::vector<std::string> paths(const std::string& prefix = {}) const;
  size_t size() const;
  size_t total_bytes() const;
  const std::map<std::string, std::string>& files() const { return files_; }
  // Moves every file of `other` in (its bytes are not copied); `other` is left empty.
  void absorb(Outputs&& other);

 private:
  std::map<std::string, std::string> files_;
  std::vector<Artifact> artifacts_;
};

}  // namespace renaksi
