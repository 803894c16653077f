// The published output's record: read, written, and the digest of the folder it describes.
#include "publish/published_record.h"

#include <sys/stat.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "diag/diagnostic_json.h"
#include "env/content_hash.h"
#include "env/folder_tree.h"
#include "env/limits.h"
#include "env/parallel.h"

namespace renaksi {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxRecordBytes = 256u << 20;
constexpr int kRecordVersion = 1;

}  // namespace

std::optional<std::string> output_tree_digest(const fs::path& dir) {
  std::vector<std::string> entries;
  const bool walked = walk_folder_tree(dir, limits::kMaxPublishedEntries, [&](const std::string& path, const struct stat& st) {
    std::string entry = path;
    entry += '\0';
    if (S_ISDIR(st.st_mode)) {
      entry += 'd';
    } else {
      entry += S_ISREG(st.st_mode) ? 'f' : 'o';
      entry += ' ' + std::to_string(st.st_size) + ' ' + std::to_string(st.st_mtim.tv_sec) + '.' +
               std::to_string(st.st_mtim.tv_nsec);
    }
    entries.push_back(std::move(entry));
  }, core_count());  // sorted below
  if (!walked) return std::nullopt;
  std::sort(entries.begin(), entries.end());
  std::string all;
  for (const auto& e : entries) {
    all += e;
    all += '\n';
  }
  return content_hash({"renaksi output tree 1", all});
}

std::string write_published_record(const fs::path& file, const PublishedRecord& record) {
  json plans = json::array();
  for (const auto& diags : record.plan_diags) plans.push_back(diagnostics_json(diags));
  const json j{{"version", kRecordVersion},
               {"archive_key", record.archive_key},
               {"tree", record.tree},
               {"files", record.files},
               {"bytes", record.bytes},
               {"archive_diags", diagnostics_json(record.archive_diags)},
               {"plan_diags", plans}};
  return write_cache_entry(file, j.dump());
}

std::optional<PublishedRecord> read_published_record(const fs::path& file) {
  const std::optional<std::string> bytes = read_cache_entry(file, kMaxRecordBytes);
  if (!bytes) return std::nullopt;
  const json j = json::parse(*bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  const json version = j.value("version", json()), key = j.value("archive_key", json()), tree = j.value("tree", json()),
             files = j.value("files", json()), size = j.value("bytes", json()), plans = j.value("plan_diags", json());
  if (version != kRecordVersion || !key.is_string() || !tree.is_string() || !files.is_number_unsigned() ||
      !size.is_number_unsigned() || !plans.is_array())
    return std::nullopt;
  PublishedRecord r;
  r.archive_key = key.get<std::string>();
  r.tree = tree.get<std::string>();
  r.files = files.get<std::size_t>();
  r.bytes = size.get<std::uintmax_t>();
  std::optional<std::vector<Diagnostic>> archive = diagnostics_of(j.value("archive_diags", json()));
  if (!archive) return std::nullopt;
  r.archive_diags = std::move(*archive);
  for (const auto& p : plans) {
    std::optional<std::vector<Diagnostic>> diags = diagnostics_of(p);
    if (!diags) return std::nullopt;
    r.plan_diags.push_back(std::move(*diags));
  }
  return r;
}

}  // namespace renaksi
