// The publish pass: writes every output into a staging folder beside the output folder, then
// swaps it into place, so the output folder is either the old build or the new one, whole.
#pragma once

#include <filesystem>

#include "diag/diagnostic.h"
#include "publish/outputs.h"

namespace renaksi {

// Returns false (with an X001 error, and `out_dir` untouched) when a file cannot be written.
bool publish(const Outputs& outputs, const std::filesystem::path& out_dir, Diagnostics& diags);

}  // namespace renaksi
