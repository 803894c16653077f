// The renaksi command line.
#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <exception>
#include <iostream>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "check/stage_rules.h"
#include "cli/build_command.h"
#include "cli/import_command.h"
#include "cli/import_comments_command.h"
#include "cli/template_command.h"
#include "cli/diff_command.h"
#include "cli/path_checks.h"
#include "cli/serve_command.h"
#include "cli/usage_errors.h"
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


struct CheckOptions {
  std::vector<std::string> folders;
  bool fail_on_warnings = false;
  bool quiet = false;
};


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
      ->check(one_of({"document"}));
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
  // Numbers are read as text and checked by renaksi, so no conversion message of CLI11's is seen.
  std::string pandoc_timeout;
  build_cmd->add_option("--pandoc-timeout", pandoc_timeout, "Stop Pandoc after this many seconds, 1 to 3600 (default 60)")
      ->option_text("SECONDS")
      ->check(whole_number_from(1, 3600));
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

  ServeOptions serve;
  serve.build.folder = "content";
  serve.build.out_dir = "dist";
  std::string serve_port = "8000";
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "Build, then serve OUT/site/ on 127.0.0.1 to preview the archive; --watch builds again on change");
  serve_cmd->add_option("folder", serve.build.folder, "A plan folder, or a folder of plan folders (default content)")
      ->check(CLI::Validator(must_be_folder, "FOLDER"));
  serve_cmd->add_option("-o,--out", serve.build.out_dir, "Publish into this folder, as build --out does (default dist)")
      ->option_text("FOLDER");
  serve_cmd->add_option("--port", serve_port, "The port on 127.0.0.1, 0 to 65535; 0 picks a free one (default 8000)")
      ->option_text("N")
      ->check(whole_number_from(0, 65535));
  serve_cmd->add_flag("--watch", serve.watch, "Build again when the content, layouts, locales or templates change");
  serve_cmd->add_option("--cache-dir", serve.build.cache_dir, "Where the cache lives (default build/cache)");
  serve_cmd->add_option("--layout", serve.build.layout, "The PDF page style: a name in layouts/ (default a4) or a .json file");
  std::string serve_pandoc_timeout;
  serve_cmd->add_option("--pandoc-timeout", serve_pandoc_timeout, "Stop Pandoc after this many seconds, 1 to 3600 (default 60)")
      ->option_text("SECONDS")
      ->check(whole_number_from(1, 3600));
  serve_cmd->add_option("--site-url", serve.build.site_url, "Where the site will be served, as for build --site-url");
  serve_cmd->add_flag("--timings", serve.build.timings, "Print how long each pass of each build took");

  TemplateOptions template_opt;
  CLI::App* template_cmd = app.add_subcommand(
      "template", "Write the commitment template of a plan's template profile as a Word form, per language");
  template_cmd->add_option("--plan", template_opt.plan, "A plan folder: its template profile and each of its languages")
      ->check(CLI::Validator(must_be_folder, "FOLDER"));
  template_cmd->add_option("--profile", template_opt.profile, "A profile of templates/ (default ogi-2018), instead of --plan")
      ->excludes("--plan");
  template_cmd->add_option("--lang", template_opt.lang, "Only this language (a locale of locales/)");
  template_cmd->add_option("-o,--out", template_opt.out, "The Word file; with several languages FILE.<lang>.docx each")
      ->option_text("FILE.docx")
      ->required();

  ImportOptions import_opt;
  CLI::App* import_cmd = app.add_subcommand(
      "import", "Read a filled commitment template (Word) into a commitment file of the content format, at Draft 1");
  import_cmd->add_option("file", import_opt.docx, "The filled Word form (.docx)")->required()->check(CLI::Validator(must_be_file, "FILE"));
  import_cmd->add_option("--plan", import_opt.plan, "The plan folder it is for: its template, languages, organisations and themes")
      ->check(CLI::Validator(must_be_folder, "FOLDER"));
  import_cmd->add_option("-o,--out", import_opt.out, "Write the commitment to FILE.xml (default: standard output)")
      ->option_text("FILE.xml");
  import_cmd->add_flag("--fail-on-warnings", import_opt.fail_on_warnings, "Exit 1 when a field was not found or not mapped");
  ImportCommentsOptions comments_opt;
  CLI::App* comments_cmd = app.add_subcommand(
      "import-comments", "Add the public consultation's comments (a survey's CSV export) to the plan's consultation record");
  comments_cmd->add_option("file", comments_opt.csv, "The survey's export (.csv, UTF-8)")->required()->check(CLI::Validator(must_be_file, "FILE"));
  comments_cmd->add_option("--plan", comments_opt.plan, "The plan folder: its cocreation/consultation.xml gets the comments")
      ->required()
      ->check(CLI::Validator(must_be_folder, "FOLDER"));
  comments_cmd->add_option("--column", comments_opt.columns,
                           "FIELD=HEADER: the CSV's column for a field (received, commitment, comment, organisation, name, "
                           "sector, language, channel), over imports/comment-columns.json")
      ->option_text("FIELD=HEADER");
  comments_cmd->add_option("--lang", comments_opt.lang, "The comments' language where no column says (default: the administrative)");
  comments_cmd->add_option("--date-order", comments_opt.date_order, "How to read 2/3/2025: dmy or mdy")->option_text("dmy|mdy");
  comments_cmd->add_flag("--names", comments_opt.names, "Keep commenters' own names (else only their organisations)");
  comments_cmd->add_flag("--dry-run", comments_opt.dry_run, "Print the new consultation.xml instead of writing it");
  DiffOptions diff;
  bool diff_no_colour = false, diff_colour = false;
  CLI::App* diff_cmd = app.add_subcommand(
      "diff", "What changed between two drafts of a plan, per commitment and field, word by word");
  diff_cmd->add_option("folders", diff.folders,
                       "OLD NEW (two plan folders), or FOLDER: with --from, FOLDER at git revisions; alone, "
                       "FOLDER against its recorded draft (history/draft-N/)")
      ->option_text("OLD NEW | FOLDER");
  diff_cmd->add_option("--from", diff.from, "The old draft: FOLDER at this git revision")->option_text("REV");
  diff_cmd->add_option("--to", diff.to, "The new draft: FOLDER at this git revision (default: FOLDER as it is)")
      ->option_text("REV");
  diff_cmd->add_flag("--no-color", diff_no_colour, "Plain markers [-deleted-]{+inserted+}, never colour");
  diff_cmd->add_flag("--color", diff_colour, "Colour even when the output is not a terminal");

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
  const std::string misplaced = misplaced_word_message(app, first);
  if (!misplaced.empty()) {
    err << misplaced << '\n';
    return kExitUsage;
  }
  // The command being parsed, for the messages of what CLI11 refuses.
  const CLI::App* command = &app;
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->get_name() == first) command = sub;

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
    // In renaksi's words, never CLI11's (usage_errors.h).
    err << usage_message(app, *command, e) << '\n';
    return kExitUsage;
  }

  // Validated above (whole_number_from), so they read.
  if (!pandoc_timeout.empty()) build.pandoc_timeout = std::stoi(pandoc_timeout);
  if (!serve_pandoc_timeout.empty()) serve.build.pandoc_timeout = std::stoi(serve_pandoc_timeout);
  serve.port = std::stoi(serve_port);

  return run_guarded(err, [&] {
    if (app.got_subcommand("check")) return run_check(check, out, err);
    if (app.got_subcommand("build")) return run_build(build, out, err);
    if (app.got_subcommand("validate")) return run_validate(validate, out, err);
    if (app.got_subcommand("submission")) return run_submission(submission, out, err);
    if (app.got_subcommand("serve")) return run_serve(serve, out, err);
    if (app.got_subcommand("template")) return run_template(template_opt, out, err);
    if (app.got_subcommand("import")) return run_import(import_opt, out, err);
    if (app.got_subcommand("import-comments")) return run_import_comments(comments_opt, out, err);
    if (app.got_subcommand("diff")) {
      diff.colour = diff_no_colour ? Colour::Never : diff_colour ? Colour::Always : Colour::Auto;
      diff.terminal = &out == &std::cout && isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
      return run_diff(diff, out, err);
    }
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
