// One language's edition of a composed document as WordprocessingML: the body of
// word/document.xml with the footnotes, hyperlinks and list numberings it refers to.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"
#include "emit/docx/document_to_pandoc.h"

namespace renaksi::docx {

// An external hyperlink: its relationship id (rIdLink<n>, unique in the package) and target.
struct LinkTarget {
  std::string id;
  std::string url;
};

// What word/document.xml's body refers to, written into the package's other parts.
struct WordBody {
  std::string body;                     // the children of <w:body> before its <w:sectPr>
  std::string footnotes;                // <w:footnote> elements, ids from 1
  std::vector<LinkTarget> links;        // of the body
  std::vector<LinkTarget> footnote_links;  // of the footnotes (their own relationships part)
  std::string numbering_instances;      // <w:num> elements over numbering_definitions()
  std::string lang;                     // the edition's language (the styles' default w:lang)
};

// The page's text width in twentieths of a point, from which table columns are shared out.
struct BodyGeometry {
  int text_width = 9026;  // A4 with 2.54 cm margins, when the reference document says nothing
};

// The body of a single-language edition (`document.langs.size() == 1`; of a bilingual one,
// only the first language is written), in the paragraph and table styles layouts/reference.docx
// defines (styles:: in document_to_pandoc.h, and Word's built-in names: Title, Heading1…,
// BodyText, FirstParagraph, Compact, BlockText, SourceCode, FootnoteText, Hyperlink, Table).
// Every text is escaped, and characters XML 1.0 cannot hold are left out.
WordBody word_body(const doc::Document& document, const Options& options, const BodyGeometry& geometry);

// The <w:abstractNum> definitions the body's lists use: 0 bullets, 1 decimal numbers.
std::string numbering_definitions();

// `text` escaped for XML character data and attribute values; characters XML 1.0 excludes
// (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF; invalid UTF-8)
// are dropped.
void append_xml_escaped(std::string& out, std::string_view text);

}  // namespace renaksi::docx
