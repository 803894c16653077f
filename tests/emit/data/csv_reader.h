// A strict RFC 4180 reader for the tests (written apart from the writer, so that the two do not
// share a mistake): fields in double quotes or bare, "" for a quote, records ending in CRLF;
// anything else is an error. The byte-order mark is taken off first.
#pragma once

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

}  // namespace renaksi::testing
