// Dates and periods of the plan, formatted at their precision by the locale.
#include "compose/date_text.h"

#include <string>

namespace renaksi {

namespace {

Locale::DateUnit unit_of(DatePrecision p) {
  switch (p) {
    case DatePrecision::Year: return Locale::DateUnit::Year;
    case DatePrecision::Month: return Locale::DateUnit::Month;
    case DatePrecision::Day: break;
  }
  return Locale::DateUnit::Day;
}

// The text with its spaces made unbreakable, so no line ends inside a date ("30 June 2022",
// "June 30, 2022"): U+0020 becomes U+00A0, ICU's thin space U+2009 the narrow U+202F. A range's
// dash keeps the space after it breakable, so a period may break after its dash, never before.
std::string unbreakable(const std::string& s) {
  static const std::string kThin = "\u2009", kNbsp = "\u00a0", kNarrow = "\u202f";
  auto dash_at = [&](size_t i) {
    for (const char* d : {"\u2013", "\u2014", "-"})
      if (s.compare(i, std::char_traits<char>::length(d), d) == 0) return std::char_traits<char>::length(d);
    return size_t{0};
  };
  std::string out;
  out.reserve(s.size() + 8);
  bool after_dash = false;
  for (size_t i = 0; i < s.size();) {
    const bool space = s[i] == ' ', thin = s.compare(i, kThin.size(), kThin) == 0;
    if (space || thin) {
      const size_t len = space ? 1 : kThin.size();
      out += after_dash ? s.substr(i, len) : space ? kNbsp : kNarrow;
      i += len;
      continue;
    }
    const size_t dash = dash_at(i);
    after_dash = dash > 0;
    const size_t len = dash > 0 ? dash : 1;
    out.append(s, i, len);
    i += len;
  }
  return out;
}

}  // namespace

std::string date_text(const Locale& locale, const IsoDate& date) {
  auto d = date.date();
  if (!d) return date.text;
  return unbreakable(locale.date(d->first_day(), unit_of(d->precision)));
}

std::string period_text(const Locale& locale, const Period& period) {
  if (!period.valid()) return period.start.text + " – " + period.end.text;
  const CalendarDate from = *period.start.date();
  const CalendarDate to = *period.end.date();
  return unbreakable(
      locale.date_range(from.first_day(), unit_of(from.precision), to.first_day(), unit_of(to.precision)));
}

}  // namespace renaksi
