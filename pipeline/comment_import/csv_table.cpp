// CSV through libcsv: the parsing (quotes, doubled quotes, line breaks in fields) is libcsv's;
// this file counts lines for diagnostics and bounds what is kept.
#include "comment_import/csv_table.h"

#include <csv.h>

#include <algorithm>

#include "env/text_encoding.h"

namespace renaksi::comment_import {

namespace {

// libcsv's parser, held by value and freed on every path.
class CsvParser {
 public:
  CsvParser() = default;
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;
  ~CsvParser() {
    if (ready_) csv_free(&p_);
  }
  bool init(unsigned char options) { return ready_ = csv_init(&p_, options) == 0; }
  csv_parser* get() { return &p_; }

 private:
  csv_parser p_{};
  bool ready_ = false;
};

struct Collector {
  std::vector<CsvRow> rows;
  CsvRow current;
  int line = 1;          // the line being fed
  int last_end = 0;      // the line the previous row ended on
  const std::vector<bool>* blank_lines = nullptr;  // by line - 1
  bool too_many = false;
  std::size_t longest = 0;

  static void field(void* s, size_t len, void* self) {
    auto& c = *static_cast<Collector*>(self);
    if (c.current.fields.size() >= kMaxCsvFields) {
      c.too_many = true;
      return;
    }
    c.longest = std::max(c.longest, len);
    c.current.fields.emplace_back(static_cast<const char*>(s), std::min(len, kMaxCsvFieldBytes));
  }
  static void row(int, void* self) {
    auto& c = *static_cast<Collector*>(self);
    // The row began on the first line after the previous row that is not blank (libcsv skips those).
    int start = c.last_end + 1;
    while (start < c.line && static_cast<size_t>(start) <= c.blank_lines->size() && (*c.blank_lines)[static_cast<size_t>(start - 1)]) ++start;
    c.current.line = start;
    c.last_end = c.line;
    bool blank = true;
    for (const auto& f : c.current.fields) blank = blank && f.find_first_not_of(" \t\r\n") == std::string::npos;
    if (!blank && c.rows.size() <= kMaxCsvRows) c.rows.push_back(std::move(c.current));
    else if (!blank) c.too_many = true;
    c.current = {};
  }
};

// The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes.
char guess_delimiter(const std::string& bytes) {
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

}  // namespace

std::optional<CsvTable> read_csv(std::string bytes, const std::string& name, Diagnostics& diags) {
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
  if (auto bad = check_utf8_text(bytes)) {
    diags.error(Code::I012, {name, bad->line, bad->col},
                bad->message + " (save the export as \"CSV UTF-8\"; renaksi reads no other encoding)");
    return std::nullopt;
  }
  CsvTable table;
  table.delimiter = guess_delimiter(bytes);
  CsvParser owned;
  if (!owned.init(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
    diags.error(Code::I012, {name, 0, 0}, "the CSV reader cannot start (out of memory)");
    return std::nullopt;
  }
  csv_set_delim(owned.get(), static_cast<unsigned char>(table.delimiter));
  std::vector<bool> blank_lines;
  for (std::size_t from = 0; from < bytes.size();) {
    std::size_t end = bytes.find('\n', from);
    end = end == std::string::npos ? bytes.size() : end + 1;
    blank_lines.push_back(bytes.find_first_not_of(" \t\r\n", from) >= end);
    from = end;
  }
  Collector c;
  c.blank_lines = &blank_lines;
  // Fed a line at a time, so that each row knows the line it starts on. Bounded by the file's lines.
  std::size_t from = 0;
  while (from < bytes.size()) {
    std::size_t end = bytes.find('\n', from);
    end = end == std::string::npos ? bytes.size() : end + 1;
    if (csv_parse(owned.get(), bytes.data() + from, end - from, Collector::field, Collector::row, &c) != end - from) {
      diags.error(Code::I012, {name, c.line, 1},
                  std::string("the CSV is malformed here: ") + csv_strerror(csv_error(owned.get())) +
                      " (a quote inside a field is written twice, \"\")");
      return std::nullopt;
    }
    ++c.line;
    from = end;
    if (c.too_many) break;
  }
  if (!c.too_many && csv_fini(owned.get(), Collector::field, Collector::row, &c) != 0) {
    diags.error(Code::I012, {name, c.line - 1, 1}, "the CSV ends inside a quoted field (a quote is not closed)");
    return std::nullopt;
  }
  if (c.too_many) {
    diags.error(Code::I012, {name, c.line, 1},
                "the CSV has more than " + std::to_string(kMaxCsvRows) + " rows or " + std::to_string(kMaxCsvFields) +
                    " columns in a row, more than a consultation's export; renaksi reads no further");
    return std::nullopt;
  }
  if (c.longest > kMaxCsvFieldBytes)
    diags.warning(Code::I012, {name, 0, 0},
                  "a field is longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes; it was cut there");
  if (c.rows.empty()) {
    diags.error(Code::I012, {name, 1, 1}, "the CSV is empty: no header line with the columns' names");
    return std::nullopt;
  }
  table.header = std::move(c.rows.front().fields);
  table.rows.assign(std::make_move_iterator(c.rows.begin() + 1), std::make_move_iterator(c.rows.end()));
  return table;
}

}  // namespace renaksi::comment_import
