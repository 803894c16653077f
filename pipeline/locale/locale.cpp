// Locale-aware formatting through ICU.
#include "locale/locale.h"

#include <unicode/dtintrv.h>
#include <unicode/dtitvinf.h>
#include <unicode/measunit.h>
#include <unicode/msgfmt.h>
#include <unicode/timezone.h>

namespace renaksi {

namespace {

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString ustr(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

icu::Locale make_locale(const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale l = icu::Locale::forLanguageTag(lang, status);
  return U_SUCCESS(status) ? l : icu::Locale::getRoot();
}

UDate to_udate(std::chrono::year_month_day day) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::sys_days{day}.time_since_epoch());
  return static_cast<UDate>(ms.count());
}

// An interval format for `skeleton` in `locale`, with the catalogue's own patterns where it has
// them: "date.interval.<skeleton>.<y|M|d>" for ranges whose ends first differ in the year, the
// month or the day ("d MMMM y–d MMMM y", "d MMMM–d MMMM y", "d–d MMMM y" in Indonesian, which
// writes the dash of a range unspaced where ICU's data spaces it). An empty or absent key, or a
// pattern ICU refuses, leaves ICU's own.
std::unique_ptr<icu::DateIntervalFormat> interval_format(const char16_t* skeleton, const icu::Locale& locale,
                                                         const Catalogue* catalogue) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateIntervalInfo info(locale, status);
  if (U_FAILURE(status)) return nullptr;
  const icu::UnicodeString sk(skeleton);
  static constexpr std::pair<const char*, UCalendarDateFields> kFields[] = {
      {"y", UCAL_YEAR}, {"M", UCAL_MONTH}, {"d", UCAL_DATE}};
  for (const auto& [field, calendar_field] : kFields) {
    const std::string key = "date.interval." + utf8(sk) + "." + field;
    const std::string* pattern = catalogue ? catalogue->find(key) : nullptr;
    if (!pattern || pattern->empty() || !date_pattern_problem(key, *pattern).empty()) continue;  // F004 when read
    icu::DateIntervalInfo tried(info);
    UErrorCode set = U_ZERO_ERROR;
    tried.setIntervalPattern(sk, calendar_field, ustr(*pattern), set);
    if (U_SUCCESS(set)) info = tried;
  }
  std::unique_ptr<icu::DateIntervalFormat> f(icu::DateIntervalFormat::createInstance(sk, locale, info, status));
  if (U_FAILURE(status)) return nullptr;
  std::unique_ptr<icu::TimeZone> gmt(icu::TimeZone::createTimeZone(u"GMT"));
  f->setTimeZone(*gmt);
  return f;
}

// The primary language subtag of a BCP 47 tag, lower case: "en-GB" -> "en".
std::string primary_language(const std::string& tag) {
  std::string p = tag.substr(0, tag.find_first_of("-_"));
  for (auto& ch : p) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return p;
}

// The date style a locale follows: the one given, else the catalogue's "date.style" when it is
// a locale of the same language (a catalogue copied from another language's keeps its own
// month names), else the language itself.
std::string choose_date_style(const std::string& lang, const Catalogue& catalogue, const std::string& given) {
  if (!given.empty()) return given;
  if (const std::string* style = catalogue.find("date.style");
      style && !style->empty() && primary_language(*style) == primary_language(lang))
    return *style;
  return lang;
}

std::unique_ptr<icu::DateFormat> skeleton_format(const char16_t* skeleton, const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateFormat> f(icu::DateFormat::createInstanceForSkeleton(skeleton, locale, status));
  if (U_FAILURE(status)) return nullptr;
  f->adoptTimeZone(icu::TimeZone::createTimeZone(u"GMT"));
  return f;
}

}  // namespace

Locale::Locale(const std::string& lang, Catalogue catalogue, const std::string& date_style)
    : lang_(lang),
      locale_(make_locale(lang)),
      catalogue_(std::move(catalogue)),
      integer_format_(icu::number::NumberFormatter::withLocale(locale_).precision(icu::number::Precision::integer())),
      percent_format_(icu::number::NumberFormatter::withLocale(locale_)
                          .unit(icu::MeasureUnit::getPercent())
                          .scale(icu::number::Scale::powerOfTen(2))
                          .precision(icu::number::Precision::integer())) {
  date_style_ = choose_date_style(lang_, catalogue_, date_style);
  date_locale_ = make_locale(date_style_);
  date_format_ = skeleton_format(u"yMMMMd", date_locale_);
  month_year_format_ = skeleton_format(u"yMMMM", date_locale_);
  year_format_ = skeleton_format(u"y", date_locale_);
  // The catalogue's date patterns are for its own date style ("date.style", else its language),
  // not for another one a plan asks for (English dates in the US style keep ICU's).
  const std::string* own_style = catalogue_.find("date.style");
  const Catalogue* patterns =
      date_style_ == (own_style && !own_style->empty() ? *own_style : lang_) ? &catalogue_ : nullptr;
  interval_format_ = interval_format(u"yMMMMd", date_locale_, patterns);
  month_interval_format_ = interval_format(u"yMMMM", date_locale_, patterns);
  year_interval_format_ = interval_format(u"y", date_locale_, patterns);
  UErrorCode status = U_ZERO_ERROR;
  icu::DateIntervalInfo info(date_locale_, status);
  if (U_SUCCESS(status)) info.getFallbackIntervalPattern(fallback_range_);
  // Ends of different precisions ("15 Juni 2017–Juni 2019"): the catalogue's
  // "date.interval.fallback".
  if (const std::string* given = patterns ? catalogue_.find("date.interval.fallback") : nullptr;
      given && !given->empty() && date_pattern_problem("date.interval.fallback", *given).empty())
    fallback_range_ = ustr(*given);
  if (fallback_range_.isEmpty()) fallback_range_ = u"{0} – {1}";
  status = U_ZERO_ERROR;
  collator_.reset(icu::Collator::createInstance(locale_, status));
  if (U_FAILURE(status)) collator_.reset();
}

std::string Locale::date(std::chrono::year_month_day day) const {
  if (!date_format_) return {};
  icu::UnicodeString out;
  date_format_->format(to_udate(day), out);
  return utf8(out);
}

std::string Locale::month_year(std::chrono::year_month_day day) const {
  if (!month_year_format_) return {};
  icu::UnicodeString out;
  month_year_format_->format(to_udate(day), out);
  return utf8(out);
}

std::string Locale::date_range(std::chrono::year_month_day from, std::chrono::year_month_day to) const {
  if (!interval_format_) return date(from) + " – " + date(to);
  icu::DateInterval interval(to_udate(from), to_udate(to));
  icu::UnicodeString out;
  icu::FieldPosition pos;
  UErrorCode status = U_ZERO_ERROR;
  interval_format_->format(&interval, out, pos, status);
  return U_SUCCESS(status) ? utf8(out) : date(from) + " – " + date(to);
}

std::string Locale::date(std::chrono::year_month_day day, DateUnit unit) const {
  const icu::DateFormat* f = unit == DateUnit::Year    ? year_format_.get()
                             : unit == DateUnit::Month ? month_year_format_.get()
                                                       : date_format_.get();
  if (!f) return {};
  icu::UnicodeString out;
  f->format(to_udate(day), out);
  return utf8(out);
}

std::string Locale::date_range(std::chrono::year_month_day from, DateUnit from_unit, std::chrono::year_month_day to,
                               DateUnit to_unit) const {
  const icu::DateIntervalFormat* f = nullptr;
  if (from_unit == to_unit)
    f = from_unit == DateUnit::Year    ? year_interval_format_.get()
        : from_unit == DateUnit::Month ? month_interval_format_.get()
                                       : interval_format_.get();
  if (f) {
    icu::DateInterval interval(to_udate(from), to_udate(to));
    icu::UnicodeString out;
    icu::FieldPosition pos;
    UErrorCode status = U_ZERO_ERROR;
    f->format(&interval, out, pos, status);
    if (U_SUCCESS(status)) return utf8(out);
  }
  // Ends of different precisions: ICU's fallback pattern, "{0} – {1}" in most locales.
  icu::UnicodeString out = fallback_range_;
  out.findAndReplace(u"{0}", ustr(date(from, from_unit)));
  out.findAndReplace(u"{1}", ustr(date(to, to_unit)));
  return utf8(out);
}

std::string Locale::number(long long n) const {
  UErrorCode status = U_ZERO_ERROR;
  auto s = integer_format_.formatInt(n, status).toString(status);
  return U_SUCCESS(status) ? utf8(s) : std::to_string(n);
}

std::string Locale::decimal(const std::string& value) const {
  UErrorCode status = U_ZERO_ERROR;
  auto s = icu::number::NumberFormatter::withLocale(locale_)
               .formatDecimal(icu::StringPiece(value), status)
               .toString(status);
  return U_SUCCESS(status) ? utf8(s) : value;
}

std::string Locale::percent(double fraction) const {
  UErrorCode status = U_ZERO_ERROR;
  auto s = percent_format_.formatDouble(fraction, status).toString(status);
  return U_SUCCESS(status) ? utf8(s) : std::to_string(fraction * 100) + "%";
}

std::string Locale::file_size(std::uint64_t bytes) const {
  // Units of 1000 (kB, MB, GB); one decimal below ten of a unit, none above.
  const icu::MeasureUnit units[] = {icu::MeasureUnit::getByte(), icu::MeasureUnit::getKilobyte(),
                                    icu::MeasureUnit::getMegabyte(), icu::MeasureUnit::getGigabyte()};
  double value = static_cast<double>(bytes);
  size_t u = 0;
  while (value >= 999.5 && u + 1 < std::size(units)) {
    value /= 1000;
    ++u;
  }
  auto precision = u == 0 || value >= 10 ? icu::number::Precision::integer() : icu::number::Precision::maxFraction(1);
  UErrorCode status = U_ZERO_ERROR;
  auto s = icu::number::NumberFormatter::withLocale(locale_)
               .unit(units[u])
               .precision(precision)
               .formatDouble(value, status)
               .toString(status);
  return U_SUCCESS(status) ? utf8(s) : std::to_string(bytes) + " B";
}

std::string Locale::currency(const std::string& amount, const std::string& iso_code) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::CurrencyUnit unit(ustr(iso_code).getTerminatedBuffer(), status);
  if (U_FAILURE(status)) return iso_code + " " + decimal(amount);
  // Cash precision: whole Rupiah for IDR (CLDR's cash digits), cents for USD.
  auto s = icu::number::NumberFormatter::withLocale(locale_)
               .unit(unit)
               .precision(icu::number::Precision::currency(UCURR_USAGE_CASH))
               .formatDecimal(icu::StringPiece(amount), status)
               .toString(status);
  return U_SUCCESS(status) ? utf8(s) : iso_code + " " + amount;
}

std::string Locale::language_name(const std::string& code) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale other = icu::Locale::forLanguageTag(code, status);
  icu::UnicodeString name;
  other.getDisplayName(locale_, name);
  std::string out = utf8(name);
  // Capitalise the first letter, as a label ("bahasa Inggris" stays as ICU gives it after it).
  if (!out.empty()) {
    icu::UnicodeString u = ustr(out);
    icu::UnicodeString first = u.tempSubString(0, 1);
    first.toUpper(locale_);
    out = utf8(first + u.tempSubString(1));
  }
  return out;
}

std::string Locale::country_name(const std::string& iso_code) const {
  icu::Locale region("", iso_code.c_str());
  icu::UnicodeString name;
  region.getDisplayCountry(locale_, name);
  return utf8(name);
}

std::string Locale::message(const std::string& key, const std::vector<MessageArg>& args) const {
  const std::string* pattern = catalogue_.find(key);
  auto fail = [&](Code code, const std::string& why) {
    std::lock_guard lock(mutex_);
    if (!reported_[key]) diags_.error(code, {catalogue_.file().generic_string(), 0, 0}, why);
    reported_[key] = true;
    return "[" + key + "]";
  };
  if (!pattern) return fail(Code::F003, "the catalogue has no message '" + key + "'");
  FormattedMessage m = format_message(*pattern, lang_, args);
  switch (m.status) {
    case FormattedMessage::Status::Ok: return m.text;
    case FormattedMessage::Status::DoesNotParse:
      return fail(Code::F004, "the message '" + key + "' does not parse (" + m.icu_error + ")");
    case FormattedMessage::Status::CannotFormat:
      return fail(Code::F004, "the message '" + key + "' cannot be formatted (" + m.icu_error + ")");
  }
  return fail(Code::F004, "the message '" + key + "' cannot be formatted");
}

bool Locale::less(const std::string& a, const std::string& b) const {
  if (!collator_) return a < b;
  UErrorCode status = U_ZERO_ERROR;
  return collator_->compareUTF8(icu::StringPiece(a), icu::StringPiece(b), status) == UCOL_LESS;
}

bool load_locales(const std::vector<std::string>& langs, const std::filesystem::path& data_dir, Locales& out,
                  Diagnostics& diags, const std::map<std::string, std::string>& date_styles) {
  bool ok = true;
  for (const auto& lang : langs) {
    auto catalogue = Catalogue::load(catalogue_path(data_dir, lang), lang, diags);
    if (!catalogue) {
      ok = false;
      continue;
    }
    auto style = date_styles.find(lang);
    out[lang] = std::make_unique<Locale>(lang, std::move(*catalogue), style == date_styles.end() ? std::string() : style->second);
  }
  return ok;
}

bool load_missing_locales(const std::vector<std::string>& langs, const std::filesystem::path& data_dir, Locales& out,
                          Diagnostics& diags) {
  std::vector<std::string> missing;
  for (const auto& lang : langs)
    if (!out.count(lang)) missing.push_back(lang);
  return load_locales(missing, data_dir, out, diags);
}

void report_locale_problems(const Locales& locales, Diagnostics& diags) {
  for (const auto& [lang, locale] : locales)
    for (const auto& d : locale->diagnostics().all()) diags.add(d);
}

}  // namespace renaksi
