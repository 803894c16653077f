// `renaksi import-comments`: the public consultation's comments from a survey's CSV export into
// the plan's cocreation/consultation.xml, each under a stable id, to be answered there.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace renaksi {

struct ImportCommentsOptions {
  std::string csv;                   // the survey's export
  std::string plan;                  // the plan folder (its consultation declared)
  std::vector<std::string> columns;  // FIELD=HEADER, over imports/comment-columns.json
  std::string lang;                  // the comments' language when no column gives it
  std::string date_order;            // dmy or mdy
  bool names = false;                // keep commenters' own names
  bool dry_run = false;              // print the new file instead of writing it
};

// Reads, maps and validates, then replaces consultation.xml (never with a file that does not
// validate; never when a row has an error). Exit 1 on an error.
int run_import_comments(const ImportCommentsOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace renaksi
