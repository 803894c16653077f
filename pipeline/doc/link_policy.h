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

}  // namespace renaksi::prose
