// The tables of a Word file, read through Pandoc's DOCX reader (`pandoc --sandbox -f docx -t
// json`, with the time limit of every Pandoc run) and its JSON AST: each cell as Markdown
// (paragraphs, bullet and numbered lists, emphasis, links kept as Markdown links) and as plain
// text, with its row and column spans. Bounded: tables, rows, cells and cell text
// (import_limits.h); the JSON's depth by the prose reader's parser.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "env/env.h"

namespace renaksi::docx_import {

struct WordCell {
  std::string markdown;  // the cell as Markdown (prose fields)
  std::string plain;     // the cell's text, whitespace collapsed, links as "text (url)" (short fields)
  int rowspan = 1;
  int colspan = 1;
};

struct WordRow {
  std::vector<WordCell> cells;
};

struct WordTable {
  int number = 0;               // 1-based, in the document's order
  std::vector<WordRow> rows;    // header rows, then body rows, as Word shows them (1-based in messages)
};

// Runs Pandoc on the Word file's bytes and reads its tables into `out`. False after an error at
// `file`: I003 (Pandoc missing, failing, too slow, or an answer that is not its JSON), I004 (a
// table beyond the bounds). Links that are not http, https or mailto stay as their text (I008
// warning).
bool read_word_tables(std::string_view docx, const Env& env, const std::string& file, Diagnostics& diags,
                      std::vector<WordTable>& out);

// The tables of a Pandoc JSON document (the part of read_word_tables after Pandoc; for tests).
bool tables_of_pandoc(const nlohmann::json& document, const std::string& file, Diagnostics& diags,
                      std::vector<WordTable>& out);

}  // namespace renaksi::docx_import
