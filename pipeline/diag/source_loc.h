// Where a model node came from: file, line and column, carried through every pass.
#pragma once

#include <string>

namespace renaksi {

struct SourceLoc {
  std::string file;  // as the user named it (relative paths stay relative)
  int line = 0;      // 1-based; 0 = unknown
  int col = 0;       // 1-based; 0 = unknown

  std::string str() const;  // "file:line:col", dropping the parts that are unknown
};

}  // namespace renaksi
