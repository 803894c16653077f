// A CSV file (RFC 4180, as survey tools export it) read into rows of fields by libcsv, each row
// with the line it starts on, for diagnostics that name the line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace renaksi::comment_import {

// Bounds on what is read: a consultation's export, not a database dump.
inline constexpr std::size_t kMaxCsvRows = 50'000;
inline constexpr std::size_t kMaxCsvFields = 500;          // per row
inline constexpr std::size_t kMaxCsvFieldBytes = 100'000;  // one answer

struct CsvRow {
  int line = 0;  // the line of the file the row starts on (1-based)
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // after the header, blank rows left out
  char delimiter = ',';
};

// Reads `bytes`, the file `name`: UTF-8 (a byte-order mark is dropped), the delimiter the header
// line uses (comma, semicolon or tab), quoted fields with line breaks and doubled quotes.
// Problems are I012 at their line; nullopt when the file cannot be used.
std::optional<CsvTable> read_csv(std::string bytes, const std::string& name, Diagnostics& diags);

}  // namespace renaksi::comment_import
