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
  }
  return c;
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
