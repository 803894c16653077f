// Where the tests find the source tree; temporary folders.
#include "support/paths.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <unistd.h>

namespace renaksi::testing {

std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void replace_once(const std::filesystem::path& file, const std::string& from, const std::string& to) {
  std::string s = file_bytes(file);
  const auto at = s.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << file << " has no " << from;
    return;
  }
  s.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << s;
}

void write_file(const std::filesystem::path& file, const std::string& bytes) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

std::filesystem::path copy_base_plan(const TempDir& dir) {
  const std::filesystem::path plan = dir.path() / "plan";
  std::filesystem::copy(fixtures_dir() / "check" / "base", plan, std::filesystem::copy_options::recursive);
  return plan;
}

TempDir::TempDir(const std::string& name) {
  path_ = std::filesystem::temp_directory_path() / ("renaksi-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace renaksi::testing
