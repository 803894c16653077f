// Lays out a whole edition: the cover, the table of contents with its page numbers, every
// chapter from a new page in one column per language, running heads and "page X of Y"
// footers, the draft mark, and the outline that bookmarks mirror.
#pragma once

#include "doc/document.h"
#include "diag/diagnostic.h"
#include "layout/measure.h"
#include "layout/page.h"

namespace renaksi::layout {

Pages layout_document(const doc::Document& doc, const Style& style, const Measure& measure, Diagnostics& diags);

}  // namespace renaksi::layout
