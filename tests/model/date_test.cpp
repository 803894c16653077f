// Tests of calendar dates and periods in the content model.
#include "model/date.h"

#include <gtest/gtest.h>

namespace renaksi {
namespace {

TEST(ParseIsoDate, AcceptsRealDays) {
  auto d = parse_iso_date("2018-08-08");
  ASSERT_TRUE(d);
  EXPECT_EQ(static_cast<int>(d->year()), 2018);
  EXPECT_EQ(static_cast<unsigned>(d->month()), 8u);
  EXPECT_EQ(static_cast<unsigned>(d->day()), 8u);
  EXPECT_TRUE(parse_iso_date("2020-02-29"));  // leap year
}

TEST(ParseIsoDate, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(parse_iso_date("2019-02-29"));
  EXPECT_FALSE(parse_iso_date("2019-02-30"));
  EXPECT_FALSE(parse_iso_date("2019-04-31"));
  EXPECT_FALSE(parse_iso_date("2019-13-01"));
  EXPECT_FALSE(parse_iso_date("2019-00-10"));
  EXPECT_FALSE(parse_iso_date("1900-02-29"));
}

TEST(ParseIsoDate, RejectsOtherShapes) {
  for (const char* s : {"", "2019-1-01", "2019/01/01", "20190101", "2019-01-01T00", " 2019-01-01", "2019-0a-01",
                        "+019-01-01"})
    EXPECT_FALSE(parse_iso_date(s)) << s;
}

Period make(const char* a, const char* b) { return Period{{a, {}}, {b, {}}, {}}; }

TEST(PeriodTest, ValidWhenEndNotBeforeStart) {
  EXPECT_TRUE(make("2019-01-01", "2019-01-01").valid());
  EXPECT_TRUE(make("2019-01-01", "2020-12-31").valid());
  EXPECT_FALSE(make("2020-01-01", "2019-12-31").valid());
  EXPECT_FALSE(make("2019-02-30", "2019-12-31").valid());
}

TEST(PeriodTest, InsideIsInclusive) {
  Period outer = make("2019-01-01", "2020-12-31");
  EXPECT_TRUE(make("2019-01-01", "2020-12-31").inside(outer));
  EXPECT_TRUE(make("2019-06-01", "2019-06-30").inside(outer));
  EXPECT_FALSE(make("2018-12-31", "2019-06-30").inside(outer));
  EXPECT_FALSE(make("2019-06-01", "2021-01-01").inside(outer));
  EXPECT_FALSE(make("2019-06-01", "2019-02-30").inside(outer));
}

}  // namespace
}  // namespace renaksi

namespace renaksi {
namespace {

TEST(IsoDateRange, YearsOutsideTheLimitsAreRealDatesButOutOfRange) {
  const SourceLoc here{"p.xml", 1, 1};
  EXPECT_TRUE((IsoDate{"0000-01-01", here}.day()));
  EXPECT_FALSE((IsoDate{"0000-01-01", here}.year_in_range()));
  EXPECT_FALSE((IsoDate{"9999-12-31", here}.year_in_range()));
  EXPECT_FALSE((IsoDate{"1899-12-31", here}.year_in_range()));
  EXPECT_TRUE((IsoDate{"1900-01-01", here}.year_in_range()));
  EXPECT_TRUE((IsoDate{"2200-12-31", here}.year_in_range()));
  EXPECT_FALSE((IsoDate{"2201-01-01", here}.year_in_range()));
  EXPECT_FALSE((IsoDate{"2019-02-30", here}.year_in_range()));
  // A period with a year out of range is not valid, so no rule compares it.
  Period p{{"0000-01-01", here}, {"2020-01-01", here}, here};
  EXPECT_FALSE(p.valid());
}

}  // namespace
}  // namespace renaksi

namespace renaksi {
namespace {

TEST(CalendarDate, KeepsThePrecisionGiven) {
  auto y = parse_calendar_date("2017");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->precision, DatePrecision::Year);
  EXPECT_EQ(y->year, 2017);
  auto m = parse_calendar_date("2017-06");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->precision, DatePrecision::Month);
  EXPECT_EQ(m->month, 6u);
  auto d = parse_calendar_date("2017-06-15");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->precision, DatePrecision::Day);
  EXPECT_EQ(d->day, 15u);
  // parse_iso_date stays day-only (the command line's --date).
  EXPECT_FALSE(parse_iso_date("2017-06"));
  EXPECT_FALSE(parse_iso_date("2017"));
  EXPECT_FALSE((IsoDate{"2017-06", {}}.day()));
  EXPECT_TRUE((IsoDate{"2017-06", {}}.date()));
}

TEST(CalendarDate, RejectsMonthsAndShapesThatDoNotExist) {
  for (const char* s : {"2017-13", "2017-00", "2017-6", "201", "20171", "2017-", "2017-06-", "2017/06", "2017-0a",
                        "abcd", "2017-02-29", "+017", "2017-06-15T00"})
    EXPECT_FALSE(parse_calendar_date(s)) << s;
}

TEST(CalendarDate, FirstAndLastDayOfAMonthOrAYear) {
  using namespace std::chrono;
  EXPECT_EQ(parse_calendar_date("2020-02")->last_day(), year_month_day(year{2020}, February, day{29}));
  EXPECT_EQ(parse_calendar_date("2019-02")->last_day(), year_month_day(year{2019}, February, day{28}));
  EXPECT_EQ(parse_calendar_date("2019")->first_day(), year_month_day(year{2019}, January, day{1}));
  EXPECT_EQ(parse_calendar_date("2019")->last_day(), year_month_day(year{2019}, December, day{31}));
  EXPECT_EQ(parse_calendar_date("2019-06-15")->last_day(), year_month_day(year{2019}, June, day{15}));
}

TEST(CalendarDate, ComparesAtTheCoarserPrecision) {
  auto c = [](const char* a, const char* b) { return compare_dates(*parse_calendar_date(a), *parse_calendar_date(b)); };
  EXPECT_EQ(c("2017-06", "2017-06-15"), 0);
  EXPECT_EQ(c("2017", "2017-12-31"), 0);
  EXPECT_LT(c("2017-05", "2017-06-01"), 0);
  EXPECT_GT(c("2018", "2017-12"), 0);
  EXPECT_LT(c("2017-06-14", "2017-06-15"), 0);
}

TEST(PeriodTest, MonthsAndYearsInsideDays) {
  // The example: a milestone by month inside a commitment by day.
  EXPECT_TRUE(make("2017-06", "2019-06").inside(make("2017-06-15", "2019-06-30")));
  EXPECT_TRUE(make("2017", "2019").inside(make("2017-01-01", "2019-12-31")));
  EXPECT_TRUE(make("2017-06-20", "2017-06-25").inside(make("2017-06", "2019")));
  EXPECT_FALSE(make("2017-05", "2019-06").inside(make("2017-06-15", "2019-06-30")));
  EXPECT_FALSE(make("2017-06", "2019-07").inside(make("2017-06-15", "2019-06-30")));
}

TEST(PeriodTest, EndBeforeStartIsJudgedAtTheCoarserPrecision) {
  EXPECT_TRUE(make("2019-06", "2019-06-10").valid());
  EXPECT_TRUE(make("2019-06-30", "2019-06").valid());
  EXPECT_TRUE(make("2019", "2019-01").valid());
  EXPECT_FALSE(make("2019-07", "2019-06-30").valid());
  EXPECT_FALSE(make("2020", "2019-12").valid());
  EXPECT_FALSE(make("2019-13", "2020").valid());
}

}  // namespace
}  // namespace renaksi
