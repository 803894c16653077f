// The per-plan cache: a manifest and hard links to the plan's published files.
#include "output/plan_cache.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag/diagnostic_json.h"
#include "env/content_hash.h"
#include "env/limits.h"
#include "env/read_file.h"

namespace renaksi {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr size_t kMaxManifestBytes = 64u << 20;

bool is_key(const std::string& name) {
  return name.size() == 32 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

long long mtime_ns(const struct stat& st) {
  return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

// An artifact kind by the extension artifact_type() gives it ("pdf", "docx", "ogp.xml").
std::optional<ArtifactKind> kind_named(const std::string& extension) {
  for (ArtifactKind k : {ArtifactKind::Pdf, ArtifactKind::Docx, ArtifactKind::OgpSubmission})
    if (artifact_type(k).extension == extension) return k;
  return std::nullopt;
}

// Every regular file under `folder` (recursively, bounded), sorted; nullopt when the folder
// cannot be walked or holds a link or a FIFO (the loader says what it is).
std::optional<std::vector<fs::path>> plan_files(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec);
  if (ec) return std::nullopt;
  for (size_t n = 0; it != fs::recursive_directory_iterator(); it.increment(ec), ++n) {
    if (ec || n >= limits::kMaxFilesPerFolder) return std::nullopt;
    const fs::file_status st = it->symlink_status(ec);
    if (ec) return std::nullopt;
    if (fs::is_regular_file(st)) files.push_back(it->path());
    else if (!fs::is_directory(st)) return std::nullopt;
  }
  std::sort(files.begin(), files.end());
  return files;
}

long long ns_of(const struct timespec& t) { return static_cast<long long>(t.tv_sec) * 1000000000LL + t.tv_nsec; }

// One file's line of a stamp; false when its status cannot be read.
bool stamp_file(const fs::path& file, const std::string& relative, std::string& stamp, long long* changed_ns = nullptr) {
  struct stat st {};
  if (::lstat(file.c_str(), &st) != 0) return false;
  stamp += relative;
  stamp += '\0';
  stamp += std::to_string(st.st_dev) + ' ' + std::to_string(st.st_ino) + ' ' + std::to_string(st.st_size) + ' ' +
           std::to_string(ns_of(st.st_mtim)) + ' ' + std::to_string(ns_of(st.st_ctim)) + '\n';
  if (changed_ns) *changed_ns = std::max(ns_of(st.st_mtim), ns_of(st.st_ctim));
  return true;
}

std::optional<std::string> key_of(const std::string& build_identity, const fs::path& folder, PlanInputs* inputs,
                                  std::chrono::nanoseconds racy_within) {
  const std::optional<std::vector<fs::path>> files = plan_files(folder);
  if (!files) return std::nullopt;
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  const long long racy_from = ns_of(now) - static_cast<long long>(racy_within.count());
  std::string key = content_hash({"renaksi plan 1", build_identity});
  std::string bytes, stamp;
  bool racy = false;
  for (const auto& f : *files) {
    // Lexically: `f` was found under `folder`, and fs::relative would resolve both on disk
    // (a stat of every part of every path: 2 % of a one-change build of 100 plans).
    const std::string relative = f.lexically_relative(folder).generic_string();
    long long changed = 0;
    if (inputs && !stamp_file(f, relative, stamp, &changed)) return std::nullopt;
    racy = racy || changed >= racy_from;
    if (!read_file(f, bytes, limits::kMaxInputFileBytes, Links::Refuse)) return std::nullopt;
    key = content_hash({key, relative, bytes});
  }
  if (inputs) *inputs = {std::move(stamp), racy};
  return key;
}

}  // namespace

std::optional<std::string> plan_cache_key(const std::string& build_identity, const fs::path& folder) {
  return key_of(build_identity, folder, nullptr, {});
}

std::optional<std::string> plan_cache_key(const std::string& build_identity, const fs::path& folder, PlanInputs& inputs,
                                          std::chrono::nanoseconds racy_within) {
  inputs = PlanInputs{};
  return key_of(build_identity, folder, &inputs, racy_within);
}

std::optional<std::string> plan_inputs_stamp(const fs::path& folder) {
  const std::optional<std::vector<fs::path>> files = plan_files(folder);
  if (!files) return std::nullopt;
  std::string stamp;
  for (const auto& f : *files)
    if (!stamp_file(f, f.lexically_relative(folder).generic_string(), stamp)) return std::nullopt;
  return stamp;
}

fs::path plan_cache_folder(const fs::path& cache_dir, const std::string& key) { return cache_dir / "plan" / key; }

std::optional<CachedPlan> restore_plan(const fs::path& cache_dir, const std::string& key, Outputs& out) {
  const fs::path dir = plan_cache_folder(cache_dir, key);
  const std::optional<std::string> bytes = read_cache_entry(dir / "manifest", kMaxManifestBytes);
  if (!bytes) return std::nullopt;
  json m = json::from_cbor(*bytes, true, false);
  if (m.is_discarded() || !m.is_object() || !m.contains("files") || !m["files"].is_array()) return std::nullopt;
  CachedPlan plan;
  plan.plan_id = m.value("plan_id", "");
  plan.plan_id_loc = source_loc_of(m.value("plan_id_loc", json()));
  // Moved out, not copied (value() copies): the site summary is most of the manifest, and its
  // copy was a third of restoring an unchanged plan.
  if (const auto site = m.find("site"); site != m.end()) plan.site = std::move(*site);
  std::optional<std::vector<Diagnostic>> diags = diagnostics_of(m.value("diags", json::array()));
  if (!diags) return std::nullopt;
  plan.diags = std::move(*diags);
  // Every file as it was stored, before any is added.
  struct File {
    std::string path;
    fs::path source;
    size_t size;
  };
  std::vector<File> files;
  for (size_t i = 0; i < m["files"].size(); ++i) {
    const json& f = m["files"][i];
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string()) return std::nullopt;
    const fs::path source = dir / ("f" + std::to_string(i));
    struct stat st {};
    if (::lstat(source.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    if (static_cast<long long>(st.st_size) != f.value("size", -1LL) || mtime_ns(st) != f.value("mtime_ns", -1LL))
      return std::nullopt;
    files.push_back({f["path"].get<std::string>(), source, static_cast<size_t>(st.st_size)});
  }
  std::vector<Artifact> artifacts;
  for (const auto& a : m.value("artifacts", json::array())) {
    auto kind = kind_named(a.value("kind", ""));
    if (!kind) return std::nullopt;
    artifacts.push_back({*kind, plan.plan_id, a.value("edition", ""), a.value("period", "")});
  }
  for (const auto& f : files) {
    std::string why;
    if (!out.add_file(f.path, f.source, why, f.size)) return std::nullopt;  // the build then makes the plan again
  }
  for (const auto& a : artifacts) out.note_artifact(a);
  (void)mark_plan_used(cache_dir, key);
  return plan;
}

bool mark_plan_used(const fs::path& cache_dir, const std::string& key) {
  if (!is_key(key)) return false;
  const fs::path manifest = plan_cache_folder(cache_dir, key) / "manifest";
  return ::utimensat(AT_FDCWD, manifest.c_str(), nullptr, AT_SYMLINK_NOFOLLOW) == 0;
}

std::string store_plan(const fs::path& cache_dir, const std::string& key, const CachedPlan& plan, const Outputs& out,
                       const std::vector<std::string>& paths) {
  if (out.folder().empty()) return "the outputs are not in a folder";
  const fs::path dir = plan_cache_folder(cache_dir, key);
  const fs::path tmp = cache_dir / "plan" / (key + ".tmp-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) return "cannot create " + tmp.generic_string() + ": " + ec.message();
  auto fail = [&](std::string why) {
    std::error_code ignored;
    fs::remove_all(tmp, ignored);
    return why;
  };
  json files = json::array();
  for (size_t i = 0; i < paths.size(); ++i) {
    const fs::path source = out.folder() / paths[i];
    const fs::path target = tmp / ("f" + std::to_string(i));
    if (::link(source.c_str(), target.c_str()) != 0) {
      fs::copy_file(source, target, fs::copy_options::none, ec);
      if (ec) return fail("cannot copy " + source.generic_string() + ": " + ec.message());
    }
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0) return fail("cannot stat " + target.generic_string());
    files.push_back({{"path", paths[i]}, {"size", static_cast<long long>(st.st_size)}, {"mtime_ns", mtime_ns(st)}});
  }
  json artifacts = json::array();
  for (const auto& a : out.artifacts())
    artifacts.push_back({{"kind", std::string(a.type().extension)}, {"edition", a.edition}, {"period", a.period}});
  const json manifest{{"plan_id", plan.plan_id}, {"plan_id_loc", source_loc_json(plan.plan_id_loc)}, {"diags", diagnostics_json(plan.diags)},
                      {"artifacts", artifacts},  {"files", files},                            {"site", plan.site}};
  const std::vector<std::uint8_t> cbor = json::to_cbor(manifest);
  const std::string_view payload(reinterpret_cast<const char*>(cbor.data()), cbor.size());
  if (std::string why = write_cache_entry(tmp / "manifest", payload); !why.empty()) return fail(why);
  // Into place whole: an entry is there complete or not at all. One already there (the same
  // key, from another build) is replaced.
  fs::remove_all(dir, ec);
  if (::rename(tmp.c_str(), dir.c_str()) != 0) return fail("cannot move the entry into place: " + std::string(std::strerror(errno)));
  return {};
}

PlanCachePrune prune_plan_cache(const fs::path& cache_dir, fs::file_time_type used_since, std::chrono::seconds max_age,
                                std::uintmax_t max_bytes) {
  struct Entry {
    fs::path dir;
    fs::file_time_type used;
    std::uintmax_t bytes = 0;
  };
  PlanCachePrune result;
  std::vector<Entry> entries;
  std::error_code ec;
  const fs::path root = cache_dir / "plan";
  fs::directory_iterator it(root, ec);
  for (size_t n = 0; !ec && it != fs::directory_iterator() && n < limits::kMaxFilesPerFolder; it.increment(ec), ++n) {
    const std::string name = it->path().filename().string();
    std::error_code e;
    if (!is_key(name) || !it->is_directory(e) || it->is_symlink(e)) continue;
    const fs::path manifest = it->path() / "manifest";
    // renaksi's own: its manifest starts as a cache entry does (read_cache_entry would mark
    // it used, and verify more than pruning needs).
    std::string head;
    if (!fs::is_regular_file(fs::symlink_status(manifest, e)) || !read_file_head(manifest, head, 14, Links::Refuse) ||
        head != "renaksi-cache ")
      continue;
    Entry entry{it->path(), fs::last_write_time(manifest, e), 0};
    fs::directory_iterator files(it->path(), e);
    for (size_t k = 0; !e && files != fs::directory_iterator() && k < limits::kMaxFilesPerFolder; files.increment(e), ++k) {
      std::error_code s;
      if (files->is_regular_file(s)) entry.bytes += files->file_size(s);
    }
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used > b.used; });
  const auto too_old = fs::file_time_type::clock::now() - max_age;
  std::uintmax_t kept = 0;
  for (const auto& e : entries) {
    const bool in_use = e.used >= used_since;
    if (in_use || (e.used >= too_old && kept + e.bytes <= max_bytes)) {
      kept += e.bytes;
      ++result.kept;
      result.kept_bytes += e.bytes;
      continue;
    }
    std::error_code r;
    fs::remove_all(e.dir, r);
    if (r) {
      ++result.kept;
      result.kept_bytes += e.bytes;
      continue;
    }
    ++result.removed;
    result.removed_bytes += e.bytes;
  }
  return result;
}

}  // namespace renaksi
