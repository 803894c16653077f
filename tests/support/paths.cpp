// Where the tests find the source tree; temporary folders.
#include "support/paths.h"

#include <unistd.h>

namespace renaksi::testing {

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
