// Locale-aware formatting through ICU: dates, date ranges, numbers, percentages, currency,
// catalogue messages with plurals, and collation. Month names and digits come from ICU.
#pragma once

#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/dtitvfmt.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>

#include <chrono>
#include <filesystem>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diag/diagnostic.h"
#include "locale/catalogue.h"
#include "text/message_format.h"

namespace renaksi {

class Locale {
 public:
  // How precisely a date is printed: "2017", "Juni 2017", "15 Juni 2017".
  enum class DateUnit { Year, Month, Day };

  // `lang` is a BCP 47 code ("id", "en", "es-MX"); the catalogue supplies the labels.
  // `date_style` is the locale whose conventions the dates follow ("en-GB": 1 April 2019;
  // "en-US": April 1, 2019); empty: the catalogue's "date.style", else `lang` itself.
  Locale(const std::string& lang, Catalogue catalogue, const std::string& date_style = {});
  Locale(const Locale&) = delete;
  Locale& operator=(const Locale&) = delete;

  const std::string& lang() const { return lang_; }

  std::string date(std::chrono::year_month_day day) const;                  // 8 Agustus 2018
  std::string date_range(std::chrono::year_month_day from, std::chrono::year_month_day to) const;
  std::string month_year(std::chrono::year_month_day day) const;            // Agustus 2018
  // A date at a precision: the day's year, its month, or the day itself.
  std::string date(std::chrono::year_month_day day, DateUnit unit) const;
  // A range whose ends may differ in precision ("Juni 2017 – Juni 2019", "2017 – 2019"). Ends at
  // the same precision go through ICU's interval format, others through its fallback pattern.
  std::string date_range(std::chrono::year_month_day from, DateUnit from_unit, std::chrono::year_month_day to,
                         DateUnit to_unit) const;
  // The ICU locale the dates follow, as a BCP 47 tag ("en-GB").
  const std::string& date_style() const { return date_style_; }
  std::string number(long long n) const;                                    // 1.000
  std::string decimal(const std::string& value) const;                      // "1234.5" -> 1.234,5
  std::string percent(double fraction) const;                               // 0.53 -> 53%
  // A file's size with decimal (SI) units: "1,2 MB" in id, "1.2 MB" in en, "340 kB", "512 byte".
  std::string file_size(std::uint64_t bytes) const;
  // Money as readers of this language expect it: whole Rupiah, "Rp 1.500.000.000" in id.
  std::string currency(const std::string& amount, const std::string& iso_code) const;
  // The name of a language or a country in this locale's language ("Inggris", "Indonesia").
  std::string language_name(const std::string& code) const;
  std::string country_name(const std::string& iso_code) const;

  // A catalogue message with its arguments. A missing key or a bad pattern is an F003/F004
  // error (once per key) and gives "[key]" so the output shows what is missing.
  std::string message(const std::string& key, const std::vector<MessageArg>& args = {}) const;
  // The catalogue's pattern for `key`, unformatted (null when there is none).
  const std::string* pattern(const std::string& key) const { return catalogue_.find(key); }

  // Thread safety: message() and less() may be called from several threads at once; the date
  // and number formatters may not (compose, which uses them, runs on one thread).

  // Collation: a < b in this language's order.
  bool less(const std::string& a, const std::string& b) const;

  // Problems met while formatting (missing keys, bad patterns). Read it when no other thread
  // formats with this locale.
  const Diagnostics& diagnostics() const { return diags_; }

 private:
  std::string lang_;
  icu::Locale locale_;
  Catalogue catalogue_;
  std::string date_style_;
  icu::Locale date_locale_;
  std::unique_ptr<icu::DateFormat> date_format_;
  std::unique_ptr<icu::DateFormat> month_year_format_;
  std::unique_ptr<icu::DateFormat> year_format_;
  std::unique_ptr<icu::DateIntervalFormat> interval_format_;
  std::unique_ptr<icu::DateIntervalFormat> month_interval_format_;
  std::unique_ptr<icu::DateIntervalFormat> year_interval_format_;
  icu::UnicodeString fallback_range_;  // ICU's "{0} – {1}" for the date locale
  std::unique_ptr<icu::Collator> collator_;
  icu::number::LocalizedNumberFormatter integer_format_;
  icu::number::LocalizedNumberFormatter percent_format_;
  mutable std::mutex mutex_;  // guards the two below: editions are laid out in parallel
  mutable Diagnostics diags_;
  mutable std::map<std::string, bool> reported_;
};

// The locales of a build, by language code.
using Locales = std::map<std::string, std::unique_ptr<Locale>>;

// The locale of each of `langs`, from locales/<lang>.json under `data_dir`. A catalogue that
// cannot be read or parsed is reported (F001, F002) and its language left out; returns false
// then.
// `date_styles`: the date locale of some of `langs` (the plan's date-style), by language code.
bool load_locales(const std::vector<std::string>& langs, const std::filesystem::path& data_dir, Locales& out,
                  Diagnostics& diags, const std::map<std::string, std::string>& date_styles = {});

// The same, for the languages of `langs` that `out` does not hold yet: a locale is built once
// for a build (its catalogue read, its ICU formatters made: some 3 ms each), however many plans
// ask for it, and keeps the problems it met while formatting until they are reported.
bool load_missing_locales(const std::vector<std::string>& langs, const std::filesystem::path& data_dir, Locales& out,
                          Diagnostics& diags);

// Moves the problems each locale met while formatting (missing keys, bad patterns) into `diags`.
void report_locale_problems(const Locales& locales, Diagnostics& diags);

}  // namespace renaksi
