// One language's edition of a composed document as a Pandoc JSON AST document, ready for
// `pandoc -f json -t docx`: the cover as Pandoc's title block, a contents list, and every
// chapter with the Word styles of layouts/reference.docx named where Pandoc has none.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "doc/document.h"

namespace renaksi::docx {

// The paragraph styles the document names (Pandoc's custom-style); layouts/reference.docx
// defines each of them.
namespace styles {
inline constexpr const char* kCoverLine = "Cover Line";
inline constexpr const char* kDraftMark = "Draft Mark";
inline constexpr const char* kContentsHeading = "Contents Heading";
inline constexpr const char* kContentsEntry = "Contents Entry";
inline constexpr const char* kIndexEntry = "Index Entry";
inline constexpr const char* kIndexDetail = "Index Detail";
inline constexpr const char* kAfterTable = "After Table";  // a paragraph right after a table
}  // namespace styles

struct Options {
  // Table kind ("milestones", "events", "contacts") -> column shares of the text width, as in
  // the PDF's layout; a kind not listed gets Pandoc's widths.
  std::map<std::string, std::vector<double>> column_shares;
  double fields_label_share = 0.3;  // the label column of a commitment's metadata table
};

// The document of a single-language edition (`document.langs.size() == 1`; of a bilingual
// one, only the first language is written).
nlohmann::json to_pandoc(const doc::Document& document, const Options& options);

}  // namespace renaksi::docx
