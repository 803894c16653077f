// Validates OGP-submission XML (bytes or a file): well-formedness, the XSD, then the rules beyond it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "model/plan.h"
#include "xml/xml_document.h"

namespace renaksi::ogp {

// The codes a submission's parse reports: V001 not well-formed, V009 a DOCTYPE.
XmlParseCodes submission_parse_codes();

// Parses `bytes` safely (no network, no entities, no DOCTYPE: V001, V009), validates it against
// the embedded schemas/ogp-submission.xsd (V002) and checks the rules the schema cannot
// express (V003-V008). Every problem becomes a diagnostic with `file`, line and column, never
// only the first. Returns the parsed document when there is no error, null otherwise.
XmlDocPtr parse_valid_submission(const std::string& bytes, const std::string& file, Diagnostics& diags);

// The same, for callers that want only the verdict.
bool validate_submission(const std::string& bytes, const std::string& file, Diagnostics& diags);

// The submission of `plan`, written and then validated as `file`: the XML when it is valid,
// nothing (with every problem in `diags`) when it is not. The one way renaksi makes a submission.
std::optional<std::string> write_valid_submission(const Plan& plan, const std::string& generated,
                                                  const std::string& file, Diagnostics& diags);

// Reads `path` whole and validates it; a file that cannot be read is an L001.
bool validate_submission_file(const std::filesystem::path& path, Diagnostics& diags);

}  // namespace renaksi::ogp
