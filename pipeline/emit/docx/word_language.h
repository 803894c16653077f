// Word's language of a run for text in another language than its edition's (w:lang).
#pragma once

#include <nlohmann/json.hpp>

namespace renaksi::docx {

// Rewrites, in a Pandoc JSON AST bound for the Word writer, each Span carrying a `lang` (a term
// marked in prose, a name or a stand-in in another language) into raw OpenXML runs with that
// w:lang. Pandoc 2.17's Word writer drops a Span's lang, and a character style carrying it is
// rewritten to the document's language, so the runs are written here, by hand: the span's text
// (Str, Space, SoftBreak, LineBreak, Quoted, Emph and Strong inside it, with the emphasis and
// strength around it) XML-escaped. A span holding anything else (a link, a note, code) is left
// to Pandoc, without its language. Tags that are not language tags are left alone. Nesting is
// bounded by the AST's, which renaksi built.
void mark_languages(nlohmann::json& ast);

}  // namespace renaksi::docx
