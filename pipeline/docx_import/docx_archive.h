// The checks a Word file passes before Pandoc reads it: a ZIP archive (read with libzip) with
// word/document.xml, within the bounds of import_limits.h both as declared in its directory and
// as actually unpacked (a ZIP bomb stops at the bound), tables within bounds, and no outside
// resource but hyperlinks (nothing is ever fetched).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace renaksi::docx_import {

struct DocxParts {
  std::string document_xml;                 // word/document.xml, unpacked
  std::vector<std::string> hyperlink_targets;  // the external hyperlinks its relationships name
};

// True when `bytes` passes; otherwise one error at `file`: I001 (not a ZIP, no
// word/document.xml, an encrypted part), I002 (too many parts, too large declared or unpacked,
// or a part that unpacks to more than it declares), I004 (more tables or rows than read),
// I005 (a relationship to an outside resource other than a hyperlink: a linked image, template,
// frame or object). `out` receives the parts later steps use.
bool check_docx_archive(std::string_view bytes, const std::string& file, Diagnostics& diags, DocxParts& out);

}  // namespace renaksi::docx_import
