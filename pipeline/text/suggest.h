// "Did you mean …?": the known word nearest to a mistyped one.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace renaksi {

// The choice nearest to `word` by edit distance (insertions, deletions, substitutions and
// swaps of neighbours, case ignored), when it is near enough to be what was meant: at most one
// edit for words of up to four letters, two for longer ones. Empty otherwise.
std::string nearest(std::string_view word, std::span<const std::string_view> choices);

}  // namespace renaksi
