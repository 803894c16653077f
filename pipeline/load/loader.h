// The load pass: reads a plan folder (plan.xml, organisations.xml, commitments/*.xml) into a
// Plan, validating each file against the content schema. Every problem is reported; a file
// that fails is left out of the model and the rest still load.
#pragma once

#include <filesystem>
#include <string>

#include "diag/diagnostic.h"
#include "model/plan.h"

namespace renaksi {

// The template profile of a plan.xml that names none: OGI's 2018 commitment template (seed 004).
inline constexpr std::string_view kDefaultTemplate = "ogi-2018";

struct LoadResult {
  Plan plan;
  bool plan_file_ok = false;  // plan.xml parsed and valid: the plan-level model can be trusted
  bool organisations_ok = false;
  bool all_commitments_ok = true;
  int files_read = 0;
  int files_failed = 0;
};

LoadResult load_plan(const std::filesystem::path& folder, Diagnostics& diags);

// Which kind of content document a root element is.
enum class DocumentKind { Plan, Commitment, Organisations };

// Parses and validates one content file against the schema (for `renaksi check` of a single
// file and for tests). Returns true when it is well-formed, valid and of the expected kind.
bool validate_content_file(const std::filesystem::path& file, DocumentKind expected, Diagnostics& diags);

}  // namespace renaksi
