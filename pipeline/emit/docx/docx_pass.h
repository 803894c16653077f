// The DOCX pass: each single-language edition of a plan written as a Word document by one
// Pandoc run, styled by layouts/reference.docx; editions in parallel.
#pragma once

#include <string>
#include <vector>

#include "compose/document.h"
#include "diag/diagnostic.h"
#include "emit/docx/document_to_pandoc.h"
#include "env/env.h"
#include "layout/style.h"
#include "publish/outputs.h"

namespace renaksi {

struct DocxStats {
  size_t editions = 0;
  size_t bytes = 0;
};

// "<plan-id>/<plan-id>.<lang>.docx"
std::string docx_path(const doc::Document& document);

// True for the editions that get a DOCX: one language each (editors work per language in
// Word; the bilingual edition is a PDF only).
bool has_docx(const doc::Document& document);

// The table column shares and the metadata label share of the PDF's layout, so that both
// outputs set their tables alike.
docx::Options docx_options(const layout::Style& style);

// Writes the DOCX of every single-language edition into `outputs`.
DocxStats emit_docxs(const std::vector<doc::Document>& documents, const docx::Options& options, const Env& env,
                     Outputs& outputs, Diagnostics& diags);

// The DOCX of one edition, or nothing after a D001-D004 error. Pandoc gets SOURCE_DATE_EPOCH
// from `env.now()`, so the same document and date give the same bytes.
std::string docx_of(const doc::Document& document, const docx::Options& options, const Env& env, Diagnostics& diags);

}  // namespace renaksi
