// CSV as spreadsheets read it: quoted, CRLF, UTF-8 with a BOM, no cell a formula.
#include <gtest/gtest.h>

#include "emit/data/csv.h"
#include "emit/data/csv_reader.h"

namespace renaksi::open_data {
namespace {

using nlohmann::ordered_json;

TEST(OpenDataCsv, EveryFieldQuotedRecordsEndInCrlfWithABom) {
  const std::string csv = write_csv({"A", "B"}, {ordered_json{{"A", "x"}, {"B", 3}}});
  EXPECT_EQ(csv, "\xEF\xBB\xBF\"A\",\"B\"\r\n\"x\",\"3\"\r\n");
}

TEST(OpenDataCsv, QuotesCommasAndLineBreaksSurvive) {
  const std::string text = "He said \"no\", then\nleft;\r\nagain";
  const std::string csv = write_csv({"T"}, {ordered_json{{"T", text}}});
  const auto records = testing::read_csv(csv);
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ(records->at(1).at(0), text);
}

TEST(OpenDataCsv, ValuesAsCells) {
  EXPECT_EQ(cell_text(nullptr), "");
  EXPECT_EQ(cell_text(true), "true");
  EXPECT_EQ(cell_text(false), "false");
  EXPECT_EQ(cell_text(14), "14");
  EXPECT_EQ(cell_text("Rp 1.000"), "Rp 1.000");
  // A column the row lacks is an empty cell.
  EXPECT_EQ(write_csv({"A", "Z"}, {ordered_json{{"A", "1"}}}), "\xEF\xBB\xBF\"A\",\"Z\"\r\n\"1\",\"\"\r\n");
}

TEST(OpenDataCsv, HostileCellsNeverBecomeFormulas) {
  // OWASP's list: = + - @ tab and carriage return; and ' itself, so that one ' off always
  // gives the text back.
  const std::vector<std::string> hostile = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0",
                                            "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1", "'=1", "'quoted"};
  std::vector<ordered_json> rows;
  for (const auto& h : hostile) rows.push_back(ordered_json{{"Commitment Title (en)", h}});
  const auto records = testing::read_csv(write_csv({"Commitment Title (en)"}, rows));
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), hostile.size() + 1);
  for (size_t i = 0; i < hostile.size(); ++i) {
    const std::string& cell = records->at(i + 1).at(0);
    EXPECT_EQ(cell.front(), '\'') << hostile[i];
    EXPECT_EQ(testing::unguarded(cell), hostile[i]);
  }
  // Text that starts with anything else is left alone, a date's dashes inside included.
  for (const std::string plain : {"2018-09-30", "Keterbukaan", "1 = 1", " =x", "ID0093", ""})
    EXPECT_EQ(formula_safe(plain), plain);
}

}  // namespace
}  // namespace renaksi::open_data
