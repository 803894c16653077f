// The terminal report of `renaksi diff`: per commitment and field, in each language, the words
// deleted and inserted, in colour (red struck through, green underlined) or with plain markers
// [-old-]{+new+}; long unchanged stretches cut to their edges. Ids, not labels: a tool's report.
#pragma once

#include <string>
#include <string_view>

#include "diff/plan_diff.h"

namespace renaksi::diff {

// The plain markers, also those the PDF and Word appendix print around a change.
inline constexpr std::string_view kDeletedOpen = "[-", kDeletedClose = "-]";
inline constexpr std::string_view kInsertedOpen = "{+", kInsertedClose = "+}";

// Unchanged text longer than this keeps this much of it beside each change, cut at a space,
// with "…" for the rest (0: keep everything).
inline constexpr std::size_t kContextChars = 80;

// `words` with each unchanged piece longer than 2·context cut to its edges beside the changes.
WordDiff with_context(const WordDiff& words, std::size_t context = kContextChars);

std::string render_plan_diff(const PlanDiff& diff, bool colour);

}  // namespace renaksi::diff
