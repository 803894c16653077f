// The OGP-submission vocabulary that the writer, reader and validator share: namespace, version.
#pragma once

#include <array>
#include <string_view>
#include <utility>

namespace renaksi::ogp {

// The target namespace of schemas/ogp-submission.xsd; its last part is the schema version.
inline constexpr std::string_view kNamespace = "urn:renaksi:ogp-submission:1";
inline constexpr std::string_view kSchemaVersion = "1";

// OGP requires every plan in English as well as the administrative language: English texts are
// written as <english xml:lang="en">, every other language as <text xml:lang="...">.
inline constexpr std::string_view kEnglish = "en";

// The prose sections the templates share that the submission has elements of its own for: the
// content's section id and its element, in the schema's order. Any other section of a
// template is written as <section id="…"> inside <otherSections>.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kSectionElements{{
    {"problem", "problem"},
    {"causes", "causes"},
    {"description", "description"},
    {"status-quo", "statusQuo"},
    {"expected-results", "expectedResults"},
    {"contribution", "contribution"}}};

}  // namespace renaksi::ogp
