// The program's and the data's identity, for the per-plan cache key.
#include "env/build_identity.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <elf.h>
#include <link.h>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "env/content_hash.h"
#include "env/limits.h"
#include "env/read_file.h"

namespace renaksi {

namespace fs = std::filesystem;

namespace {

// The NT_GNU_BUILD_ID note of the main program, read from its loaded program headers (no file
// is opened). Hand-written because no library the project uses reads it; the format is the ELF
// note layout (namesz, descsz, type, name padded to 4, desc padded to 4).
int find_build_id(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  if (info->dlpi_name && info->dlpi_name[0] != '\0') return 0;  // a shared library: not the program
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const auto* p = reinterpret_cast<const unsigned char*>(info->dlpi_addr + ph.p_vaddr);
    size_t left = ph.p_memsz;
    for (int notes = 0; notes < 64 && left >= sizeof(ElfW(Nhdr)); ++notes) {
      ElfW(Nhdr) n;
      std::memcpy(&n, p, sizeof n);
      const size_t name = (n.n_namesz + 3u) & ~3u, desc = (n.n_descsz + 3u) & ~3u;
      const size_t size = sizeof n + name + desc;
      if (size > left) break;
      if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 && std::memcmp(p + sizeof n, "GNU", 4) == 0) {
        static const char* hex = "0123456789abcdef";
        for (size_t k = 0; k < n.n_descsz; ++k) {
          const unsigned char b = p[sizeof n + name + k];
          out->push_back(hex[b >> 4]);
          out->push_back(hex[b & 15]);
        }
        return 1;
      }
      p += size;
      left -= size;
    }
  }
  return 0;
}

// Every regular file under `dir` (recursively, bounded), sorted, as "relative path" + bytes.
void add_folder(const fs::path& dir, std::vector<std::string>& parts) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (size_t n = 0; !ec && it != fs::recursive_directory_iterator() && n < limits::kMaxFilesPerFolder; it.increment(ec), ++n)
    if (it->is_regular_file(ec)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    parts.push_back(fs::relative(f, dir, ec).generic_string());
    std::string bytes;
    if (read_file(f, bytes)) parts.push_back(std::move(bytes));
  }
}

// The files a layout JSON names in folders it names ("dirs" of fonts and hyphenation patterns):
// every string value that is an absolute folder, crossed with every string value that is a
// file name there.
void add_named_files(const fs::path& json_file, std::vector<std::string>& parts) {
  std::string text;
  if (!read_file(json_file, text)) return;
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return;
  std::set<std::string> strings;
  std::vector<const nlohmann::json*> stack{&j};
  for (size_t n = 0; !stack.empty() && n < 100000; ++n) {
    const nlohmann::json* v = stack.back();
    stack.pop_back();
    if (v->is_string()) strings.insert(v->get<std::string>());
    else if (v->is_structured())
      for (const auto& c : *v) stack.push_back(&c);
  }
  std::error_code ec;
  for (const auto& dir : strings) {
    if (dir.empty() || dir.front() != '/' || !fs::is_directory(dir, ec)) continue;
    for (const auto& name : strings) {
      if (name.empty() || name.find('/') != std::string::npos) continue;
      const fs::path f = fs::path(dir) / name;
      if (!fs::is_regular_file(f, ec)) continue;
      std::string bytes;
      parts.push_back(f.generic_string());
      if (read_file(f, bytes, limits::kMaxPandocOutputBytes)) parts.push_back(std::move(bytes));
    }
  }
}

}  // namespace

std::string program_identity() {
  std::string id;
  dl_iterate_phdr(&find_build_id, &id);
  if (!id.empty()) return "build-id " + id;
  std::string bytes;
  if (read_file("/proc/self/exe", bytes, limits::kMaxPandocOutputBytes)) return "exe " + content_hash({bytes});
  return "unknown";
}

std::string program_file_identity(const std::string& program) {
  std::error_code ec;
  fs::path found;
  if (program.find('/') != std::string::npos) {
    found = program;
  } else if (const char* path = std::getenv("PATH")) {
    const std::string_view dirs(path);
    size_t start = 0;
    for (int n = 0; n < 256 && start <= dirs.size(); ++n) {
      const size_t end = std::min(dirs.find(':', start), dirs.size());
      const fs::path candidate = fs::path(std::string(dirs.substr(start, end - start))) / program;
      if (end > start && fs::is_regular_file(candidate, ec)) {
        found = candidate;
        break;
      }
      start = end + 1;
    }
  }
  const fs::path real = found.empty() ? fs::path() : fs::canonical(found, ec);
  if (real.empty() || ec) return "missing " + program;
  const auto size = fs::file_size(real, ec);
  if (ec) return "unreadable " + real.string();
  const auto time = fs::last_write_time(real, ec);
  if (ec) return "unreadable " + real.string();
  return real.string() + " " + std::to_string(size) + " " + std::to_string(time.time_since_epoch().count());
}

std::string build_identity(const Env& env) {
  std::vector<std::string> parts{"renaksi build identity 2", program_identity(), env.layout, env.site_url, env.pandoc,
                                 program_file_identity(env.pandoc),
                                 env.source_date_epoch ? std::to_string(*env.source_date_epoch) : std::string("-")};
  for (const char* sub : {"layouts", "locales", "templates"}) add_folder(env.data_dir / sub, parts);
  add_named_files(env.layout_file(), parts);
  add_named_files(env.data_dir / "layouts" / "hyphenation.json", parts);
  // content_hash takes a list of views: hash the parts in a fold, two at a time.
  std::string key = content_hash({parts.front()});
  for (size_t i = 1; i < parts.size(); ++i) key = content_hash({key, parts[i]});
  return key;
}

}  // namespace renaksi
