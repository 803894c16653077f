// Dates and periods of the plan, formatted at their precision by the locale.
#include "compose/date_text.h"

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

}  // namespace

std::string date_text(const Locale& locale, const IsoDate& date) {
  auto d = date.date();
  if (!d) return date.text;
  return locale.date(d->first_day(), unit_of(d->precision));
}

std::string period_text(const Locale& locale, const Period& period) {
  if (!period.valid()) return period.start.text + " – " + period.end.text;
  const CalendarDate from = *period.start.date();
  const CalendarDate to = *period.end.date();
  return locale.date_range(from.first_day(), unit_of(from.precision), to.first_day(), unit_of(to.precision));
}

}  // namespace renaksi
