// Helpers of the Word import tests: the template written, read back to Pandoc's JSON, filled,
// and written again as a Word file by Pandoc; ZIP archives made with libzip.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "env/env.h"

namespace renaksi::testing {

// An Env reading the source tree's templates/, locales/ and layouts/.
Env import_env();

// Pandoc: a Word file to its JSON AST, and a JSON AST to a Word file (with the reference doc).
nlohmann::json docx_to_json(const std::string& docx);
std::string json_to_docx(const nlohmann::json& ast);

// Fills, in a Pandoc AST of the template, the value cell of each row whose label is a key of
// `rows` (the label's text as the template prints it), and the empty rows of the grid whose
// first column label is `grid_label` with `grid_rows` (one text per column).
void fill_rows(nlohmann::json& ast, const std::map<std::string, std::string>& rows);
void fill_grid(nlohmann::json& ast, const std::string& grid_label, const std::vector<std::vector<std::string>>& grid_rows);

// A ZIP archive of (name, content) parts, deflated (libzip).
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts);

}  // namespace renaksi::testing
