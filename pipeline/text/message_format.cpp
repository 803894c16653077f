// ICU MessageFormat with named arguments.
#include "text/message_format.h"

#include <unicode/msgfmt.h>

namespace renaksi {

namespace {

icu::UnicodeString ustr(const std::string& s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

}  // namespace

FormattedMessage format_message(const std::string& pattern, const std::string& lang, const std::vector<MessageArg>& args) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status)) locale = icu::Locale::getRoot();
  status = U_ZERO_ERROR;
  UParseError perr;
  icu::MessageFormat mf(ustr(pattern), locale, perr, status);
  if (U_FAILURE(status)) return {FormattedMessage::Status::DoesNotParse, {}, u_errorName(status)};
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& a : args) {
    names.push_back(ustr(a.name));
    if (const auto* i = std::get_if<long long>(&a.value))
      values.emplace_back(static_cast<int64_t>(*i));
    else if (const auto* d = std::get_if<double>(&a.value))
      values.emplace_back(*d);
    else
      values.emplace_back(ustr(std::get<std::string>(a.value)));
  }
  icu::UnicodeString out;
  mf.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) return {FormattedMessage::Status::CannotFormat, {}, u_errorName(status)};
  std::string text;
  out.toUTF8String(text);
  return {FormattedMessage::Status::Ok, std::move(text), {}};
}

}  // namespace renaksi
