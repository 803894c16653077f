// Writes a Plan as OGP-submission XML (schemas/ogp-submission.xsd): UTF-8, indented, reproducible.
#pragma once

#include <string>

#include "model/plan.h"

namespace renaksi::ogp {

struct WriteOptions {
  std::string generated;  // xs:date written as submission/@generated; nothing when empty
  std::string generator;  // e.g. "renaksi 0.1.0", written as submission/@generator; nothing when empty
};

// The submission XML of `plan`, built with libxml2's tree API. The same plan and options give
// byte-identical output: nothing is taken from the clock or the environment. The writer writes
// what the plan holds and leaves judging it to the validator: a plan that lacks what the schema
// requires (a milestone's dates, an English text) gives XML that validate_submission rejects.
std::string write_ogp_submission(const Plan& plan, const WriteOptions& options = {});

}  // namespace renaksi::ogp
