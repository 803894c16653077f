// Diagnostics: every problem a pass finds, with its code, severity and source location.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/codes.h"
#include "diag/source_loc.h"

namespace renaksi {

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  Code code = Code::L001;
  SourceLoc loc;
  std::string message;

  // "file:line:col: error[C003]: message", always one line: the file name and the message are
  // shown through `printable`, so no name or content can start a line or colour a terminal.
  std::string str() const;
};

// `text` made safe to print on one line of a terminal: control characters (C0, DEL, C1),
// line and paragraph separators and bidirectional controls become visible escapes (`\n`, `\t`,
// `\x1b`, `\u0085`, `\u202e`), and bytes that are not UTF-8 become `\xNN`. Other text,
// including every printable non-ASCII character, is kept as it is.
std::string printable(std::string_view text);

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
