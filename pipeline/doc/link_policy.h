// Which links prose may keep: the one whitelist of URL schemes that the prose pass, the site and
// the Word editions all apply (any other link is dropped, its text kept, with P007).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace renaksi::prose {

// The prefixes a kept link starts with, compared without regard to case.
inline constexpr std::array<std::string_view, 3> kKeptLinkPrefixes = {"http://", "https://", "mailto:"};

// True for a URL whose scheme may be kept: http, https, mailto (in any case).
bool allowed_link(std::string_view url);

// "http, https and mailto": the kept schemes, for a message.
std::string kept_link_schemes();

// `text` encoded as a URL's query value (a mailto: subject, a form's prefilled field): every
// byte but letters, digits and "-_.!~*'()" as %XX (libxml2's escaper).
std::string url_query_value(const std::string& text);

// `form` with "{subject}" replaced by `subject` encoded as a query value (a form that prefills
// its subject field from its address); `form` as it is when it has no "{subject}".
std::string with_subject(const std::string& form, const std::string& subject);

}  // namespace renaksi::prose
