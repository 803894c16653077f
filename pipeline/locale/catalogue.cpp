// A language's message catalogue.
#include "locale/catalogue.h"
#include "text/line_col.h"

#include <nlohmann/json.hpp>

#include "env/read_file.h"

namespace renaksi {

std::filesystem::path catalogue_path(const std::filesystem::path& data_dir, const std::string& lang) {
  return data_dir / "locales" / (lang + ".json");
}

std::optional<Catalogue> Catalogue::load(const std::filesystem::path& file, const std::string& lang,
                                         Diagnostics& diags) {
  const std::string name = file.generic_string();
  std::string text;
  const ReadResult read = read_file(file, text);
  if (read.failure == ReadFailure::Missing) {
    diags.error(Code::F001, {name, 0, 0},
                "no message catalogue for the language '" + lang + "': add locales/" + lang +
                    ".json with every key that locales/en.json has");
    return std::nullopt;
  }
  if (!read) {
    diags.error(Code::F002, {name, 0, 0}, "the catalogue cannot be read: it " + read.reason);
    return std::nullopt;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const auto [line, col] = line_col_at(text, e.byte > 0 ? e.byte - 1 : 0);
    diags.error(Code::F002, {name, line, col}, std::string("the catalogue is not valid JSON: ") + e.what());
    return std::nullopt;
  }
  if (!j.is_object()) {
    diags.error(Code::F002, {name, 1, 1}, "the catalogue must be one JSON object of key to message");
    return std::nullopt;
  }
  Catalogue c;
  c.lang_ = lang;
  c.file_ = file;
  for (const auto& [key, value] : j.items()) {
    if (!value.is_string()) {
      diags.error(Code::F002, {name, 0, 0}, "the message '" + key + "' must be a string");
      continue;
    }
    c.messages_[key] = value.get<std::string>();
    if (const std::string problem = date_pattern_problem(key, c.messages_[key]); !problem.empty()) {
      const std::size_t at = text.find("\"" + key + "\"");
      const auto [line, col] = line_col_at(text, at == std::string::npos ? 0 : at);
      diags.error(Code::F004, {name, line, col}, "the date pattern '" + key + "' " + problem);
    }
  }
  return c;
}

std::string date_pattern_problem(const std::string& key, const std::string& pattern) {
  static const std::string kPrefix = "date.interval.";
  if (pattern.empty() || !key.starts_with(kPrefix)) return {};
  if (key == kPrefix + "fallback")
    return pattern.find("{0}") != std::string::npos && pattern.find("{1}") != std::string::npos
               ? std::string()
               : "must place both dates, as {0} and {1}";
  const std::size_t dot = key.rfind('.');
  const std::string field = key.substr(dot + 1);
  if (dot <= kPrefix.size() || (field != "y" && field != "M" && field != "d"))
    return "is not one ICU knows: name it date.interval.<skeleton>.<y, M or d>";
  // ICU splits an interval pattern where its first field repeats; one that repeats nothing is
  // printed as a single date, wrongly, without an error. Letters in quotes are literal text.
  int runs = 0;
  bool quoted = false;
  char previous = 0;
  for (char ch : pattern) {
    if (ch == '\'') quoted = !quoted;
    if (!quoted && ch == field[0] && previous != ch) ++runs;
    previous = quoted ? 0 : ch;
  }
  return runs >= 2 ? std::string()
                   : "must give both ends, so its field '" + field + "' appears twice (as in \"d\u2013d MMMM y\")";
}

const std::string* Catalogue::find(const std::string& key) const {
  auto it = messages_.find(key);
  return it == messages_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalogue::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : messages_) out.push_back(k);
  return out;
}

}  // namespace renaksi
