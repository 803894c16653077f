// Where the tests find the source tree; temporary folders.
#include "support/paths.h"

#include <fstream>
#include <iterator>

#include <unistd.h>

namespace renaksi::testing {

std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
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
