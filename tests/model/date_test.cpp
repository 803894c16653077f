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
