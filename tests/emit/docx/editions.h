// The real plans composed once per test process (passes up to compose, a fixed build date),
// for the DOCX tests, and small helpers to run the tools that read a DOCX.
#pragma once

#include "support/text.h"

#include <filesystem>
#include <string>

#include "driver/pipeline.h"
#include "emit/docx/document_to_pandoc.h"

namespace renaksi::testing {

// The build date every DOCX test uses: 30 November 2018.
inline constexpr std::int64_t kEpoch = 1543536000;

// Every plan of content/, composed (no PDF, no DOCX yet).
const ArchiveBuild& composed_archive();
const BuildState& composed_plan(const std::string& id);
const doc::Document& edition(const std::string& plan_id, const std::string& edition);

// The English edition of the small check base plan (tests/fixtures/check/base), composed once
// per process: for the tests of what happens around Pandoc, where the document's size is not
// the point.
const doc::Document& small_edition();

// The Env of the composed archive: the source tree's data folder, the fixed date.
Env docx_env();

// The options the build gives the DOCX pass: those of the default layout (layouts/a4.json).
const docx::Options& docx_build_options();

// Writes `bytes` to `path`, creating its folder.
void write_output(const std::filesystem::path& path, const std::string& bytes);


}  // namespace renaksi::testing
