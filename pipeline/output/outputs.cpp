// The files a build produces, held in memory.
#include "output/outputs.h"

namespace renaksi {

void Outputs::add(const std::string& path, std::string bytes) {
  files_[path] = std::move(bytes);
}

void Outputs::add(const Artifact& artifact, std::string bytes) {
  const std::string path = artifact.path();
  if (!files_.count(path)) artifacts_.push_back(artifact);
  files_[path] = std::move(bytes);
}

bool Outputs::add_copy(const std::string& path, const std::string& from) {
  auto it = files_.find(from);
  if (it == files_.end()) return false;
  std::string bytes = it->second;
  files_[path] = std::move(bytes);
  return true;
}

std::optional<size_t> Outputs::size_of(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second.size();
}

bool Outputs::has(const std::string& path) const {
  return files_.count(path) > 0;
}

const std::string* Outputs::find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<std::string> Outputs::paths(const std::string& prefix) const {
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix); ++it)
    out.push_back(it->first);
  return out;
}

void Outputs::absorb(Outputs&& other) {
  for (auto& [path, bytes] : other.files_) files_[path] = std::move(bytes);
  other.files_.clear();
  artifacts_.insert(artifacts_.end(), other.artifacts_.begin(), other.artifacts_.end());
  other.artifacts_.clear();
}

size_t Outputs::size() const {
  return files_.size();
}

size_t Outputs::total_bytes() const {
  size_t n = 0;
  for (const auto& [p, b] : files_) n += b.size();
  return n;
}

}  // namespace renaksi
