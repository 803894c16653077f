// The real plans of content/ built once per test process, through every step of the pipeline
// table, for the suites that only read what a whole build makes.
#pragma once

#include <filesystem>

#include "driver/pipeline.h"

namespace renaksi::testing {

// `build_archive(content_dir(), env)`: the source tree's data folder, a build date of
// 30 November 2018 (1543536000), a fresh cache of its own (shared_archive_cache()). Built on
// first use; never published anywhere.
const ArchiveBuild& shared_archive();
const std::filesystem::path& shared_archive_cache();

}  // namespace renaksi::testing
