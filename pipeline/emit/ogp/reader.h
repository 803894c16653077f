// Reads OGP-submission XML back into a Plan (the writer's inverse, for round trips and imports).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "model/plan.h"

namespace renaksi::ogp {

struct ReadOptions {
  // true: the submission must be valid (see validator.h), or nothing is read. false: any
  // well-formed submission is read as far as it goes (a draft's, say), reporting only V001/V009.
  bool require_valid = true;
};

// Reads `bytes` into a Plan whose nodes carry their places in `file`. Texts are normalised as
// the loader normalises content (prose dedented, short texts collapsed), which leaves the
// writer's own output unchanged. nullopt when the submission cannot be read (every problem is
// in `diags`).
std::optional<Plan> read_ogp_submission(const std::string& bytes, const std::string& file, Diagnostics& diags,
                                        const ReadOptions& options = {});

std::optional<Plan> read_ogp_submission_file(const std::filesystem::path& path, Diagnostics& diags,
                                             const ReadOptions& options = {});

}  // namespace renaksi::ogp
