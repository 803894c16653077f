// The renaksi command line.
#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "check/stage_rules.h"
#include "cli/path_checks.h"
#include "cli/progress_line.h"
#include "text/suggest.h"
#include "diag/diagnostic.h"
#include "driver/pipeline.h"
#include "env/file_io.h"
#include "env/read_file.h"
#include "publish/output_folder.h"
#include "emit/ogp/validator.h"
#include "model/date.h"

namespace renaksi {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitContent = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;  // a bug in renaksi (or the machine ran out of memory): see run_cli

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
    ArchiveBuild a = build_plans({folder}, Env::from_environment(), {.stop_after = "check"});
    const Diagnostics diags = a.all_diagnostics();
    for (const auto& d : diags.all()) err << d.str() << '\n';
    if (!opt.quiet) {
      out << printable(folder) << ": ";
      if (a.plans.size() == 1 && a.plans.front()->loaded.plan_file_ok) {
        const Plan& plan = a.plans.front()->loaded.plan;
        out << stage_display(plan.stage) << ", " << counted(plan.commitments.size(), "commitment") << ", ";
      }
      out << counted(diags.error_count(), "error") << ", " << counted(diags.warning_count(), "warning") << '\n';
    }
    if (diags.has_errors() || (opt.fail_on_warnings && diags.warning_count() > 0)) status = kExitContent;
  }
  return status;
}

struct BuildOptions {
  std::string folder;
  std::string out_dir;
  std::string dump;
  std::vector<std::string> editions;
  std::string stop_after;
  std::string cache_dir;
  std::string layout;
  int pandoc_timeout = 0;  // seconds; 0 keeps the default
  std::string site_url;
  bool timings = false;
  bool fail_on_warnings = false;
};

// A duration in milliseconds to about three significant digits: "1287 ms", "42.5 ms", "0.35 ms".
std::string milliseconds(std::chrono::nanoseconds d) {
  const double ms = std::chrono::duration<double, std::milli>(d).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
  return buf;
}

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
  row("total", milliseconds(total));
  out << " (" << a.plans.size() << (a.plans.size() == 1 ? " plan" : " plans");
  if (a.plans_from_cache > 0) out << ", " << a.plans_from_cache << " unchanged, from the cache";
  out << "; prose: " << fragments << " fragments, " << cached << " cached, " << runs << " Pandoc run" << (runs == 1 ? "" : "s")
      << ")\n";
  if (a.published) {
    out << "  cache: " << a.cache.entries << " entries, " << mebibytes(a.cache.bytes);
    if (a.cache.removed > 0) out << " (" << a.cache.removed << " unused removed, " << mebibytes(a.cache.removed_bytes) << ")";
    out << '\n';
  }
}

int run_build(const BuildOptions& opt, std::ostream& out, std::ostream& err) {
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
  }
  return kExitOk;
}

struct ValidateOptions {
  std::vector<std::string> files;
  bool quiet = false;
};

int run_validate(const ValidateOptions& opt, std::ostream& out, std::ostream& err) {
  int status = kExitOk;
  for (const auto& file : opt.files) {
    Diagnostics diags;
    bool valid = ogp::validate_submission_file(file, diags);
    diags.sort();
    for (const auto& d : diags.all()) err << d.str() << '\n';
    if (!opt.quiet) out << printable(file) << ": " << (valid ? "valid" : "invalid") << ", " << counted(diags.error_count(), "error") << '\n';
    if (!valid) status = kExitContent;
  }
  return status;
}

struct SubmissionOptions {
  std::string folder;
  std::string output;  // empty: standard output
  std::string date;    // the generation date to record, if any
};

// Writes `bytes` to `path` through a new temporary file in the same folder, renamed into place,
// so a failed write never leaves a half-written submission. Refuses to replace anything but a
// submission, and anything inside the plan folder.
bool write_submission_file(const std::filesystem::path& path, const std::filesystem::path& plan_folder,
                           const std::string& bytes, std::string& why) {
  if (path_within(path, plan_folder)) {
    why = "lies inside the plan folder " + plan_folder.generic_string() + "; write the submission elsewhere";
    return false;
  }
  // Only the head is read: a submission names its namespace in its first element.
  std::string head;
  const ReadResult read = read_file_head(path, head, 4096);
  switch (read.failure) {
    case ReadFailure::None:
      if (head.find("urn:renaksi:ogp-submission") == std::string::npos) {
        why = "exists and is not an OGP submission; renaksi replaces only a submission it wrote";
        return false;
      }
      break;
    case ReadFailure::Missing:
    case ReadFailure::DanglingLink: break;  // nothing to replace (a dangling link is replaced)
    case ReadFailure::Folder:
    case ReadFailure::Fifo:
    case ReadFailure::Socket:
    case ReadFailure::Device: why = "exists and is not a file"; return false;
    default: why = "exists and " + read.reason; return false;
  }
  return replace_file(path, bytes, why);
}

int run_submission(const SubmissionOptions& opt, std::ostream& out, std::ostream& err) {
  ArchiveBuild a = build_plans({opt.folder}, Env::from_environment(), {.stop_after = "check"});
  const Diagnostics diags = a.all_diagnostics();
  for (const auto& d : diags.all()) err << d.str() << '\n';
  if (diags.has_errors() || !a.plans.front()->loaded.plan_file_ok) {
    err << printable(opt.folder) << ": the plan has errors; no submission written\n";
    return kExitContent;
  }
  const Plan& plan = a.plans.front()->loaded.plan;
  // Problems are reported against the file the submission would have been.
  const std::string name = opt.output.empty() ? opt.folder + " (submission)" : opt.output;
  Diagnostics invalid;
  const std::optional<std::string> xml = ogp::write_valid_submission(plan, opt.date, name, invalid);
  if (!xml) {
    invalid.sort();
    for (const auto& d : invalid.all()) err << d.str() << '\n';
    err << printable(opt.folder) << ": the submission does not validate (" << counted(invalid.error_count(), "error")
        << "); nothing written\n";
    return kExitContent;
  }
  if (opt.output.empty()) {
    out << *xml;
    return kExitOk;
  }
  std::string why;
  if (!write_submission_file(opt.output, opt.folder, *xml, why)) {
    err << Diagnostic{Severity::Error, Code::X002, {opt.output, 0, 0}, why}.str() << '\n';
    return kExitContent;
  }
  out << printable(opt.folder) << ": " << counted(plan.commitments.size(), "commitment") << ", wrote " << opt.output
      << " (" << xml->size() << " bytes, valid)\n";
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
      "Exit status: 0 success, 1 the content has errors, 2 the command line is wrong,\n"
      "3 an internal error (a bug in renaksi: please report it with the message).\n"
      "Run 'renaksi COMMAND --help' for a command's options.");

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Check plan folders against the schema and the drafting-stage rules");
  check_cmd->add_option("plan-folder", check.folders, "A plan folder (plan.xml, organisations.xml, commitments/)")
      ->required()
      ->check(CLI::Validator(must_be_folder, "FOLDER"));
  check_cmd->add_flag("--fail-on-warnings", check.fail_on_warnings, "Exit 1 when there are warnings too");
  check_cmd->add_flag("-q,--quiet", check.quiet, "Print only the diagnostics, not the summary line");

  BuildOptions build;
  CLI::App* build_cmd =
      app.add_subcommand("build", "Build plans: check, parse the prose, compose and write every edition and the site");
  build_cmd->add_option("folder", build.folder, "A plan folder, or a folder of plan folders (content/)")
      ->required()
      ->check(CLI::Validator(must_be_folder, "FOLDER"));
  build_cmd->add_option("-o,--out", build.out_dir,
                        "Publish the outputs into this folder, replacing it whole (only when there is no error)");
  build_cmd->add_option("--dump", build.dump,
                        "Print an intermediate product instead of building on: 'document' (the composed editions)")
      ->check(CLI::IsMember({"document"}));
  build_cmd->add_option("--edition", build.editions, "With --dump: only these editions (a language code, or 'bilingual')");
  std::string step_names;
  for (const auto& step : steps()) step_names += (step_names.empty() ? "" : ", ") + std::string(step.name);
  build_cmd->add_option("--stop-after", build.stop_after, "Stop after this step: " + step_names)
      ->check([step_names](const std::string& v) {
        if (find_step(v)) return std::string();
        std::vector<std::string_view> names;
        for (const auto& step : steps()) names.push_back(step.name);
        const std::string near = nearest(v, names);
        return "no step is called '" + printable(v) + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
               " (steps: " + step_names + ")";
      });
  build_cmd->add_option("--cache-dir", build.cache_dir, "Where the prose cache lives (default build/cache)");
  build_cmd->add_option("--layout", build.layout, "The PDF page style: a name in layouts/ (default a4) or a .json file");
  build_cmd->add_option("--pandoc-timeout", build.pandoc_timeout, "Stop Pandoc after this many seconds (default 60)")
      ->check(CLI::Range(1, 3600));
  build_cmd->add_option("--site-url", build.site_url,
                        "Where the site (OUT/site/) will be served, for its absolute addresses "
                        "(default $RENAKSI_SITE_URL, else the content's site.xml)");
  build_cmd->add_flag("--timings", build.timings, "Print how long each pass took");
  build_cmd->add_flag("--fail-on-warnings", build.fail_on_warnings, "Exit 1 when there are warnings");
  ValidateOptions validate;
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Validate OGP-submission XML files against schemas/ogp-submission.xsd and its rules");
  validate_cmd->add_option("file", validate.files, "An OGP-submission XML file")->required()->check(CLI::Validator(must_be_file, "FILE"));
  validate_cmd->add_flag("-q,--quiet", validate.quiet, "Print only the diagnostics, not the summary line");

  SubmissionOptions submission;
  CLI::App* submission_cmd = app.add_subcommand(
      "submission", "Check a plan and write its OGP-submission XML, validated before it is written");
  submission_cmd->add_option("plan-folder", submission.folder, "A plan folder (plan.xml, organisations.xml, commitments/)")
      ->required()
      ->check(CLI::Validator(must_be_folder, "FOLDER"));
  submission_cmd->add_option("-o,--output", submission.output, "Write to FILE (default: standard output)")
      ->option_text("FILE");
  submission_cmd->add_option("--date", submission.date, "Record YYYY-MM-DD as the generation date (default: none)")
      ->check(CLI::Validator(
          [](const std::string& s) { return parse_iso_date(s) ? std::string() : "'" + s + "' is not a date YYYY-MM-DD"; },
          "DATE"));

  app.add_subcommand("codes", "List the diagnostic codes and what each means");

  // A command that is not one: say which it may have been, in renaksi's words.
  std::vector<std::string_view> commands;
  for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
  std::string command_list;
  for (std::string_view c : commands) command_list += (command_list.empty() ? "" : ", ") + std::string(c);
  if (argc < 2) {
    err << "renaksi: which command? " << command_list << " ('renaksi --help' says what each does)\n";
    return kExitUsage;
  }
  const std::string first = argv[1];
  if (!first.starts_with("-") && std::find(commands.begin(), commands.end(), first) == commands.end()) {
    const std::string near = nearest(first, commands);
    err << "renaksi: '" << printable(first) << "' is not a command"
        << (near.empty() ? "" : "; did you mean '" + near + "'?") << " (commands: " << command_list << ")\n";
    return kExitUsage;
  }

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

  return run_guarded(err, [&] {
    if (app.got_subcommand("check")) return run_check(check, out, err);
    if (app.got_subcommand("build")) return run_build(build, out, err);
    if (app.got_subcommand("validate")) return run_validate(validate, out, err);
    if (app.got_subcommand("submission")) return run_submission(submission, out, err);
    if (app.got_subcommand("codes")) return run_codes(out);
    return kExitUsage;
  });
}

// The one top-level guard: whatever escapes a command (a bug, or memory exhausted) is one line
// and exit 3. Nothing is published after it: the output folder is only ever replaced as the last
// step of a build that succeeded.
int run_guarded(std::ostream& err, const std::function<int()>& command) {
  try {
    return command();
  } catch (const std::exception& e) {
    err << "renaksi: internal error: " << printable(e.what()) << '\n';
  } catch (...) {
    err << "renaksi: internal error: an unknown exception\n";
  }
  return kExitInternal;
}

}  // namespace renaksi
