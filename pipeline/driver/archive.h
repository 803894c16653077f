// Builds a whole archive: every plan under a content folder through every pass, then the
// archive-wide outputs (the website), ready to publish in one step.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "driver/passes.h"
#include "publish/outputs.h"

namespace renaksi {

struct ArchiveBuild {
  std::vector<std::unique_ptr<BuildState>> plans;  // in folder order
  Diagnostics diags;                               // archive-wide problems (Pandoc, the site)
  ProseStats prose_stats;                          // the one prose run of the whole build
  std::vector<PassTiming> timings;                 // summed over the plans, then the archive steps
  Outputs outputs;                                 // every plan's outputs and the site's

  size_t error_count() const;
  size_t warning_count() const;
};

// `root` itself when it holds plan.xml, else each sub-folder that does, sorted by name. A root
// that cannot be listed (L001), holds more than limits::kMaxFilesPerFolder entries (L006), or
// an entry that is a broken link or a loop of links (L001) is reported in `diags`.
std::vector<std::filesystem::path> plan_folders(const std::filesystem::path& root, Diagnostics& diags);

// Runs the plan passes (up to `stop_after`) for each plan, then, when every plan got through
// all of them, the archive steps. The prose of every plan goes to Pandoc in one run: each plan
// is loaded and checked, then the prose of all of them is parsed, then each goes on.
ArchiveBuild build_archive(const std::filesystem::path& root, const Env& env, std::string_view stop_after = {});

// The archive-wide steps, after the plan passes: their names, for --stop-after.
bool is_archive_step(std::string_view name);

}  // namespace renaksi
