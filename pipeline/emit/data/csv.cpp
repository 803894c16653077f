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

std::string write_csv(const std::vector<std::string>& columns, const std::vector<nlohmann::ordered_json>& rows) {
  std::string out(kUtf8Bom);
  auto record = [&out](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      out += csv_field(fields[i]);
    }
    out += "\r\n";
  };
  record(columns);
  std::vector<std::string> fields(columns.size());
  for (const auto& row : rows) {
    for (size_t i = 0; i < columns.size(); ++i) {
      auto it = row.find(columns[i]);
      fields[i] = it == row.end() ? std::string() : formula_safe(cell_text(*it));
    }
    record(fields);
  }
  return out;
}

}  // namespace renaksi::open_data
