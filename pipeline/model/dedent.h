// Text normalisation for content fields: dedented Markdown prose, collapsed short texts.
#pragma once

#include <string>
#include <string_view>

namespace renaksi {

struct Dedented {
  std::string text;        // without leading/trailing blank lines and the common indentation
  int leading_blank = 0;   // how many lines were dropped before the first non-blank one
  int indent = 0;          // bytes of common indentation removed from each line
};

// Removes the indentation common to all non-blank lines, so that XML indentation is never read
// as a Markdown code block. Relative indentation (nested lists, code) is kept.
Dedented dedent(std::string_view raw);

struct Text;
enum class TextKind;

// Fills `text.value` and `text.body_line` from the raw content of its element (`text.loc` set):
// prose is dedented, short text collapsed. Both content readers (plan files, submissions) use it.
void set_text_value(Text& text, const std::string& raw, TextKind kind);

// Collapses runs of XML white space (space, tab, CR, LF) to one space and trims both ends.
std::string collapse_whitespace(std::string_view raw);

}  // namespace renaksi
