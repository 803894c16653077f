// The address rules the checks share: a web link (http or https, nothing a page could be broken
// out of) and a plausible email address.
#pragma once

#include <string_view>

namespace renaksi {

// An http:// or https:// address with something after the scheme and no space, control
// character, quote, angle bracket or backslash.
bool is_web_link(std::string_view href);

// One @ with a name before it and a dotted domain after it; no space, bracket, comma, semicolon
// or quote (what would break a mailto: link or a header).
bool plausible_email(std::string_view e);

}  // namespace renaksi
