// A DOCX package put together from the Word reference document's parts and an edition's body:
// its styles, theme, fonts, footer and page set-up kept, its text, notes, lists, links and
// document properties replaced; written as a ZIP archive with libzip, the same bytes for the
// same edition and date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "emit/docx/word_body.h"

namespace renaksi::docx {

// docProps/core.xml: what Word shows as the document's properties.
struct CoreProperties {
  std::string title, creator, subject, keywords, lang;
  std::int64_t date = 0;  // seconds since 1970 (created and modified; the ZIP entries' time)
};

// The page's text width (twips) of the reference document's section, for table columns.
BodyGeometry reference_geometry(std::string_view reference_docx);

// The DOCX of `body` styled by `reference_docx` (the bytes of layouts/reference.docx or one
// like it: a DOCX with word/document.xml, word/styles.xml and word/settings.xml), or empty with
// `error` set when the reference document is not a DOCX this reads or libzip fails.
std::string word_package(std::string_view reference_docx, const WordBody& body, const CoreProperties& core,
                         std::string& error);

// The ZIP's DOS date and time (time | date << 16) of `epoch`: from 1980-01-01, the first the
// format holds, to the end of 2107, its last.
std::uint32_t dos_date_time(std::int64_t epoch);
// "2026-12-02T06:49:45Z"
std::string w3c_date(std::int64_t epoch);

}  // namespace renaksi::docx
