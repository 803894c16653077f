// Calendar dates of the content model: parsing at a year, month or day, and range tests.
#include "model/date.h"

#include <charconv>

#include "env/limits.h"

namespace renaksi {

namespace {

// The digits text[pos, pos + len) as a number; false when any is not a digit.
bool digits(const std::string& text, size_t pos, size_t len, int& out) {
  for (size_t i = pos; i < pos + len; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return ec == std::errc() && ptr == text.data() + pos + len;
}

}  // namespace

std::optional<std::chrono::year_month_day> parse_iso_date(const std::string& text) {
  auto d = parse_calendar_date(text);
  if (!d || d->precision != DatePrecision::Day) return std::nullopt;
  return d->first_day();
}

std::optional<CalendarDate> parse_calendar_date(const std::string& text) {
  CalendarDate d;
  int m = 1, day = 1;
  if (text.size() == 4) {
    d.precision = DatePrecision::Year;
  } else if (text.size() == 7 && text[4] == '-') {
    d.precision = DatePrecision::Month;
    if (!digits(text, 5, 2, m)) return std::nullopt;
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    d.precision = DatePrecision::Day;
    if (!digits(text, 5, 2, m) || !digits(text, 8, 2, day)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!digits(text, 0, 4, d.year)) return std::nullopt;
  d.month = static_cast<unsigned>(m);
  d.day = static_cast<unsigned>(day);
  if (!d.first_day().ok()) return std::nullopt;
  return d;
}

std::chrono::year_month_day CalendarDate::first_day() const {
  return {std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

std::chrono::year_month_day CalendarDate::last_day() const {
  using namespace std::chrono;
  switch (precision) {
    case DatePrecision::Year: return {std::chrono::year{year}, December, std::chrono::day{31}};
    case DatePrecision::Month: return year_month_day{year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}}};
    case DatePrecision::Day: break;
  }
  return first_day();
}

int compare_dates(const CalendarDate& a, const CalendarDate& b) {
  const DatePrecision p = a.precision < b.precision ? a.precision : b.precision;
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (p == DatePrecision::Year) return 0;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (p == DatePrecision::Month) return 0;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

bool IsoDate::year_in_range() const {
  auto d = date();
  return d && d->year >= limits::kMinYear && d->year <= limits::kMaxYear;
}

bool Period::valid() const {
  if (!start.year_in_range() || !end.year_in_range()) return false;
  return compare_dates(*start.date(), *end.date()) <= 0;
}

bool Period::inside(const Period& outer) const {
  if (!valid() || !outer.valid()) return false;
  return compare_dates(*start.date(), *outer.start.date()) >= 0 && compare_dates(*end.date(), *outer.end.date()) <= 0;
}

}  // namespace renaksi
