// Diagnostics as JSON and back.
#include "diag/diagnostic_json.h"

#include <string>

namespace renaksi {

using nlohmann::json;

namespace {

std::optional<Code> code_named(const std::string& id) {
  for (const auto& c : code_catalogue())
    if (c.id == id) return c.code;
  return std::nullopt;
}

}  // namespace

json source_loc_json(const SourceLoc& l) { return json::array({l.file, l.line, l.col}); }

SourceLoc source_loc_of(const json& j) {
  SourceLoc l;
  if (j.is_array() && j.size() == 3 && j[0].is_string() && j[1].is_number_integer() && j[2].is_number_integer()) {
    l.file = j[0].get<std::string>();
    l.line = j[1].get<int>();
    l.col = j[2].get<int>();
  }
  return l;
}

json diagnostic_json(const Diagnostic& d) {
  return {{"error", d.severity == Severity::Error},
          {"code", std::string(code_id(d.code))},
          {"loc", source_loc_json(d.loc)},
          {"message", d.message}};
}

std::optional<Diagnostic> diagnostic_of(const json& j) {
  if (!j.is_object()) return std::nullopt;
  const json code = j.value("code", json());
  if (!code.is_string()) return std::nullopt;
  const std::optional<Code> known = code_named(code.get<std::string>());
  if (!known) return std::nullopt;
  const json error = j.value("error", json(false)), message = j.value("message", json(""));
  if (!error.is_boolean() || !message.is_string()) return std::nullopt;
  return Diagnostic{error.get<bool>() ? Severity::Error : Severity::Warning, *known, source_loc_of(j.value("loc", json())),
                    message.get<std::string>()};
}

json diagnostics_json(const std::vector<Diagnostic>& all) {
  json out = json::array();
  for (const auto& d : all) out.push_back(diagnostic_json(d));
  return out;
}

std::optional<std::vector<Diagnostic>> diagnostics_of(const json& j) {
  if (!j.is_array()) return std::nullopt;
  std::vector<Diagnostic> out;
  out.reserve(j.size());
  for (const auto& item : j) {
    std::optional<Diagnostic> d = diagnostic_of(item);
    if (!d) return std::nullopt;
    out.push_back(std::move(*d));
  }
  return out;
}

}  // namespace renaksi
