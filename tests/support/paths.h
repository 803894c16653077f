// Where the tests find the source tree, the fixtures and the renaksi binary.
#pragma once

#include <filesystem>
#include <string>

namespace renaksi::testing {

inline std::filesystem::path source_dir() { return RENAKSI_SOURCE_DIR; }
inline std::filesystem::path fixtures_dir() { return source_dir() / "tests" / "fixtures"; }
inline std::filesystem::path content_dir() { return source_dir() / "content"; }
inline std::string binary() { return RENAKSI_BINARY; }

// The whole of a file (empty when it cannot be read): for tests comparing bytes.
std::string file_bytes(const std::filesystem::path& file);

// Writes `bytes` as `file`, making its folders first.
void write_file(const std::filesystem::path& file, const std::string& bytes);

// Replaces the first `from` in `file` with `to`; a test failure when `from` is not there.
void replace_once(const std::filesystem::path& file, const std::string& from, const std::string& to);

class TempDir;
// A copy of the check fixtures' base plan (tests/fixtures/check/base) in `dir`, as `dir`/plan: its
// folder, for tests that edit a plan before building it.
std::filesystem::path copy_base_plan(const TempDir& dir);

// A fresh, empty folder under the system's temp folder, removed when the object goes.
class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace renaksi::testing
