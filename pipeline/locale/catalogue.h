// A language's message catalogue: every label the outputs print, as ICU MessageFormat strings,
// read from locales/<lang>.json.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace renaksi {

class Catalogue {
 public:
  // Reads a flat JSON object of key → MessageFormat pattern. Problems are F001/F002 errors.
  static std::optional<Catalogue> load(const std::filesystem::path& file, const std::string& lang, Diagnostics& diags);

  const std::string& lang() const { return lang_; }
  const std::string* find(const std::string& key) const;
  std::vector<std::string> keys() const;
  const std::filesystem::path& file() const { return file_; }

 private:
  std::string lang_;
  std::filesystem::path file_;
  std::map<std::string, std::string> messages_;
};

// What is wrong with a date pattern of the catalogue ("date.interval.<skeleton>.<y|M|d>": an ICU
// interval pattern that repeats its field, as "d–d MMMM y" repeats d; "date.interval.fallback":
// a pattern with {0} and {1}), or "" when nothing is, or when `key` is no date pattern or
// `pattern` is empty (ICU's own is kept).
std::string date_pattern_problem(const std::string& key, const std::string& pattern);

// locales/<lang>.json under the data folder.
std::filesystem::path catalogue_path(const std::filesystem::path& data_dir, const std::string& lang);

}  // namespace renaksi
