// Shared set-up of the hostile suite.
#include "hostile/hostile.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "publish/output_folder.h"
#include "support/paths.h"

namespace renaksi::testing {

namespace fs = std::filesystem;

std::map<std::string, std::string> tree_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(dir, ec))) return out;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) {
    out["."] = "file:" + read_text(dir);
    return out;
  }
  out["."] = "folder";
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string rel = fs::relative(it->path(), dir).generic_string();
    if (it->is_symlink()) out[rel] = "link:" + fs::read_symlink(it->path()).string();
    else if (it->is_directory()) out[rel] = "folder";
    else out[rel] = "file:" + read_text(it->path());
  }
  return out;
}

fs::path copy_base_plan(const fs::path& dir, const std::string& name) {
  const fs::path plan = dir / name;
  fs::copy(fixtures_dir() / "check" / "base", plan, fs::copy_options::recursive);
  return plan;
}

void make_previous_build(const fs::path& out) {
  write_text(out / kOutputMarker, "written by renaksi\n");
  write_text(out / "plan" / "plan.en.pdf", "%PDF-1.4 an earlier build\n");
  write_text(out / "site" / "index.html", "<p>earlier</p>\n");
}

std::string build_command(const fs::path& plan, const fs::path& out, const fs::path& cache, const std::string& extra) {
  return "SOURCE_DATE_EPOCH=1543536000 timeout 120 " + shell_quote(binary()) + " build " + shell_quote(plan.string()) +
         " --out " + shell_quote(out.string()) + " --cache-dir " + shell_quote(cache.string()) + " " + extra;
}

CommandResult build_into(const fs::path& plan, const fs::path& out, const fs::path& cache, const std::string& extra) {
  return run_shell(build_command(plan, out, cache, extra));
}

std::vector<std::string> work_folder_of(const fs::path& out) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(out.parent_path() / ("." + out.filename().string() + ".renaksi")))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void write_text(const fs::path& path, const std::string& text) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_text(const fs::path& path) {
  std::stringstream ss;
  ss << std::ifstream(path, std::ios::binary).rdbuf();
  return ss.str();
}

}  // namespace renaksi::testing
