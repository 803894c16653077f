// The command line's checks of the paths it is given, in renaksi's words (not CLI11's).
#pragma once

#include <string>

namespace renaksi {

// Empty when `path` is a folder; otherwise what it is instead: "'x' does not exist", "'x' is a
// file, not a folder".
std::string must_be_folder(const std::string& path);

// Empty when `path` is a file (or a link to one); otherwise what it is instead.
std::string must_be_file(const std::string& path);

}  // namespace renaksi
