// Typographic quotes in the texts compose writes (titles, table cells, cover lines, field values,
// the facts): straight quotes become the language's curly ones, as Pandoc's smart extension
// already makes them in prose, so the PDF, the Word editions and the site show the same marks.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "doc/document.h"

namespace renaksi {

// A language's quotation marks (ICU's ULOCDATA delimiters of its locale).
struct QuoteMarks {
  std::string open = "\u201c", close = "\u201d";    // "…"
  std::string open2 = "\u2018", close2 = "\u2019";  // '…'
};
QuoteMarks quote_marks(const std::string& lang);

// `text` with each straight `"` and `'` curled: an opening mark at the start of the text or after
// a space, an opening bracket, a dash or another opening mark; a closing mark elsewhere; a `'`
// after a letter or digit is the apostrophe U+2019 ("Indonesia’s"). `before` is the character
// before the text (0: none). A word of it that looks like an address (":/", "@", "www.") is left as
// it is; the other words are curled.
std::string curly_quotes(std::string_view text, const QuoteMarks& marks, char32_t before = 0);

// Every plain text of the document curled by its language: the front matter, chapter titles,
// headings, paragraphs, fields, tables, prose text runs and the facts. Code, link targets, the
// text of links to the web or mail, anchors, ids and ISO dates are never touched.
// Prose already marked `quotes_curled` is left as it is.
void curl_quotes(doc::Document& document);

// The blocks' texts curled for `lang` (as curl_quotes does to a document's prose).
void curl_quotes(prose::Blocks& blocks, const std::string& lang);

// Each parsed prose text with its quotes curled for a language, made once and shared by every
// edition that shows it (marked `quotes_curled`), so the editions of a plan hold one copy of its
// prose, not one each.
class CurledProse {
 public:
  prose::SharedBlocks get(const prose::SharedBlocks& parsed, const std::string& lang);

 private:
  std::map<std::pair<const prose::Blocks*, std::string>, prose::SharedBlocks> done_;
};

}  // namespace renaksi
