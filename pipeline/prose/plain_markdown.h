// Markdown that Pandoc reads as nothing but paragraphs of words: its AST made here, without Pandoc.
//
// Why by hand: about a quarter of a plan's prose bytes (the default plan: 174 of 360 fragments,
// 27% of the bytes) is plain sentences, and Pandoc's time grows with its input (the default
// plan's run 0.34 s → 0.28 s without them; one half of 240 commitments 1.5-1.8 s → 1.1 s).
// No library gives Pandoc's AST for a text; what is made here is exactly what Pandoc gives for
// the texts it accepts, which tests/prose/plain_markdown_test.cpp checks against Pandoc itself.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace renaksi::prose {

// Pandoc's blocks for `markdown` (the array Pandoc's JSON holds inside a fragment's wrapper, as
// `pandoc -f kPandocFrom -t json` gives it), when the text is plain: paragraphs (separated by
// empty lines) of lines that each start with a letter, a digit or "(", a paragraph's first line
// with a first word that does not end in "." or ")" (a list marker: "1.", "a.", "iv)" or "(a)";
// a list cannot start inside a paragraph), with no space at either end, made only of
// letters, ASCII digits, spaces and . , ; : ( ) % / ? ! –, a hyphen between two letters or
// digits, and an apostrophe (' or ’) right after one; no "..", and no word Pandoc's `smart`
// reading joins to the next with a no-break space ("Dr.", "e.g.": Pandoc's list of
// abbreviations, and any word with a dot inside). Then every paragraph is a Para of Str (the
// words as written, a straight apostrophe curled as `smart` curls it), Space (between words)
// and SoftBreak (at a line's end).
// nullopt for any other text: Pandoc must read it.
std::optional<nlohmann::json> plain_markdown_blocks(std::string_view markdown);

}  // namespace renaksi::prose
