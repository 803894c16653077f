// RFC 4180 CSV, quoted throughout, safe to open in a spreadsheet.
#include "emit/data/csv.h"

namespace renaksi::open_data {

std::string cell_text(const nlohmann::ordered_json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return value.dump();
}

std::string formula_safe(std::string text) {
  if (text.empty()) return text;
  switch (text.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': case '\'':
      return "'" + text;
    default:
      return text;
  }
}

std::string csv_field(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

namespace {

void append_record(const std::vector<std::string>& fields, std::string& out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string csv_header(const std::vector<std::string>& columns) {
  std::string out(kUtf8Bom);
  append_record(columns, out);
  return out;
}

void append_csv_records(const std::vector<std::string>& columns, const std::vector<nlohmann::ordered_json>& rows,
                        std::string& out) {
  std::vector<std::string> fields(columns.size());
  for (const auto& row : rows) {
    for (size_t i = 0; i < columns.size(); ++i) {
      auto it = row.find(columns[i]);
      fields[i] = it == row.end() ? std::string() : formula_safe(cell_text(*it));
    }
    append_record(fields, out);
  }
}

std::string write_csv(const std::vector<std::string>& columns, const std::vector<nlohmann::ordered_json>& rows) {
  std::string out = csv_header(columns);
  append_csv_records(columns, rows, out);
  return out;
}

}  // namespace renaksi::open_data
