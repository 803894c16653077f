// The real plans built once per test process.
#include "support/shared_archive.h"

#include <fstream>
#include <memory>

#include "support/paths.h"

namespace renaksi::testing {

const std::filesystem::path& shared_archive_cache() {
  static const TempDir dir("shared-archive");
  static const std::filesystem::path cache = dir.path() / "cache";
  return cache;
}

const ArchiveBuild& shared_archive() {
  static const std::unique_ptr<ArchiveBuild> archive = [] {
    Env env = Env::from_environment();
    env.cache_dir = shared_archive_cache();
    env.data_dir = source_dir();
    env.source_date_epoch = 1543536000;
    return std::make_unique<ArchiveBuild>(build_archive(content_dir(), env));
  }();
  return *archive;
}

std::unique_ptr<TempDir> shared_archive_pdfs(const std::string& name) {
  auto dir = std::make_unique<TempDir>(name);
  for (const auto& [path, bytes] : shared_archive().outputs.files())
    if (path.ends_with(".pdf")) {
      std::filesystem::create_directories((dir->path() / path).parent_path());
      std::ofstream(dir->path() / path, std::ios::binary) << bytes;
    }
  return dir;
}

}  // namespace renaksi::testing
