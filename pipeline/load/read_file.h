// Reads a whole file into memory: the one way content, submissions and catalogues are read.
#pragma once

#include <filesystem>
#include <string>

namespace renaksi {

// False when the file cannot be opened or read.
bool read_file(const std::filesystem::path& path, std::string& out);

}  // namespace renaksi
