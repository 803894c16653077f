// `renaksi template`: the commitment form of a template profile written as a Word file in one
// language, through Pandoc's JSON AST and layouts/reference.docx, as the DOCX editions are.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "diag/diagnostic.h"
#include "docx_import/template_form.h"
#include "env/env.h"
#include "locale/catalogue.h"
#include "profile/template_profile.h"

namespace renaksi::docx_import {

// The form as a Pandoc document: a title, the instructions, then each table under its heading
// (label/value tables without a header row; the milestone and contact grids with their column
// labels and empty rows). Every label comes from `catalogue`; a key it lacks is I011 at
// `where`, and the AST is then empty (null).
nlohmann::json template_ast(const Form& form, const TemplateProfile& profile, const Catalogue& catalogue,
                            const std::string& where, Diagnostics& diags);

// The Word file of `profile` in the catalogue's language, or empty after an error (I011; the
// D001-D004 of the DOCX pass for Pandoc and the reference document). The same inputs and
// SOURCE_DATE_EPOCH give the same bytes.
std::string template_docx(const TemplateProfile& profile, const Catalogue& catalogue, const Env& env,
                          const std::string& where, Diagnostics& diags);

}  // namespace renaksi::docx_import
