// The real plans composed once per test process, for the DOCX tests.
#include "emit/docx/editions.h"

#include <fstream>
#include <memory>
#include <stdexcept>

#include "emit/docx/docx_pass.h"
#include "support/paths.h"

namespace renaksi::testing {

Env docx_env() {
  // A cache of this test process's own: a DOCX cached by another test would hide what a test
  // sets up (a failing Pandoc, say).
  static const TempDir cache("docx-cache");
  Env env = Env::from_environment();
  env.data_dir = source_dir();
  env.cache_dir = cache.path();
  env.source_date_epoch = kEpoch;
  return env;
}

const docx::Options& docx_build_options() {
  static const docx::Options options = [] {
    Diagnostics diags;
    auto style = layout::Style::load(docx_env().layout_file(), diags);
    if (!style) throw std::runtime_error("the default layout does not load");
    return docx_options(*style);
  }();
  return options;
}

const ArchiveBuild& composed_archive() {
  static const TempDir cache("docx-prose-cache");
  static const std::unique_ptr<ArchiveBuild> archive = [] {
    Env env = docx_env();
    env.cache_dir = cache.path();
    return std::make_unique<ArchiveBuild>(build_archive(content_dir(), env, {.stop_after = "compose"}));
  }();
  return *archive;
}

const doc::Document& small_edition() {
  static const TempDir cache("docx-small-cache");
  static const std::unique_ptr<ArchiveBuild> archive = [] {
    Env env = docx_env();
    env.cache_dir = cache.path();
    return std::make_unique<ArchiveBuild>(build_archive(fixtures_dir() / "check" / "base", env, {.stop_after = "compose"}));
  }();
  if (archive->plans.size() != 1) throw std::runtime_error("the check base plan does not build");
  for (const auto& d : archive->plans.front()->documents)
    if (d.edition == "en") return d;
  throw std::runtime_error("the check base plan has no English edition");
}

const BuildState& composed_plan(const std::string& id) {
  for (const auto& p : composed_archive().plans)
    if (p->loaded.plan.id == id) return *p;
  throw std::runtime_error("no plan " + id);
}

const doc::Document& edition(const std::string& plan_id, const std::string& name) {
  for (const auto& d : composed_plan(plan_id).documents)
    if (d.edition == name) return d;
  throw std::runtime_error("no edition " + name + " of " + plan_id);
}

void write_output(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace renaksi::testing
