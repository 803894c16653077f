// The files a build produces, held in memory or written into a folder as they come.
#include "output/outputs.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <algorithm>
#include <unistd.h>

#include "env/file_io.h"
#include "env/limits.h"
#include "env/read_file.h"

namespace renaksi {

namespace fs = std::filesystem;

namespace {

// A path the build made itself, but checked all the same: relative, no "..", no empty part.
bool safe(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string_view part(path.data() + start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

void Outputs::add(const std::string& path, std::string bytes) {
  if (folder_.empty()) {
    files_[path] = std::move(bytes);
    return;
  }
  std::string why;
  const fs::path file = folder_ / path;
  std::error_code ec;
  if (!safe(path)) {
    write_errors_.push_back(path + ": the path leaves the output folder (internal error)");
    return;
  }
  if (!make_folder_for(path, why)) {
    write_errors_.push_back(path + ": " + why);
    return;
  }
  if (written_.count(path)) fs::remove(file, ec);  // replaced: a build's own file
  else if (previous_) previous_->clear(folder_, path);  // the previous build's, if it is there
  if (!write_new_file(file, bytes, why)) {
    write_errors_.push_back(path + ": cannot write the file: " + why);
    return;
  }
  written_[path] = bytes.size();
}

void Outputs::append(const std::string& path, std::string_view bytes) {
  if (folder_.empty()) {
    const auto it = files_.find(path);
    if (it == files_.end()) {
      write_errors_.push_back(path + ": appended to before it was added (internal error)");
      return;
    }
    it->second.append(bytes);
    return;
  }
  const auto it = written_.find(path);
  if (it == written_.end()) {
    // Not written: add() failed (its error is kept) or was never called.
    const std::string prefix = path + ": ";
    for (const auto& e : write_errors_)
      if (e.starts_with(prefix)) return;
    write_errors_.push_back(path + ": appended to before it was added (internal error)");
    return;
  }
  std::string why;
  if (!append_to_file(folder_ / path, bytes, why)) {
    write_errors_.push_back(path + ": cannot write the file: " + why);
    written_.erase(it);
    return;
  }
  it->second += bytes.size();
}

void Outputs::add(const Artifact& artifact, std::string bytes) {
  const std::string path = artifact.path();
  if (!has(path)) artifacts_.push_back(artifact);
  add(path, std::move(bytes));
}

void Outputs::note_artifact(const Artifact& artifact) {
  for (const auto& a : artifacts_)
    if (a.path() == artifact.path()) return;
  artifacts_.push_back(artifact);
}

bool Outputs::add_copy(const std::string& path, const std::string& from) {
  if (auto it = files_.find(from); it != files_.end()) {
    std::string bytes = it->second;
    add(path, std::move(bytes));
    return true;
  }
  if (!written_.count(from)) return false;
  std::string why;
  if (!add_file(path, folder_ / from, why)) {
    write_errors_.push_back(path + ": " + why);
    return false;
  }
  return true;
}

bool Outputs::add_file(const std::string& path, const fs::path& source, std::string& why, std::optional<size_t> known_size) {
  std::error_code ec;
  const auto size = known_size ? static_cast<std::uintmax_t>(*known_size) : fs::file_size(source, ec);
  if (ec) {
    why = "cannot read " + source.generic_string() + ": " + ec.message();
    return false;
  }
  if (folder_.empty()) {
    std::string bytes;
    if (ReadResult r = read_file(source, bytes, limits::kMaxPandocOutputBytes, Links::Refuse); !r) {
      why = source.generic_string() + " " + r.reason;
      return false;
    }
    files_[path] = std::move(bytes);
    return true;
  }
  if (!safe(path)) {
    why = "the path leaves the output folder (internal error)";
    return false;
  }
  const fs::path file = folder_ / path;
  if (!make_folder_for(path, why)) return false;
  if (written_.count(path)) {
    fs::remove(file, ec);
  } else if (previous_) {
    // The previous build's file at this path, when it is this very file (an unchanged plan's,
    // both links to one cache entry), is already in place.
    if (previous_->keep_if_same(path, source)) {
      written_[path] = static_cast<size_t>(size);
      return true;
    }
    previous_->clear(folder_, path);
  }
  // A link, not a copy: the file is never written to again (a build writes new files, and the
  // cache's are read-only), so two names for its bytes cost nothing and take no time. Another
  // file system (EXDEV) or one without links: a copy.
  if (::link(source.c_str(), file.c_str()) != 0) {
    fs::copy_file(source, file, fs::copy_options::none, ec);
    if (ec) {
      why = "cannot copy " + source.generic_string() + ": " + ec.message();
      return false;
    }
  }
  written_[path] = static_cast<size_t>(size);
  return true;
}

bool Outputs::has(const std::string& path) const { return files_.count(path) > 0 || written_.count(path) > 0; }

const std::string* Outputs::find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::optional<size_t> Outputs::size_of(const std::string& path) const {
  if (auto it = files_.find(path); it != files_.end()) return it->second.size();
  if (auto it = written_.find(path); it != written_.end()) return it->second;
  return std::nullopt;
}

std::vector<std::string> Outputs::paths(const std::string& prefix) const {
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix); ++it)
    out.push_back(it->first);
  const size_t in_memory = out.size();
  for (auto it = written_.lower_bound(prefix); it != written_.end() && it->first.starts_with(prefix); ++it)
    out.push_back(it->first);
  if (in_memory > 0 && out.size() > in_memory) std::sort(out.begin(), out.end());
  return out;
}

bool Outputs::make_folder_for(const std::string& path, std::string& why) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return true;  // directly in the folder, which exists
  const std::string folder = path.substr(0, slash);
  if (folders_.count(folder)) return true;
  std::error_code ec;
  // In a folder that began as the previous build: the deepest folder of the path that build has
  // is kept, with every one above it; only what is below it is made.
  bool there = false;
  if (previous_)
    for (size_t end = folder.size(); end != std::string::npos && end > 0; end = folder.rfind('/', end - 1))
      if (previous_->take_folder(folder.substr(0, end))) {
        there = end == folder.size();
        break;
      }
  if (!there) {
    fs::create_directories(folder_ / folder, ec);
    if (ec && previous_) {  // a file of the previous build where a folder goes now
      ec.clear();
      previous_->clear_way(folder_, folder);
      fs::create_directories(folder_ / folder, ec);
    }
  }
  if (ec) {
    why = "cannot create its folder: " + ec.message();
    return false;
  }
  // The folder and every folder above it are there now.
  for (size_t end = folder.size(); end != std::string::npos && end > 0; end = folder.rfind('/', end - 1)) {
    if (!folders_.insert(folder.substr(0, end)).second) break;  // and so is every one above it
  }
  return true;
}

void Outputs::absorb(Outputs&& other) {
  for (auto& [path, bytes] : other.files_) add(path, std::move(bytes));
  other.files_.clear();
  for (auto& [path, size] : other.written_) written_[path] = size;
  other.written_.clear();
  artifacts_.insert(artifacts_.end(), other.artifacts_.begin(), other.artifacts_.end());
  other.artifacts_.clear();
  write_errors_.insert(write_errors_.end(), other.write_errors_.begin(), other.write_errors_.end());
  other.write_errors_.clear();
  if (other.folder_ == folder_) folders_.merge(other.folders_);
  other.folders_.clear();
}

size_t Outputs::size() const { return files_.size() + written_.size(); }

size_t Outputs::total_bytes() const {
  size_t n = 0;
  for (const auto& [p, b] : files_) n += b.size();
  for (const auto& [p, s] : written_) n += s;
  return n;
}

}  // namespace renaksi
