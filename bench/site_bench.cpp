// How long writing the archive site takes: for the default plan, and for a synthetic archive
// of 1,000 commitments (ten plans made from the default plan, each with its 14 commitments
// cycled to 100 under new numbers and ids, their texts varied: bench/synthetic.h), generated
// in a temporary folder and built
// through the real passes. Prints the time of the site step (best and median of several
// runs), the pages and bytes it writes, and the time to publish them to disk.
//
//   site_bench [--content DIR] [--plan NAME] [--cache-dir DIR] [--plans N] [--per-plan N] [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include "driver/pipeline.h"
#include "emit/html/site.h"
#include "publish/publish.h"
#include "search_sizes.h"
#include "synthetic.h"

namespace fs = std::filesystem;
using namespace renaksi;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct SiteRun {
  double ms = 0;
  size_t pages = 0, files = 0, bytes = 0;
  Outputs outputs;
};

// The site step as the archive build runs it: catalogues, then emit_site.
SiteRun emit(const ArchiveBuild& a, const Env& env) {
  std::vector<html::SitePlanSource> sources;
  for (const auto& p : a.plans) sources.push_back({&p->documents, &p->outputs});
  SiteRun r;
  Diagnostics diags;
  auto start = Clock::now();
  Locales locales;
  for (const auto& lang : html::site_languages(sources))
    if (auto c = Catalogue::load(catalogue_path(env.data_dir, lang), lang, diags))
      locales[lang] = std::make_unique<Locale>(lang, std::move(*c));
  bool ok = html::emit_site(sources, locales, {env.data_dir / "layouts" / "html", env.site_url, {}}, r.outputs, diags);
  r.ms = ms(Clock::now() - start);
  if (!ok || diags.has_errors()) {
    for (const auto& d : diags.all()) std::cerr << d.str() << '\n';
    std::exit(1);
  }
  for (const auto& p : r.outputs.paths("site/")) {
    ++r.files;
    if (p.ends_with(".html")) ++r.pages;
  }
  r.bytes = r.outputs.total_bytes();
  return r;
}

void report(const std::string& what, const fs::path& content, const Env& env, int runs, const fs::path& scratch) {
  auto start = Clock::now();
  ArchiveBuild a = build_archive(content, env, {.stop_after = "compose"});
  const double passes = ms(Clock::now() - start);
  if (a.error_count() > 0) {
    for (const auto& p : a.plans)
      for (const auto& d : p->diags.all())
        if (d.severity == Severity::Error) std::cerr << d.str() << '\n';
    std::exit(1);
  }
  size_t commitments = 0;
  for (const auto& p : a.plans) commitments += p->loaded.plan.commitments.size();
  std::vector<double> times;
  SiteRun last;
  for (int i = 0; i < runs; ++i) {
    last = emit(a, env);
    times.push_back(last.ms);
  }
  std::sort(times.begin(), times.end());
  Diagnostics diags;
  start = Clock::now();
  publish(last.outputs, scratch / "dist", diags);
  const double written = ms(Clock::now() - start);
  std::printf("%s: %zu plan%s, %zu commitments\n", what.c_str(), a.plans.size(), a.plans.size() == 1 ? "" : "s", commitments);
  std::printf("  plan steps (load to compose): %9.1f ms\n", passes);
  std::printf("  site step, best of %d:          %9.1f ms (median %.1f ms)\n", runs, times.front(), times[times.size() / 2]);
  std::printf("  site: %zu pages, %zu files, %.1f MB (%.1f ms per page)\n", last.pages, last.files, last.bytes / 1e6,
              times.front() / static_cast<double>(last.pages));
  std::printf("  publishing the site to disk:   %9.1f ms\n", written);
  std::error_code ec;
  const fs::path site = fs::is_directory(scratch / "dist" / "site", ec) ? scratch / "dist" / "site" : scratch / "dist";
  bench::print_search_sizes(site);
  std::printf("\n");
  fs::remove_all(scratch / "dist");
}

}  // namespace

int main(int argc, char** argv) {
  fs::path content = "content";
  std::string plan = "nap-2018-2020";
  int plans = 10, per_plan = 100, runs = 5;
  Env env = Env::from_environment();
  env.pandoc_timeout = std::chrono::hours(1);  // the synthetic archive's prose is one long Pandoc run
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--content") content = v;
    else if (k == "--plan") plan = v;
    else if (k == "--cache-dir") env.cache_dir = v;
    else if (k == "--plans") plans = std::stoi(v);
    else if (k == "--per-plan") per_plan = std::stoi(v);
    else if (k == "--runs") runs = std::stoi(v);
    else {
      std::cerr << "site_bench: unknown option " << k << '\n';
      return 2;
    }
  }
  const fs::path scratch = fs::temp_directory_path() / ("renaksi-bench-" + std::to_string(::getpid()));
  fs::remove_all(scratch);
  fs::create_directories(scratch);

  report("default plan (" + plan + ")", content / plan, env, runs, scratch);
  bench::SyntheticSource source;
  std::string error;
  if (!source.load(content / plan, error) || !bench::write_synthetic_archive(source, scratch / "synthetic", plans, per_plan, error)) {
    std::cerr << "site_bench: " << error << '\n';
    return 1;
  }
  report("synthetic archive", scratch / "synthetic", env, std::max(1, runs / 2), scratch);
  fs::remove_all(scratch);
  return 0;
}
