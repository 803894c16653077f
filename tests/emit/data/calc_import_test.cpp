// The open data's CSV as LibreOffice Calc reads it: the default plan's commitments and milestones
// and a table of hostile cells, imported by Calc (headless, as its CSV dialog offers for a file
// with a UTF-8 byte-order mark: comma, double quote, UTF-8) and saved as flat ODS, every cell
// compared with what the table holds. Text stays text (a formula too, behind its apostrophe),
// line breaks stay inside their cell, numbers, dates and flags become Calc's own values.
#include <gtest/gtest.h>

#include <libxml/parser.h>

#include <fstream>

#include "emit/data/csv.h"
#include "emit/data/open_data.h"
#include "emit/data/plan_tables.h"
#include "support/command.h"
#include "support/paths.h"
#include "support/shared_archive.h"
#include "xml/handles.h"

namespace renaksi::open_data {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

bool named(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(n->name)) == name;
}

std::string prop(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

// The text of a <text:p> as Calc shows it: spaces (<text:s c>), tabs, line breaks, spans.
void paragraph_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) out += reinterpret_cast<const char*>(c->content);
    else if (named(c, "s")) out += std::string(prop(c, "c").empty() ? 1 : std::stoul(prop(c, "c")), ' ');
    else if (named(c, "tab")) out += '\t';
    else if (named(c, "line-break")) out += '\n';
    else if (c->type == XML_ELEMENT_NODE) paragraph_text(c, out);
  }
}

// One cell as Calc holds it: its type and its value as text (a date's ISO value, a number's
// value, a flag "true"/"false", a string's paragraphs joined by line breaks).
struct Cell {
  std::string type;  // "string", "float", "date", "boolean", or "" (empty)
  std::string value;
};

std::vector<std::vector<Cell>> sheet_of(const fs::path& fods) {
  std::vector<std::vector<Cell>> rows;
  XmlDocPtr doc(xmlReadFile(fods.c_str(), "UTF-8", XML_PARSE_NONET | XML_PARSE_HUGE));
  if (!doc) return rows;
  const xmlNode* table = nullptr;
  std::vector<const xmlNode*> todo{xmlDocGetRootElement(doc.get())};
  while (!todo.empty() && !table) {  // the first table:table, depth first
    const xmlNode* n = todo.back();
    todo.pop_back();
    if (named(n, "table")) table = n;
    for (const xmlNode* c = n->last; c; c = c->prev)
      if (c->type == XML_ELEMENT_NODE) todo.push_back(c);
  }
  for (const xmlNode* r = table ? table->children : nullptr; r; r = r->next) {
    if (!named(r, "table-row")) continue;
    std::vector<Cell> row;
    for (const xmlNode* c = r->children; c; c = c->next) {
      if (!named(c, "table-cell") && !named(c, "covered-table-cell")) continue;
      Cell cell;
      cell.type = prop(c, "value-type");
      if (cell.type == "float") cell.value = prop(c, "value");
      else if (cell.type == "date") cell.value = prop(c, "date-value");
      else if (cell.type == "boolean") cell.value = prop(c, "boolean-value");
      else
        for (const xmlNode* p = c->children; p; p = p->next)
          if (named(p, "p")) {
            if (!cell.value.empty()) cell.value += '\n';
            paragraph_text(p, cell.value);
          }
      const std::string repeated = prop(c, "number-columns-repeated");
      const size_t times = repeated.empty() ? 1 : std::min<size_t>(std::stoul(repeated), 1024);
      for (size_t i = 0; i < times; ++i) row.push_back(cell);
    }
    while (!row.empty() && row.back().type.empty() && row.back().value.empty()) row.pop_back();
    if (row.empty()) break;  // past the last record
    rows.push_back(std::move(row));
  }
  return rows;
}

// What Calc should hold for a value of the table.
void expect_cell(const Cell& got, const ordered_json& want, const std::string& where) {
  if (want.is_null() || (want.is_string() && want.get<std::string>().empty())) {
    EXPECT_TRUE(got.value.empty()) << where << ": " << got.value;
  } else if (want.is_boolean()) {
    EXPECT_EQ(got.type, "boolean") << where;
    EXPECT_EQ(got.value, want.get<bool>() ? "true" : "false") << where;
  } else if (want.is_number()) {
    EXPECT_EQ(got.type, "float") << where;
    EXPECT_EQ(got.value, want.dump()) << where;
  } else {
    const std::string text = want.get<std::string>();
    if (got.type == "date") {  // an ISO date of the content, as Calc reads one
      EXPECT_EQ(got.value.substr(0, text.size()), text) << where;
    } else if (got.type == "float") {  // a text that is a number ("12"): its value
      EXPECT_EQ(std::stod(got.value), std::stod(text)) << where;
    } else {
      EXPECT_EQ(got.type, "string") << where;
      EXPECT_EQ(got.value, formula_safe(text)) << where;  // a formula shows as text, behind its '
    }
  }
}

TEST(CalcImport, LibreOfficeCalcReadsEveryCellAsTheTableHoldsIt) {
  if (testing::run_shell("command -v soffice").exit_code != 0)
    GTEST_SKIP() << "soffice is not installed (Debian packages libreoffice-writer and libreoffice-calc; scripts/setup)";
  const ArchiveBuild& a = testing::shared_archive();
  ASSERT_EQ(a.error_count(), 0u);
  const BuildState& s = *a.plans.front();
  const Plan& plan = s.loaded.plan;
  const std::vector<std::string> langs = data_languages(plan);
  // Hostile and awkward cells: formulas, quotes, commas, line breaks, non-Latin text, numbers as text.
  const std::vector<std::string> columns = {"Title (en)", "Note"};
  std::vector<ordered_json> hostile;
  for (const std::string t : {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                              "'quoted", "a, \"b\"\nc", "Pengaduan – “kutipan” — ሰላም 你好", "ID0093"})
    hostile.push_back(ordered_json{{"Title (en)", t}, {"Note", nullptr}});
  struct Table {
    std::string name;
    std::vector<std::string> columns;
    std::vector<ordered_json> rows;
  };
  const std::vector<Table> tables = {{"commitments", commitment_columns(langs), commitment_rows(plan)},
                                     {"milestones", milestone_columns(langs), milestone_rows(plan)},
                                     {"hostile", columns, hostile}};
  testing::TempDir dir("calc-import");
  std::string files;
  for (const auto& t : tables) {
    const fs::path csv = dir.path() / (t.name + ".csv");
    std::ofstream(csv, std::ios::binary) << write_csv(t.columns, t.rows);
    files += " " + testing::shell_quote(csv.string());
  }
  // One Calc run for the three: it takes seconds to start. 44 = comma, 34 = double quote,
  // 76 = UTF-8, 1 = from the first line.
  const std::string profile = "file://" + (dir.path() / "profile").string();
  const auto r = testing::run_shell("soffice --headless --norestore " + testing::shell_quote("-env:UserInstallation=" + profile) +
                                    " --infilter=CSV:44,34,76,1 --convert-to fods --outdir " +
                                    testing::shell_quote((dir.path() / "out").string()) + files);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const auto& t : tables) {
    SCOPED_TRACE(t.name);
    const fs::path fods = dir.path() / "out" / (t.name + ".fods");
    ASSERT_TRUE(fs::exists(fods)) << "Calc wrote nothing (is libreoffice-calc installed?)\n" << r.out << r.err;
    const auto sheet = sheet_of(fods);
    ASSERT_EQ(sheet.size(), t.rows.size() + 1);
    ASSERT_EQ(sheet.front().size(), t.columns.size());
    for (size_t c = 0; c < t.columns.size(); ++c) EXPECT_EQ(sheet.front()[c].value, t.columns[c]);  // the BOM read as such
    for (size_t i = 0; i < t.rows.size(); ++i)
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const Cell got = c < sheet[i + 1].size() ? sheet[i + 1][c] : Cell{};
        expect_cell(got, t.rows[i].value(t.columns[c], ordered_json(nullptr)), "row " + std::to_string(i + 1) + ", " + t.columns[c]);
      }
  }
}

}  // namespace
}  // namespace renaksi::open_data
