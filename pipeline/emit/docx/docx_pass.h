// The DOCX pass: each single-language edition of a plan written as a Word document, styled by
// layouts/reference.docx; editions in parallel.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "diag/diagnostic.h"
#include "emit/docx/document_to_pandoc.h"
#include "env/env.h"
#include "env/limits.h"
#include "style/style.h"
#include "output/outputs.h"

namespace renaksi {

struct DocxStats {
  size_t editions = 0;
  size_t bytes = 0;
};

// "<plan-id>/<plan-id>.<lang>.docx"
std::string docx_path(const doc::Document& document);
// The edition's Word file as an artifact.
Artifact docx_artifact(const doc::Document& document);

// True for the editions that get a DOCX: one language each (editors work per language in
// Word; the bilingual edition is a PDF only).
bool has_docx(const doc::Document& document);

// The table column shares and the metadata label share of the PDF's layout, so that both
// outputs set their tables alike.
docx::Options docx_options(const layout::Style& style);

// Writes the DOCX of every single-language edition into `outputs`, at most `at_once` at a time
// (0: one thread per edition).
DocxStats emit_docxs(const std::vector<doc::Document>& documents, const docx::Options& options, const Env& env,
                     Outputs& outputs, Diagnostics& diags, size_t at_once = 0);

// True when `bytes` is a whole ZIP archive that lists word/document.xml: its end-of-central-
// directory record at the very end, every central directory entry inside the directory and
// pointing at a local header before it (CRCs and the compressed data are not checked). A
// truncated file fails.
bool is_docx_zip(std::string_view bytes);

// The DOCX of one edition (docx::word_body in the package docx::word_package makes of
// layouts/reference.docx), or nothing after a D002 or D004 error. Its date is `env.now()`: the
// same document and date give the same bytes.
std::string docx_of(const doc::Document& document, const docx::Options& options, const Env& env, Diagnostics& diags);

}  // namespace renaksi
