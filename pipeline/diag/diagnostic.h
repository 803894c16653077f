// Diagnostics: every problem a pass finds, with its code, severity and source location.
#pragma once

#include <string>
#include <vector>

#include "diag/codes.h"
#include "model/source_loc.h"

namespace renaksi {

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  Code code = Code::L001;
  SourceLoc loc;
  std::string message;

  // "file:line:col: error[C003]: message"
  std::string str() const;
};

// The problems found so far. Passes add to it and go on; nothing stops at the first problem.
class Diagnostics {
 public:
  void error(Code code, SourceLoc loc, std::string message);
  void warning(Code code, SourceLoc loc, std::string message);
  void add(Diagnostic d);

  const std::vector<Diagnostic>& all() const { return items_; }
  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

  // Files sort in the order they are registered here (the order a pass reads them); files
  // never registered come after, in the order they were first reported.
  void register_file(const std::string& file);

  // Orders by file, then line and column; stable.
  void sort();

 private:
  std::vector<Diagnostic> items_;
  std::vector<std::string> files_;
};

}  // namespace renaksi
