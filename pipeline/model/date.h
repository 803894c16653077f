// Calendar dates of the content model: ISO text as written (a year, a month or a day), the
// precision it was given at, and comparisons that judge two dates at the coarser precision.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "diag/source_loc.h"

namespace renaksi {

// "2018-08-08" -> that day; nullopt when the text is not YYYY-MM-DD or the day does not exist.
std::optional<std::chrono::year_month_day> parse_iso_date(const std::string& text);

// How precisely a date is given: "2017", "2017-06" or "2017-06-15".
enum class DatePrecision { Year, Month, Day };

// A date at the precision it was written. Parts finer than the precision are 1.
struct CalendarDate {
  int year = 0;
  unsigned month = 1;
  unsigned day = 1;
  DatePrecision precision = DatePrecision::Day;

  // The first and the last day the date covers (a month: its 1st and its last day).
  std::chrono::year_month_day first_day() const;
  std::chrono::year_month_day last_day() const;
};

// "2017", "2017-06" or "2017-06-15" -> that date; nullopt for any other shape, a month outside
// 1…12 or a day that does not exist.
std::optional<CalendarDate> parse_calendar_date(const std::string& text);

// <0, 0 or >0 as `a` comes before, at or after `b`, both judged at the coarser of their two
// precisions: "2017-06" and "2017-06-15" compare equal, as do "2017" and "2017-12".
int compare_dates(const CalendarDate& a, const CalendarDate& b);

struct IsoDate {
  std::string text;  // as written in the content
  SourceLoc loc;     // the attribute that holds it

  // The day, only when the text names one (YYYY-MM-DD): a month or a year gives nullopt.
  std::optional<std::chrono::year_month_day> day() const { return parse_iso_date(text); }
  // The date at its precision: a year, a month or a day.
  std::optional<CalendarDate> date() const { return parse_calendar_date(text); }
  // A real date whose year lies in limits::kMinYear … kMaxYear (outside is C023).
  bool year_in_range() const;
};

// A start and an end date, both inclusive: a start month runs from its first day, an end month
// to its last day (likewise years).
struct Period {
  IsoDate start;
  IsoDate end;
  SourceLoc loc;  // the <period> (or <date>) element

  // Both dates real, their years in range, and end not before start (at the coarser precision:
  // "2019-06" to "2019-06-10" is valid, "2019-07" to "2019-06-30" is not).
  bool valid() const;
  // True when both periods are valid and this one lies inside `outer`, each end compared at the
  // coarser precision of the two: "2017-06"–"2019-06" lies inside "2017-06-15"–"2019-06-30".
  bool inside(const Period& outer) const;
};

}  // namespace renaksi
