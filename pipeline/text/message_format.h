// ICU MessageFormat with named arguments: the one place a catalogue pattern becomes text.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace renaksi {

// A named argument of a message: a number (plurals, number formats) or a text.
struct MessageArg {
  std::string name;
  std::variant<long long, double, std::string> value;
};

struct FormattedMessage {
  enum class Status { Ok, DoesNotParse, CannotFormat };
  Status status = Status::Ok;
  std::string text;        // the message, when Ok
  std::string icu_error;   // ICU's name for the failure ("U_PATTERN_SYNTAX_ERROR"), otherwise
};

// `pattern` formatted in the language `lang` (a BCP 47 tag; the root locale when ICU does not
// know it), with ICU's plural and ordinal rules and number formats of that language.
FormattedMessage format_message(const std::string& pattern, const std::string& lang, const std::vector<MessageArg>& args);

}  // namespace renaksi
