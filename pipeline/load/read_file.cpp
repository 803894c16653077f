// Reads a whole file into memory.
#include "load/read_file.h"

#include <fstream>
#include <sstream>

namespace renaksi {

bool read_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

}  // namespace renaksi
