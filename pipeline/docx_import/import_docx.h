// `renaksi import`: a filled commitment form (Word) into a commitment file of the content format
// at Draft 1, validated against the content schema before anyone writes it.
#pragma once

#include <filesystem>
#include <string>

#include "diag/diagnostic.h"
#include "docx_import/commitment_from_form.h"
#include "env/env.h"
#include "model/plan.h"

namespace renaksi::docx_import {

// What the form may follow: the plan's template profile and languages (`plan` non-null), else
// every profile of templates/ and every language of locales/ under the data folder. False after
// an error (T001/T002 of a profile, F001/F002 of a catalogue).
bool import_context(const Plan* plan, const Env& env, Diagnostics& diags, ImportContext& out);

// Reads the Word file: its archive checked (docx_archive.h), its tables read by Pandoc
// (word_tables.h), mapped (commitment_from_form.h) and the result validated. False after an
// error; every field not found or not mapped is a warning in `diags`.
bool import_docx(const std::filesystem::path& docx, const ImportContext& context, const Env& env, Diagnostics& diags,
                 ImportedCommitment& out);

// True when `xml` is a <commitment> the content schema accepts; each violation an L003 at `name`
// and one I010 saying the import made it (a defect of renaksi's, or of a value it kept).
bool validate_commitment_xml(const std::string& xml, const std::string& name, Diagnostics& diags);

}  // namespace renaksi::docx_import
