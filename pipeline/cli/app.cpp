// The renaksi command line.
#include "cli/app.h"

#include <CLI/CLI.hpp>

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
  if (app.got_subcommand("codes")) return run_codes(out);
  return kExitUsage;
}

}  // namespace renaksi
