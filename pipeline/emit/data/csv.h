// Tables as CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark (so Excel reads it as
// UTF-8; LibreOffice and Python's utf-8-sig take it), a header row, every field in double quotes
// (a quote doubled), CRLF after every record. A cell whose text begins with = + - @ a tab, a
// carriage return or an apostrophe gets an apostrophe in front (OWASP's advice against formula
// injection: a hostile title never becomes a formula); a reader removes one leading apostrophe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace renaksi::open_data {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A value as its cell's text: a string as it is, a number in JSON's form, true/false, null "".
std::string cell_text(const nlohmann::ordered_json& value);

// The text with an apostrophe in front when a spreadsheet could read it as a formula (or when
// it begins with an apostrophe itself, so that removing one always gives the text back).
std::string formula_safe(std::string text);

// One field, quoted.
std::string csv_field(std::string_view text);

// The whole file: BOM, the header, one record per row (its value under each column; a column
// the row lacks is empty).
std::string write_csv(const std::vector<std::string>& columns, const std::vector<nlohmann::ordered_json>& rows);

// The file's start alone (BOM and header), and the records of `rows` appended to `out`: a file
// written in parts, a plan's rows at a time, is write_csv's bytes.
std::string csv_header(const std::vector<std::string>& columns);
void append_csv_records(const std::vector<std::string>& columns, const std::vector<nlohmann::ordered_json>& rows,
                        std::string& out);

}  // namespace renaksi::open_data
