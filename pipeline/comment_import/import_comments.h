// renaksi import-comments: the public consultation's comments, as a survey tool exports them
// (CSV), added to the plan's cocreation/consultation.xml as "what we heard" entries with stable
// ids ("C3-07": the 7th comment on commitment 3; "G-02": on the plan as a whole), each to be
// answered there by the secretariat. Columns are found by name (imports/comment-columns.json).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "env/env.h"
#include "model/plan.h"

namespace renaksi::comment_import {

struct ImportRequest {
  std::filesystem::path csv;
  std::map<std::string, std::string> columns;  // field -> header, over the mapping file's
  std::string lang;        // the comments' language when no column gives it; "" = the plan's administrative one
  std::string date_order;  // "dmy" or "mdy": how to read 2/3/2025; "" = such dates are an error
  bool names = false;      // keep a commenter's own name (else only the organisation)
};

struct ImportOutcome {
  std::string xml;                  // consultation.xml with the new comments, validated
  std::vector<std::string> added;   // the new comments' ids, in order
  int already = 0;                  // rows already recorded (same day, same text): left as they are
  int skipped = 0;                  // rows not added: reported
  std::vector<std::string> notes;   // what was left out on purpose (personal data)
};

// Reads the CSV against `plan` (loaded from `plan_folder`, its consultation declared) and makes
// the new consultation.xml. Every row's problem is reported (I012-I017) with its line; a row
// with an error is not added; false when nothing can be written.
bool import_comments(const Plan& plan, const std::filesystem::path& plan_folder, const ImportRequest& request,
                     const Env& env, Diagnostics& diags, ImportOutcome& outcome);

}  // namespace renaksi::comment_import
