// Super- and subscript text on a page without a raised baseline: the Unicode superscript and
// subscript characters ("m²", "CO₂"), used when every character has one and the font shows it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace renaksi::layout {

// `text` (UTF-8) in superscript (or subscript) characters, or nothing when one of its
// characters has no such form or `covers` says the font lacks it.
std::optional<std::string> script_chars(std::string_view text, bool super, const std::function<bool(char32_t)>& covers);

}  // namespace renaksi::layout
