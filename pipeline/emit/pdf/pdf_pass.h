// The PDF pass: every edition of a plan laid out and written as a PDF, editions in parallel.
#pragma once

#include "doc/document.h"
#include "diag/diagnostic.h"
#include "env/env.h"
#include "style/style.h"
#include "output/outputs.h"

namespace renaksi {

struct PdfStats {
  size_t editions = 0;
  size_t pages = 0;
  size_t bytes = 0;
};

// Writes "<plan-id>/<plan-id>.<edition>.pdf" into `outputs` for each document, laying out at
// most `at_once` editions at a time (0: one per core).
PdfStats emit_pdfs(const std::vector<doc::Document>& documents, const layout::Style& style, const Env& env,
                   Outputs& outputs, Diagnostics& diags, size_t at_once = 0);

// The order `emit_pdfs` starts the editions in when it has fewer threads than editions: the
// largest first (blocks times languages), ties in the editions' order.
std::vector<size_t> pdf_start_order(const std::vector<doc::Document>& documents);

// The PDF of one edition (for tests and benchmarks); `pages` gets the page count.
std::string pdf_of(const doc::Document& document, const layout::Style& style, const Env& env, Diagnostics& diags,
                   size_t* pages = nullptr);

}  // namespace renaksi
