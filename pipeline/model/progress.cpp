// Completion levels and the default reporting periods.
#include "model/progress.h"

#include <array>
#include <cstdio>

namespace renaksi {

namespace {
constexpr std::array<std::pair<Completion, std::string_view>, 5> kLevels{{{Completion::NotStarted, "not-started"},
                                                                          {Completion::Limited, "limited"},
                                                                          {Completion::Substantial, "substantial"},
                                                                          {Completion::Complete, "complete"},
                                                                          {Completion::Withdrawn, "withdrawn"}}};
}  // namespace

std::string_view completion_id(Completion c) {
  for (const auto& [k, id] : kLevels)
    if (k == c) return id;
  return "not-started";
}

std::optional<Completion> parse_completion(std::string_view id) {
  for (const auto& [k, name] : kLevels)
    if (name == id) return k;
  return std::nullopt;
}

std::vector<ReportingPeriod> default_reporting_periods(const Period& plan_period) {
  std::vector<ReportingPeriod> out;
  if (!plan_period.valid()) return out;
  const auto first = plan_period.start.date();
  const auto last = plan_period.end.date();
  if (!first || !last) return out;
  using namespace std::chrono;
  year_month_day from = first->first_day();
  const year_month_day end = last->last_day();
  auto iso = [](const year_month_day& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return std::string(buf);
  };
  // A plan spans a few years: 2 periods a year, bounded by the years a date may have.
  for (int n = 1; n <= 400 && sys_days(from) <= sys_days(end); ++n) {
    const year_month next_month = year_month(from.year(), from.month()) + months(6);
    const year_month_day next{next_month.year(), next_month.month(), day(1)};
    year_month_day to = year_month_day(sys_days(next) - days(1));
    if (sys_days(to) > sys_days(end)) to = end;
    ReportingPeriod p;
    p.id = "p" + std::to_string(n);
    p.period.start.text = iso(from);
    p.period.end.text = iso(to);
    p.loc = plan_period.loc;
    out.push_back(std::move(p));
    from = next;
  }
  return out;
}

std::vector<ReportingPeriod> reporting_periods(const PlanProgress& progress, const Period& plan_period) {
  if (!progress.declared_periods.empty()) return progress.declared_periods;
  return default_reporting_periods(plan_period);
}

}  // namespace renaksi
