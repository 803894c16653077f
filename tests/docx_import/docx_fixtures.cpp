// Helpers of the Word import tests.
#include "docx_import/docx_fixtures.h"

#include <gtest/gtest.h>
#include <zip.h>

#include "emit/docx/pandoc_nodes.h"
#include "env/process.h"
#include "support/paths.h"

namespace renaksi::testing {

using nlohmann::json;

Env import_env() {
  Env env;
  env.data_dir = source_dir();
  env.source_date_epoch = 1700000000;
  return env;
}

json docx_to_json(const std::string& docx) {
  ProcessResult r = run_process({"pandoc", "-f", "docx", "-t", "json"}, docx, std::chrono::seconds(60));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

std::string json_to_docx(const json& ast) {
  ProcessResult r = run_process({"pandoc", "-f", "json", "-t", "docx", "-o", "-"}, ast.dump(), std::chrono::seconds(60));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

namespace {

std::string plain_of(const json& blocks) {
  std::string out;
  for (const json& b : blocks)
    if (b["t"] == "Plain" || b["t"] == "Para")
      for (const json& i : b["c"]) {
        if (i["t"] == "Str") out += i["c"].get<std::string>();
        else if (i["t"] == "Space") out += ' ';
      }
  return out;
}

template <typename F>
void each_table(json& blocks, F f) {
  for (json& b : blocks) {
    if (b["t"] == "Table") f(b["c"]);
    else if (b["t"] == "Div") each_table(b["c"][1], f);
  }
}

json cell_blocks(const std::string& text) {
  // A text of several lines becomes one paragraph per line, "- " lines a bullet list.
  json blocks = json::array();
  json items = json::array();
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (line.rfind("- ", 0) == 0) {
      items.push_back(json::array({pandoc::plain(pandoc::text(line.substr(2)))}));
    } else if (!line.empty()) {
      if (!items.empty()) blocks.push_back(pandoc::node("BulletList", std::exchange(items, json::array())));
      blocks.push_back(pandoc::para(pandoc::text(line)));
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  if (!items.empty()) blocks.push_back(pandoc::node("BulletList", items));
  return blocks;
}

}  // namespace

void fill_rows(json& ast, const std::map<std::string, std::string>& rows) {
  auto fill = [&](json& row) {
    json& cells = row[1];
    if (cells.size() != 2) return;
    auto it = rows.find(plain_of(cells[0][4]));
    if (it != rows.end()) cells[1][4] = cell_blocks(it->second);
  };
  each_table(ast["blocks"], [&](json& t) {
    for (json& row : t[3][1]) fill(row);  // Pandoc may read a first row as the header
    for (json& body : t[4])
      for (json& row : body[3]) fill(row);
  });
}

void fill_grid(json& ast, const std::string& grid_label, const std::vector<std::vector<std::string>>& grid_rows) {
  each_table(ast["blocks"], [&](json& t) {
    const json& head = t[3][1];
    if (head.empty() || plain_of(head[0][1][0][4]) != grid_label) return;
    std::size_t r = 0;
    for (json& body : t[4])
      for (json& row : body[3]) {
        if (r >= grid_rows.size()) return;
        for (std::size_t c = 0; c < row[1].size() && c < grid_rows[r].size(); ++c) row[1][c][4] = cell_blocks(grid_rows[r][c]);
        ++r;
      }
  });
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  // Written to a memory source and read back whole.
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::string bytes;
  zip_stat_t st;
  zip_source_stat(out, &st);
  bytes.resize(st.size);
  zip_source_open(out);
  zip_source_read(out, bytes.data(), bytes.size());
  zip_source_close(out);
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace renaksi::testing
