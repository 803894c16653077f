// Where a model node came from: its printed form.
#include "diag/source_loc.h"

namespace renaksi {

std::string SourceLoc::str() const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (col > 0) out += ':' + std::to_string(col);
  }
  return out;
}

}  // namespace renaksi
