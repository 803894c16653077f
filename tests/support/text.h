// Text helpers for tests that read what tools extract from outputs (pdftotext, pandoc -t plain).
#pragma once

#include <string>

namespace renaksi::testing {

// White space (spaces, no-break spaces U+00A0 and U+202F, line and page breaks, tabs) collapsed
// to single spaces, none at the ends.
std::string collapse(const std::string& s);

}  // namespace renaksi::testing
