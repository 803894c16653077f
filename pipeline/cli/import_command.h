// `renaksi import`: a filled commitment form (Word) into a commitment file at Draft 1.
#pragma once

#include <ostream>
#include <string>

namespace renaksi {

struct ImportOptions {
  std::string docx;  // the filled form
  std::string plan;  // a plan folder to map onto: its profile, languages, organisations, themes
  std::string out;   // where to write the commitment (default: standard output)
  bool fail_on_warnings = false;
};

// Imports, validates, then writes (never a file that does not validate). Prints every field not
// found or not mapped as a warning; exit 1 on an error (or a warning with --fail-on-warnings).
int run_import(const ImportOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace renaksi
