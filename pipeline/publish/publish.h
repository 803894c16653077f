// The publish pass: writes every output into a staging folder beside the output folder, then
// swaps it into place, so the output folder is either the old build or the new one, whole.
#pragma once

#include <filesystem>

#include "diag/diagnostic.h"
#include "output/outputs.h"

namespace renaksi {

// Claims `out_dir` (publish/output_folder.h: empty, missing or renaksi's own; locked) and
// publishes `outputs` into it. False (with X001-X004 errors, and `out_dir` untouched) otherwise.
// `renaksi build` claims the folder before it builds instead, and checks it against the content.
bool publish(const Outputs& outputs, const std::filesystem::path& out_dir, Diagnostics& diags);

}  // namespace renaksi
