// Calendar dates of the content model: parsing and range tests.
#include "model/date.h"

#include <charconv>

#include "env/limits.h"

namespace renaksi {

std::optional<std::chrono::year_month_day> parse_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](size_t pos, size_t len, int& out) {
    for (size_t i = pos; i < pos + len; ++i)
      if (text[i] < '0' || text[i] > '9') return false;
    auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
    return ec == std::errc() && ptr == text.data() + pos + len;
  };
  int y = 0, m = 0, d = 0;
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

bool IsoDate::year_in_range() const {
  auto d = day();
  return d && static_cast<int>(d->year()) >= limits::kMinYear && static_cast<int>(d->year()) <= limits::kMaxYear;
}

bool Period::valid() const {
  if (!start.year_in_range() || !end.year_in_range()) return false;
  auto s = start.day();
  auto e = end.day();
  return s && e && std::chrono::sys_days{*s} <= std::chrono::sys_days{*e};
}

bool Period::inside(const Period& outer) const {
  if (!valid() || !outer.valid()) return false;
  return std::chrono::sys_days{*start.day()} >= std::chrono::sys_days{*outer.start.day()} &&
         std::chrono::sys_days{*end.day()} <= std::chrono::sys_days{*outer.end.day()};
}

}  // namespace renaksi
