// Loads a plan's co-creation record (content/<plan>/cocreation/: proposals.xml, consultation.xml),
// each file validated against schemas/cocreation.rng with line and column diagnostics. Every
// problem is reported; a file that fails is left out, the other loads.
#pragma once

#include <filesystem>
#include <string>

#include "diag/diagnostic.h"
#include "model/plan.h"

namespace renaksi {

// The co-creation record of the plan in `plan_folder`: empty (and nothing reported) when it has
// no cocreation/ folder.
Cocreation load_cocreation(const std::filesystem::path& plan_folder, Diagnostics& diags);

// The file of the plan's consultation, where renaksi import-comments adds comments.
std::filesystem::path consultation_file(const std::filesystem::path& plan_folder);

// True when `bytes` (the file `name`) parses and follows schemas/cocreation.rng; its problems
// reported as the loader would report them.
bool valid_record_file(const std::string& bytes, const std::string& name, Diagnostics& diags);

}  // namespace renaksi
