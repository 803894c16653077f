// A strict RFC 4180 reader for the tests (written apart from the writer, so that the two do not
// share a mistake): fields in double quotes or bare, "" for a quote, records ending in CRLF;
// anything else is an error. The byte-order mark is taken off first. And the records as maps
// by column, for the tests that compare a table with its plan.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace renaksi::testing {

using CsvRecords = std::vector<std::vector<std::string>>;

inline std::optional<CsvRecords> read_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvRecords records;
  std::vector<std::string> record;
  std::string field;
  size_t i = 0;
  while (i < text.size()) {
    field.clear();
    if (text[i] == '"') {
      ++i;
      for (;;) {
        if (i >= text.size()) return std::nullopt;  // unterminated
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') return std::nullopt;
        field += text[i++];
      }
    }
    record.push_back(field);
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    if (text.substr(i, 2) != "\r\n") return std::nullopt;  // records end in CRLF, the last too
    i += 2;
    records.push_back(std::move(record));
    record.clear();
  }
  return records;
}

// A cell's text as it was before the writer guarded it against formulas.
inline std::string unguarded(const std::string& cell) { return !cell.empty() && cell.front() == '\'' ? cell.substr(1) : cell; }

// The CSV's records as column -> cell (unguarded) maps, its header checked against `columns`
// and every record's width against the header's (test failures, not exceptions).
inline std::vector<std::map<std::string, std::string>> records_of(const std::string& csv, const std::vector<std::string>& columns) {
  const auto records = read_csv(csv);
  EXPECT_TRUE(records) << "not RFC 4180";
  std::vector<std::map<std::string, std::string>> out;
  if (!records || records->empty()) return out;
  EXPECT_EQ(records->front(), columns);
  for (size_t r = 1; r < records->size(); ++r) {
    EXPECT_EQ(records->at(r).size(), columns.size());
    std::map<std::string, std::string> m;
    for (size_t c = 0; c < columns.size() && c < records->at(r).size(); ++c) m[columns[c]] = unguarded(records->at(r)[c]);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace renaksi::testing
