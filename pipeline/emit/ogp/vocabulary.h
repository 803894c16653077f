// The OGP-submission vocabulary that the writer, reader and validator share: namespace, version.
#pragma once

#include <string_view>

namespace renaksi::ogp {

// The target namespace of schemas/ogp-submission.xsd; its last part is the schema version.
inline constexpr std::string_view kNamespace = "urn:renaksi:ogp-submission:1";
inline constexpr std::string_view kSchemaVersion = "1";

// OGP requires every plan in English as well as the administrative language: English texts are
// written as <english xml:lang="en">, every other language as <text xml:lang="...">.
inline constexpr std::string_view kEnglish = "en";

}  // namespace renaksi::ogp
