// The real plans of content/ built once per test process, through every step of the pipeline
// table, for the suites that only read what a whole build makes.
#pragma once

#include <filesystem>
#include <memory>

#include "driver/pipeline.h"
#include "support/paths.h"

namespace renaksi::testing {

// `build_archive(content_dir(), env)`: the source tree's data folder, a build date of
// 30 November 2018 (1543536000), a fresh cache of its own (shared_archive_cache()). Built on
// first use; never published anywhere.
const ArchiveBuild& shared_archive();
const std::filesystem::path& shared_archive_cache();

// Every PDF of shared_archive(), written under a new temporary folder `name` at its output path
// ("<plan>/<plan>.<edition>.pdf"), for the tools that read files (poppler, qpdf).
std::unique_ptr<TempDir> shared_archive_pdfs(const std::string& name);

}  // namespace renaksi::testing
