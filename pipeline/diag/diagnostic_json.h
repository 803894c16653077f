// Diagnostics as JSON, for what a build keeps of them between runs (the plan cache, the
// published output's record) and reads back exactly.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostic.h"

namespace renaksi {

// [file, line, col]
nlohmann::json source_loc_json(const SourceLoc& loc);
// The place `source_loc_json` wrote; an unknown place (file "", line 0) for anything else.
SourceLoc source_loc_of(const nlohmann::json& j);

// {"error": bool, "code": "C003", "loc": [...], "message": "..."}
nlohmann::json diagnostic_json(const Diagnostic& d);
// The diagnostic `diagnostic_json` wrote, or nullopt when it does not read (not an object, or a
// code this program does not know).
std::optional<Diagnostic> diagnostic_of(const nlohmann::json& j);

nlohmann::json diagnostics_json(const std::vector<Diagnostic>& all);
// Every diagnostic of the array, or nullopt when it is not an array or one does not read.
std::optional<std::vector<Diagnostic>> diagnostics_of(const nlohmann::json& j);

}  // namespace renaksi
