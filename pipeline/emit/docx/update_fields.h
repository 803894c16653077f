// Asks Word to update the fields of a DOCX when it opens it (the table of contents' page
// numbers): <w:updateFields w:val="true"/> in word/settings.xml, which Pandoc's writer does not
// carry over from the reference document.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace renaksi::docx {

// The DOCX `zip` with word/settings.xml asking for a field update (the entry rewritten stored,
// every other entry copied byte for byte, so the result is as reproducible as the input); none
// when `zip` is not a ZIP this reads (one disk, no data descriptors, no ZIP64) or has no
// settings. A settings part that already asks is returned unchanged.
std::optional<std::string> with_update_fields(std::string_view zip);

}  // namespace renaksi::docx
