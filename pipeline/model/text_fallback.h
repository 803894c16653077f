// A field's text for a reader of one language when it may lack that language: the language's,
// else a fallback language's, else the first text the field has.
#pragma once

#include <string_view>

#include "model/plan.h"

namespace renaksi {

// `t`'s text in `lang`, else in `fallback` (when given), else its first text; "" when `t` has none.
std::string_view text_or_fallback(const LocalizedText& t, std::string_view lang, std::string_view fallback = {});

}  // namespace renaksi
