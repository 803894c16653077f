// Each formatter of the locale layer, in Indonesian and English, against ICU 72's behaviour.
#include "locale/locale.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "support/paths.h"

namespace renaksi {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr year_month_day ymd(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}; }

class LocaleTest : public ::testing::Test {
 protected:
  static std::unique_ptr<Locale> make(const std::string& lang, const std::string& date_style = {}) {
    Diagnostics diags;
    auto c = Catalogue::load(catalogue_path(testing::source_dir(), lang), lang, diags);
    EXPECT_TRUE(c);
    return std::make_unique<Locale>(lang, std::move(*c), date_style);
  }
  std::unique_ptr<Locale> id = make("id");
  std::unique_ptr<Locale> en = make("en");
};

TEST_F(LocaleTest, DatesUseIcuMonthNames) {
  EXPECT_EQ(id->date(ymd(2018, 8, 8)), "8 Agustus 2018");
  // English dates are British unless the plan says otherwise (locales/en.json, "date.style").
  EXPECT_EQ(en->date(ymd(2018, 8, 8)), "8 August 2018");
  EXPECT_EQ(id->month_year(ymd(2020, 6, 30)), "Juni 2020");
  EXPECT_EQ(en->month_year(ymd(2020, 6, 30)), "June 2020");
}

TEST_F(LocaleTest, DateRangesUseDateIntervalFormat) {
  // Indonesian writes the dash of a range unspaced (locales/id.json, "date.interval.*"); English
  // keeps ICU's thin spaces.
  EXPECT_EQ(id->date_range(ymd(2018, 9, 30), ymd(2020, 6, 30)), "30 September 2018\u201330 Juni 2020");
  EXPECT_EQ(en->date_range(ymd(2018, 9, 30), ymd(2020, 6, 30)), "30 September 2018\u2009\u2013\u200930 June 2020");
  // Shared parts are not repeated.
  EXPECT_EQ(id->date_range(ymd(2018, 7, 1), ymd(2018, 7, 31)), "1\u201331 Juli 2018");
  EXPECT_EQ(en->date_range(ymd(2018, 7, 1), ymd(2018, 7, 31)), "1\u201331 July 2018");
  EXPECT_EQ(en->date_range(ymd(2018, 8, 8), ymd(2018, 8, 8)), "8 August 2018");
}

TEST_F(LocaleTest, TheDateStyleIsData) {
  EXPECT_EQ(en->date_style(), "en-GB");
  EXPECT_EQ(id->date_style(), "id");
  auto us = make("en", "en-US");
  EXPECT_EQ(us->date(ymd(2019, 4, 1)), "April 1, 2019");
  EXPECT_EQ(us->date_range(ymd(2019, 4, 1), ymd(2019, 12, 31)), "April 1\u2009\u2013\u2009December 31, 2019");
  EXPECT_EQ(en->date_range(ymd(2019, 4, 1), ymd(2019, 12, 31)), "1 April\u2009\u2013\u200931 December 2019");
}

TEST_F(LocaleTest, DatesAtMonthAndYearPrecision) {
  using U = Locale::DateUnit;
  EXPECT_EQ(id->date(ymd(2017, 6, 1), U::Month), "Juni 2017");
  EXPECT_EQ(en->date(ymd(2017, 6, 1), U::Month), "June 2017");
  EXPECT_EQ(en->date(ymd(2017, 1, 1), U::Year), "2017");
  EXPECT_EQ(id->date_range(ymd(2017, 6, 1), U::Month, ymd(2019, 6, 1), U::Month), "Juni 2017\u2013Juni 2019");
  EXPECT_EQ(en->date_range(ymd(2017, 6, 1), U::Month, ymd(2019, 6, 1), U::Month), "June 2017\u2009\u2013\u2009June 2019");
  EXPECT_EQ(id->date_range(ymd(2017, 1, 1), U::Year, ymd(2019, 1, 1), U::Year), "2017\u20132019");
  // en-GB's CLDR year range has no spaces around the dash.
  EXPECT_EQ(en->date_range(ymd(2017, 1, 1), U::Year, ymd(2019, 1, 1), U::Year), "2017\u20132019");
  // Ends of different precisions: ICU's fallback pattern.
  EXPECT_EQ(en->date_range(ymd(2017, 6, 15), U::Day, ymd(2019, 6, 1), U::Month), "15 June 2017\u2009\u2013\u2009June 2019");
  EXPECT_EQ(id->date_range(ymd(2017, 6, 15), U::Day, ymd(2019, 6, 1), U::Month), "15 Juni 2017\u2013Juni 2019");
}

TEST_F(LocaleTest, IndonesianRangesHaveAnUnspacedDashAtEveryPrecision) {
  using U = Locale::DateUnit;
  EXPECT_EQ(id->date_range(ymd(2019, 1, 1), ymd(2019, 12, 31)), "1 Januari\u201331 Desember 2019");
  EXPECT_EQ(id->date_range(ymd(2019, 12, 1), ymd(2019, 12, 31)), "1\u201331 Desember 2019");
  EXPECT_EQ(id->date_range(ymd(2019, 1, 1), U::Month, ymd(2019, 6, 1), U::Month), "Januari\u2013Juni 2019");
  EXPECT_EQ(id->date_range(ymd(2019, 8, 8), ymd(2019, 8, 8)), "8 Agustus 2019");
}

// The patterns are data: a catalogue's own, where it gives one, replaces ICU's; a pattern ICU
// refuses leaves ICU's; a date style of another language than the catalogue's keeps ICU's.
TEST_F(LocaleTest, IntervalPatternsComeFromTheCatalogue) {
  testing::TempDir dir("interval-patterns");
  std::string problems;
  auto load = [&](const std::string& name, const std::string& body) {
    std::ofstream(dir.path() / name) << body;
    Diagnostics diags;
    auto c = Catalogue::load(dir.path() / name, "en", diags);
    for (const auto& d : diags.all()) problems += d.str() + "\n";
    return c;
  };
  auto own = load("own.json", R"({"date.style": "en-GB", "date.interval.yMMMMd.M": "d MMMM 'to' d MMMM y", "date.interval.yMMMMd.y": "d MMMM y",
                                  "date.interval.fallback": "from {0} until {1}"})");
  ASSERT_TRUE(own);
  Locale l("en", std::move(*own), "en-GB");
  using U = Locale::DateUnit;
  EXPECT_EQ(l.date_range(ymd(2019, 4, 1), ymd(2019, 12, 31)), "1 April to 31 December 2019");
  // "d MMMM y" repeats no field, so it is no interval pattern (F004 when read): ICU's stays.
  EXPECT_EQ(l.date_range(ymd(2018, 9, 30), ymd(2020, 6, 30)), "30 September 2018\u2009\u2013\u200930 June 2020");
  EXPECT_EQ(l.date_range(ymd(2017, 6, 15), U::Day, ymd(2019, 6, 1), U::Month), "from 15 June 2017 until June 2019");
  EXPECT_NE(problems.find("own.json:1:75: error[F004]"), std::string::npos) << problems;
  EXPECT_NE(problems.find("error[F004]: the date pattern 'date.interval.yMMMMd.y' must give both ends"), std::string::npos) << problems;
  auto us = load("us.json", R"({"date.style": "en-GB", "date.interval.yMMMMd.M": "d MMMM 'to' d MMMM y"})");
  ASSERT_TRUE(us);
  Locale l_us("en", std::move(*us), "en-US");
  EXPECT_EQ(l_us.date_range(ymd(2019, 4, 1), ymd(2019, 12, 31)), "April 1\u2009\u2013\u2009December 31, 2019");
}


TEST_F(LocaleTest, NumbersGroupAsEachLanguageWrites) {
  EXPECT_EQ(id->number(1000), "1.000");
  EXPECT_EQ(en->number(1000), "1,000");
  EXPECT_EQ(id->number(1234567), "1.234.567");
  EXPECT_EQ(id->decimal("1234567.891"), "1.234.567,891");
  EXPECT_EQ(en->decimal("1234567.891"), "1,234,567.891");
}

TEST_F(LocaleTest, Percentages) {
  EXPECT_EQ(id->percent(0.53), "53%");
  EXPECT_EQ(en->percent(0.47), "47%");
  EXPECT_EQ(en->percent(3.0 / 17.0), "18%");
}

TEST_F(LocaleTest, RupiahInWholeRupiahAsIndonesianReadersExpect) {
  EXPECT_EQ(id->currency("1500000000", "IDR"), "Rp\u00a01.500.000.000");
  EXPECT_EQ(en->currency("1500000000", "IDR"), "IDR\u00a01,500,000,000");
  EXPECT_EQ(en->currency("2500.5", "USD"), "$2,500.50");
}

TEST_F(LocaleTest, PluralsFollowEachLanguagesRules) {
  // A count and its noun are joined by a no-break space (issue 11).
  EXPECT_EQ(en->message("cover.commitments", {{"count", 1LL}}), "1\u00a0commitment");
  EXPECT_EQ(en->message("cover.commitments", {{"count", 14LL}}), "14\u00a0commitments");
  EXPECT_EQ(id->message("cover.commitments", {{"count", 1LL}}), "1\u00a0komitmen");
  EXPECT_EQ(id->message("cover.commitments", {{"count", 1000LL}}), "1.000\u00a0komitmen");
  EXPECT_EQ(en->message("cover.plan_number", {{"number", 5LL}, {"country", std::string("Indonesia")}}),
            "Indonesia's 5th national action plan");
  EXPECT_EQ(en->message("cover.plan_number", {{"number", 2LL}, {"country", std::string("Indonesia")}}),
            "Indonesia's 2nd national action plan");
  EXPECT_EQ(id->message("footer.page", {{"page", 3LL}, {"pages", 40LL}}), "Halaman 3 dari 40");
  EXPECT_EQ(en->message("footer.page", {{"page", 3LL}, {"pages", 40LL}}), "Page 3 of 40");
}

TEST_F(LocaleTest, MissingKeysAreReportedOnceAndShown) {
  EXPECT_EQ(id->message("no.such.key"), "[no.such.key]");
  EXPECT_EQ(id->message("no.such.key"), "[no.such.key]");
  ASSERT_EQ(id->diagnostics().all().size(), 1u);
  EXPECT_EQ(id->diagnostics().all()[0].code, Code::F003);
}

TEST(LoadMissingLocales, LoadsOnlyTheLanguagesNotYetHeldAndKeepsWhatTheyMet) {
  Locales locales;
  Diagnostics diags;
  ASSERT_TRUE(load_missing_locales({"en"}, testing::source_dir(), locales, diags));
  const Locale* en = locales.at("en").get();
  EXPECT_EQ(en->message("no.such.key"), "[no.such.key]");  // a problem met while formatting
  ASSERT_TRUE(load_missing_locales({"id", "en"}, testing::source_dir(), locales, diags));
  EXPECT_EQ(locales.size(), 2u);
  EXPECT_EQ(locales.at("en").get(), en);  // not made again: what it met is still there to report
  EXPECT_EQ(locales.at("en")->diagnostics().all().size(), 1u);
  EXPECT_TRUE(diags.all().empty());
  // A language without a catalogue is reported, and asked for again the next time.
  EXPECT_FALSE(load_missing_locales({"xx"}, testing::source_dir(), locales, diags));
  EXPECT_FALSE(locales.count("xx"));
  EXPECT_FALSE(diags.all().empty());
}

TEST_F(LocaleTest, CollationOrdersAsReadersExpect) {
  std::vector<std::string> names = {"badan", "Zona", "Ombudsman", "Éntitas", "apel", "Badan"};
  std::sort(names.begin(), names.end(), [&](const auto& a, const auto& b) { return id->less(a, b); });
  EXPECT_EQ(names, (std::vector<std::string>{"apel", "badan", "Badan", "Éntitas", "Ombudsman", "Zona"}));
}

TEST_F(LocaleTest, LanguageAndCountryNamesComeFromIcu) {
  EXPECT_EQ(id->language_name("en"), "Inggris");
  EXPECT_EQ(en->language_name("id"), "Indonesian");
  EXPECT_EQ(id->country_name("ID"), "Indonesia");
  EXPECT_EQ(en->country_name("ID"), "Indonesia");
}

}  // namespace
}  // namespace renaksi
