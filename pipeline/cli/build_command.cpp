// `renaksi build`.
#include "cli/build_command.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <span>

#include "cli/progress_line.h"
#include "diag/diagnostic.h"
#include "driver/pipeline.h"
#include "env/cache_prune.h"
#include "publish/output_folder.h"

namespace renaksi {

std::string counted(std::size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::string milliseconds(std::chrono::nanoseconds d) {
  const double ms = std::chrono::duration<double, std::milli>(d).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
  return buf;
}

namespace {

// "12.3 MiB"
std::string mebibytes(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

// Every row of the pipeline table, with the time it took (summed over the plans for a plan
// step), or "-" when the build did not get to it; the times right-aligned.
void print_timings(const ArchiveBuild& a, std::ostream& out) {
  std::chrono::nanoseconds total{0};
  const int fragments = a.prose_stats.fragments, cached = a.prose_stats.cache_hits, runs = a.prose_stats.pandoc_runs;
  auto row = [&](std::string_view name, const std::string& value) {
    out << "  " << name << std::string(10 - std::min<size_t>(name.size(), 9), ' ')
        << std::string(10 - std::min<size_t>(value.size(), 10), ' ') << value;
  };
  for (const Step& step : steps()) {
    auto t = std::find_if(a.timings.begin(), a.timings.end(), [&](const StepTiming& x) { return x.name == step.name; });
    row(step.name, t == a.timings.end() ? "-" : milliseconds(t->elapsed));
    out << '\n';
    if (t != a.timings.end()) total += t->elapsed;
  }
  // Then the work between the steps that was timed (the per-plan cache's), after them.
  const std::span<const Step> all = steps();
  for (const StepTiming& t : a.timings) {
    if (std::any_of(all.begin(), all.end(), [&](const Step& s) { return s.name == t.name; })) continue;
    row(t.name, milliseconds(t.elapsed));
    out << '\n';
    total += t.elapsed;
  }
  row("total", milliseconds(total));
  out << " (" << a.plans.size() << (a.plans.size() == 1 ? " plan" : " plans");
  if (a.up_to_date) out << ", the output up to date: nothing built";
  if (a.plans_from_cache > 0) out << ", " << a.plans_from_cache << " unchanged, from the cache";
  out << "; prose: " << fragments << " fragments, " << cached << " cached, " << a.prose_stats.without_pandoc
      << " plain (no Pandoc), " << runs << " Pandoc run" << (runs == 1 ? "" : "s")
      << ")\n";
  if (a.published) {
    out << "  cache: " << a.cache.entries << " entries, " << mebibytes(a.cache.bytes);
    if (a.cache.removed > 0) out << " (" << a.cache.removed << " unused removed, " << mebibytes(a.cache.removed_bytes) << ")";
    if (a.cache.counted_earlier) {
      const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(a.started - *a.cache.counted_earlier).count();
      out << " (as counted " << minutes << " min ago; pruned at most every "
          << std::chrono::duration_cast<std::chrono::minutes>(kCachePruneInterval).count() << " min)";
    }
    out << '\n';
  }
  // The process's own resident high-water mark (Pandoc's apart), from the kernel's count: what
  // `make bench` reports. Sampling /proc/<pid>/status from outside instead slowed the build it
  // measured (240 commitments: 4.8-5.4 s alone, 7.6-8.2 s read every 5 ms).
  struct rusage self {};
  if (::getrusage(RUSAGE_SELF, &self) == 0)
    out << "  peak memory: " << mebibytes(static_cast<std::uintmax_t>(self.ru_maxrss) * 1024) << " resident (renaksi's own)\n";
}

}  // namespace

int run_build(const BuildOptions& opt, std::ostream& out, std::ostream& err, BuildReport* report) {
  Env env = Env::from_environment();
  if (!opt.cache_dir.empty()) env.cache_dir = opt.cache_dir;
  if (!opt.layout.empty()) env.layout = opt.layout;
  if (opt.pandoc_timeout > 0) env.pandoc_timeout = std::chrono::seconds(opt.pandoc_timeout);
  if (!opt.site_url.empty()) env.site_url = opt.site_url;
  if (!opt.out_dir.empty() && (!opt.stop_after.empty() || !opt.dump.empty())) {
    err << "renaksi: --out publishes a whole build; it does not go with " << (opt.dump.empty() ? "--stop-after" : "--dump")
        << '\n';
    return kExitUsage;
  }
  // The output folder is claimed (checked and locked) before the build, so a folder that may not
  // be replaced is refused at once; the build still runs, to report every problem of the content.
  Diagnostics out_diags;
  std::optional<OutputFolder> out_folder;
  // What the build reads may not be replaced: the content, the cache, the layouts and catalogues
  // (the data folder itself is the source tree, which holds dist/ by default).
  if (!opt.out_dir.empty())
    out_folder = OutputFolder::claim(
        opt.out_dir, {opt.folder, env.cache_dir, env.data_dir / "layouts", env.data_dir / "locales", env.data_dir / "templates"}, out_diags);
  // A refused output folder: nothing will be written, so the build goes only as far as its
  // content problems show (load, check, prose), not through the PDF, Word and site work.
  // --dump=document prints what compose made: the build goes no further than it needs to.
  std::string stop_after = opt.out_dir.empty() || out_folder ? opt.stop_after : std::string("prose");
  if (opt.dump == "document" && stop_after.empty()) stop_after = "compose";
  // On a terminal, a build that runs long says where it is; a log gets nothing of the kind.
  ProgressLine progress(err);
  const bool terminal = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
  ArchiveBuild a = build_archive(opt.folder, env,
                                 {.stop_after = stop_after,
                                  .out_folder = out_folder ? &*out_folder : nullptr,
                                  .fail_on_warnings = opt.fail_on_warnings,
                                  .progress = terminal ? [&](const Progress& at) { progress.report(at); }
                                                       : std::function<void(const Progress&)>()});
  progress.finish();
  for (const auto& d : out_diags.all()) err << d.str() << '\n';
  for (auto& p : a.plans) {
    p->diags.sort();
    for (const auto& d : p->diags.all()) err << d.str() << '\n';
  }
  a.diags.sort();
  for (const auto& d : a.diags.all()) err << d.str() << '\n';
  if (opt.timings) print_timings(a, out);
  if (report)
    *report = BuildReport{.plans = a.plans.size(),
                          .plans_from_cache = a.plans_from_cache,
                          .published = a.published,
                          .up_to_date = a.up_to_date.has_value()};
  const size_t errors = a.error_count() + out_diags.error_count();
  if (errors > 0) {
    err << "renaksi: " << counted(errors, "error") << "; nothing was written"
        << (opt.out_dir.empty() ? "" : " to " + printable(opt.out_dir)) << '\n';
    return kExitContent;
  }
  if (opt.dump == "document") {
    bool found = false;
    for (const auto& p : a.plans)
      for (const auto& d : p->documents) {
        if (!opt.editions.empty() && std::find(opt.editions.begin(), opt.editions.end(), d.edition) == opt.editions.end())
          continue;
        out << doc::dump(d);
        found = true;
      }
    if (!found) {
      err << "renaksi: no edition";
      for (const auto& e : opt.editions) err << " '" << e << "'";
      err << " in this build; editions:";
      if (!a.plans.empty())
        for (const auto& d : a.plans.front()->documents) err << ' ' << d.edition;
      err << '\n';
      return kExitUsage;
    }
  }
  if (opt.fail_on_warnings && a.warning_count() > 0) return kExitContent;
  if (a.published) {
    out << "published " << counted(a.outputs.size(), "file") << " (" << a.outputs.total_bytes() / 1024 << " KiB) into "
        << printable(opt.out_dir) << '\n';
  } else if (a.up_to_date) {
    out << printable(opt.out_dir) << " is up to date: nothing changed since the build that published its "
        << counted(a.up_to_date->files, "file") << " (" << a.up_to_date->bytes / 1024 << " KiB)\n";
  }
  return kExitOk;
}


}  // namespace renaksi
