// Whether a string is a language tag renaksi writes into HTML, PDF and Word: BCP 47, checked by ICU.
#pragma once

#include <string_view>

namespace renaksi {

// True for a well-formed BCP 47 tag whose primary subtag is an ISO 639 language ICU knows by
// its two letters, or any three-letter one ("en", "en-GB", "zh-Hant-TW", "ace"); false for
// "english", "en_GB", "e n", "" and anything longer than 35 characters. A tag that passes is
// plain ASCII letters, digits and hyphens, so it can be written into a PDF string or an HTML
// attribute as it is.
bool is_language_tag(std::string_view tag);

}  // namespace renaksi
