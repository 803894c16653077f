// ICU MessageFormat with named arguments.
#include "text/message_format.h"

#include <unicode/msgfmt.h>

#include <memory>
#include <unordered_map>

namespace renaksi {

namespace {

icu::UnicodeString ustr(const std::string& s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// A pattern parsed for a language, or why it does not parse.
struct Parsed {
  std::unique_ptr<icu::MessageFormat> format;
  UErrorCode status = U_ZERO_ERROR;
};

// Parsing a pattern (with the plural rules and number formats it names) costs many times more
// than formatting with it, and a build formats the same few hundred catalogue patterns again
// for every plan, edition and page (a 100-plan archive: hundreds of thousands of times). So the
// parsed formats are kept, per thread (an ICU format is not used by two threads at once), by
// language and pattern; a pattern that does not parse is kept as such. Bounded: cleared when
// full (a hostile catalogue of endless distinct patterns costs time, not memory).
constexpr std::size_t kMaxParsedPatterns = 4096;

const Parsed& parsed(const std::string& pattern, const std::string& lang) {
  thread_local std::unordered_map<std::string, Parsed> known;
  std::string key;
  key.reserve(lang.size() + 1 + pattern.size());
  key.append(lang).push_back('\0');
  key.append(pattern);
  if (auto it = known.find(key); it != known.end()) return it->second;
  if (known.size() >= kMaxParsedPatterns) known.clear();
  Parsed p;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, p.status);
  if (U_FAILURE(p.status)) locale = icu::Locale::getRoot();
  p.status = U_ZERO_ERROR;
  UParseError perr;
  p.format = std::make_unique<icu::MessageFormat>(ustr(pattern), locale, perr, p.status);
  if (U_FAILURE(p.status)) p.format.reset();
  return known.emplace(std::move(key), std::move(p)).first->second;
}

}  // namespace

FormattedMessage format_message(const std::string& pattern, const std::string& lang, const std::vector<MessageArg>& args) {
  const Parsed& p = parsed(pattern, lang);
  if (!p.format) return {FormattedMessage::Status::DoesNotParse, {}, u_errorName(p.status)};
  const icu::MessageFormat& mf = *p.format;
  UErrorCode status = U_ZERO_ERROR;
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
