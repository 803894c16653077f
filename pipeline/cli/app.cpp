// The renaksi command line.
#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "check/stage_rules.h"
#include "diag/diagnostic.h"
#include "driver/passes.h"

namespace renaksi {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitContent = 1;
constexpr int kExitUsage = 2;

struct CheckOptions {
  std::vector<std::string> folders;
  bool fail_on_warnings = false;
  bool quiet = false;
};

// "1 error", "3 errors": the summary line is English, like the diagnostics.
std::string counted(size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

int run_check(const CheckOptions& opt, std::ostream& out, std::ostream& err) {
  int status = kExitOk;
  for (const auto& folder : opt.folders) {
    BuildState state;
    state.folder = folder;
    run_passes(state, "check");
    const LoadResult& loaded = state.loaded;
    Diagnostics& diags = state.diags;
    diags.sort();
    for (const auto& d : diags.all()) err << d.str() << '\n';
    if (!opt.quiet) {
      out << folder << ": ";
      if (loaded.plan_file_ok)
        out << stage_display(loaded.plan.stage) << ", " << counted(loaded.plan.commitments.size(), "commitment") << ", ";
      out << counted(diags.error_count(), "error") << ", " << counted(diags.warning_count(), "warning") << '\n';
    }
    if (diags.has_errors() || (opt.fail_on_warnings && diags.warning_count() > 0)) status = kExitContent;
  }
  return status;
}

struct BuildOptions {
  std::string folder;
  std::string dump;
  std::vector<std::string> editions;
  std::string stop_after;
  std::string cache_dir;
  bool timings = false;
  bool fail_on_warnings = false;
};

int run_build(const BuildOptions& opt, std::ostream& out, std::ostream& err) {
  BuildState state;
  state.folder = opt.folder;
  if (!opt.cache_dir.empty()) state.env.cache_dir = opt.cache_dir;
  std::vector<PassTiming> timings = run_passes(state, opt.stop_after);
  state.diags.sort();
  for (const auto& d : state.diags.all()) err << d.str() << '\n';
  if (opt.timings) {
    std::chrono::nanoseconds total{0};
    for (const auto& t : timings) {
      out << "  " << t.name << std::string(10 - std::min<size_t>(t.name.size(), 9), ' ')
          << std::chrono::duration<double, std::milli>(t.elapsed).count() << " ms\n";
      total += t.elapsed;
    }
    out << "  total     " << std::chrono::duration<double, std::milli>(total).count() << " ms (prose: "
        << state.prose_stats.fragments << " fragments, " << state.prose_stats.cache_hits << " cached, "
        << state.prose_stats.pandoc_runs << " Pandoc run" << (state.prose_stats.pandoc_runs == 1 ? "" : "s") << ")\n";
  }
  if (state.diags.has_errors()) return kExitContent;
  if (opt.dump == "document") {
    bool found = false;
    for (const auto& d : state.documents) {
      if (!opt.editions.empty() && std::find(opt.editions.begin(), opt.editions.end(), d.edition) == opt.editions.end())
        continue;
      out << doc::dump(d);
      found = true;
    }
    if (!found) {
      err << "renaksi: no edition";
      for (const auto& e : opt.editions) err << " '" << e << "'";
      err << " in this build; editions:";
      for (const auto& d : state.documents) err << ' ' << d.edition;
      err << '\n';
      return kExitUsage;
    }
  }
  if (opt.fail_on_warnings && state.diags.warning_count() > 0) return kExitContent;
  return kExitOk;
}

int run_codes(std::ostream& out) {
  for (const auto& info : code_catalogue()) out << info.id << "  " << info.summary << '\n';
  return kExitOk;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"renaksi: builds, checks and publishes Open Government National Action Plans", "renaksi"};
  app.set_version_flag("--version", std::string("renaksi ") + RENAKSI_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 success, 1 the content has errors, 2 the command line is wrong.\n"
      "Run 'renaksi COMMAND --help' for a command's options.");

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Check plan folders against the schema and the drafting-stage rules");
  check_cmd->add_option("plan-folder", check.folders, "A plan folder (plan.xml, organisations.xml, commitments/)")
      ->required()
      ->check(CLI::ExistingDirectory);
  check_cmd->add_flag("--fail-on-warnings", check.fail_on_warnings, "Exit 1 when there are warnings too");
  check_cmd->add_flag("-q,--quiet", check.quiet, "Print only the diagnostics, not the summary line");

  BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Build a plan: check it, parse its prose, compose its editions");
  build_cmd->add_option("plan-folder", build.folder, "The plan folder")->required()->check(CLI::ExistingDirectory);
  build_cmd->add_option("--dump", build.dump, "Print an intermediate product: 'document' (the composed editions)")
      ->check(CLI::IsMember({"document"}));
  build_cmd->add_option("--edition", build.editions, "With --dump: only these editions (a language code, or 'bilingual')");
  std::string pass_names;
  for (const auto& p : passes()) pass_names += (pass_names.empty() ? "" : ", ") + std::string(p.name);
  build_cmd->add_option("--stop-after", build.stop_after, "Stop after this pass: " + pass_names)
      ->check([](const std::string& v) { return is_pass(v) ? std::string() : "no pass is called '" + v + "'"; });
  build_cmd->add_option("--cache-dir", build.cache_dir, "Where the prose cache lives (default build/cache)");
  build_cmd->add_flag("--timings", build.timings, "Print how long each pass took");
  build_cmd->add_flag("--fail-on-warnings", build.fail_on_warnings, "Exit 1 when there are warnings");

  app.add_subcommand("codes", "List the diagnostic codes and what each means");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    app.exit(e, out, err);
    return kExitOk;
  } catch (const CLI::CallForAllHelp& e) {
    app.exit(e, out, err);
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    app.exit(e, out, err);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    app.exit(e, out, err);
    return kExitUsage;
  }

  if (app.got_subcommand("check")) return run_check(check, out, err);
  if (app.got_subcommand("build")) return run_build(build, out, err);
  if (app.got_subcommand("codes")) return run_codes(out);
  return kExitUsage;
}

}  // namespace renaksi
