// Reading a survey's CSV export: quoted fields with commas, doubled quotes and line breaks, CRLF,
// a byte-order mark, the delimiter the header uses, each row's first line; and what is refused
// with its line (not UTF-8, a quote never closed, more rows than a consultation has).
#include "comment_import/csv_table.h"

#include <gtest/gtest.h>

namespace renaksi::comment_import {
namespace {

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.str() + "\n";
  return s;
}

TEST(CsvTable, QuotedFieldsLineBreaksAndTheLineEachRowStartsOn) {
  Diagnostics d;
  const auto t = read_csv(
      "\xEF\xBB\xBFTimestamp,Commitment,Comment\r\n"
      "2025-03-02 10:11:12,3,\"Plain, with a comma\"\r\n"
      "\r\n"
      "2025-03-03 08:00:00,\"Komitmen 2: \"\"Data\"\"\",\"Two\r\nlines\"\r\n"
      "2025-03-04,,last",
      "x.csv", d);
  ASSERT_TRUE(t) << all(d);
  EXPECT_EQ(t->header, (std::vector<std::string>{"Timestamp", "Commitment", "Comment"}));
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0].line, 2);
  EXPECT_EQ(t->rows[0].fields[2], "Plain, with a comma");
  EXPECT_EQ(t->rows[1].line, 4);  // after a blank line
  EXPECT_EQ(t->rows[1].fields[1], "Komitmen 2: \"Data\"");
  EXPECT_EQ(t->rows[1].fields[2], "Two\r\nlines");
  EXPECT_EQ(t->rows[2].line, 6);
  EXPECT_EQ(t->rows[2].fields[2], "last");
}

TEST(CsvTable, TheHeadersDelimiterIsUsed) {
  Diagnostics d;
  const auto t = read_csv("Tanggal;Komitmen;Komentar\n02.03.2025;1;\"a, b; c\"\n", "x.csv", d);
  ASSERT_TRUE(t) << all(d);
  EXPECT_EQ(t->delimiter, ';');
  EXPECT_EQ(t->rows.at(0).fields.at(2), "a, b; c");
  const auto tabs = read_csv("Date\tComment\n2025-03-02\thello\n", "x.csv", d);
  ASSERT_TRUE(tabs);
  EXPECT_EQ(tabs->rows.at(0).fields.at(1), "hello");
}

TEST(CsvTable, WhatCannotBeReadIsReportedWithItsLine) {
  Diagnostics latin1;
  EXPECT_FALSE(read_csv("Date,Comment\n2025-03-02,caf\xE9\n", "x.csv", latin1));
  EXPECT_NE(all(latin1).find("x.csv:2:"), std::string::npos) << all(latin1);
  EXPECT_NE(all(latin1).find("error[I012]"), std::string::npos);
  EXPECT_NE(all(latin1).find("CSV UTF-8"), std::string::npos);
  Diagnostics open;
  EXPECT_FALSE(read_csv("Date,Comment\n2025-03-02,\"never closed\nand on\n", "x.csv", open));
  EXPECT_NE(all(open).find("error[I012]: the CSV ends inside a quoted field"), std::string::npos) << all(open);
  Diagnostics stray;
  EXPECT_FALSE(read_csv("Date,Comment\n2025-03-02,a \"quote\" inside\n", "x.csv", stray));
  EXPECT_NE(all(stray).find("x.csv:2:1: error[I012]: the CSV is malformed here"), std::string::npos) << all(stray);
  Diagnostics empty;
  EXPECT_FALSE(read_csv("", "x.csv", empty));
  EXPECT_NE(all(empty).find("the CSV is empty"), std::string::npos);
  Diagnostics nul;
  EXPECT_FALSE(read_csv(std::string("Date,Comment\n2025,\0x\n", 20), "x.csv", nul));
  EXPECT_TRUE(nul.has_errors());
}

TEST(CsvTable, MoreRowsOrColumnsThanAConsultationHasStopsTheRead) {
  std::string many = "Date,Comment\n";
  for (size_t i = 0; i < kMaxCsvRows + 5; ++i) many += "2025-03-02,x\n";
  Diagnostics d;
  EXPECT_FALSE(read_csv(many, "x.csv", d));
  EXPECT_NE(all(d).find("more than 50000 rows"), std::string::npos) << all(d);
  std::string wide(kMaxCsvFields * 3, ',');
  Diagnostics w;
  EXPECT_FALSE(read_csv("Date,Comment\n" + wide + "\n", "x.csv", w));
  EXPECT_TRUE(w.has_errors());
}

}  // namespace
}  // namespace renaksi::comment_import
