// A plan's recorded previous draft: content/<plan>/history/draft-N/, a snapshot of the plan
// folder (plan.xml, organisations.xml, commitments/) as it stood at Draft N. The build never
// takes it for a plan of its own; the latest one earlier than the plan's stage is the draft its
// change report compares with.
#pragma once

#include <filesystem>
#include <optional>

#include "diag/diagnostic.h"
#include "load/loader.h"

namespace renaksi::diff {

inline constexpr std::string_view kHistoryFolder = "history";

// The latest recorded draft of `plan` (loaded from `plan_folder`), loaded through the normal
// loader (every L-diagnostic applies, at the snapshot's files), or nullopt when the plan records
// none. Problems of the history folder itself are R001–R003. A snapshot that does not load
// whole gives nullopt after its diagnostics.
std::optional<LoadResult> load_recorded_draft(const std::filesystem::path& plan_folder, const Plan& plan,
                                              Diagnostics& diags);

}  // namespace renaksi::diff
