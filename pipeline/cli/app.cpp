// The renaksi command line.
#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "check/stage_rules.h"
#include "diag/diagnostic.h"
#include "driver/passes.h"
#include "emit/ogp/validator.h"
#include "emit/ogp/writer.h"
#include "model/date.h"

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
    if (!opt.quiet) out << file << ": " << (valid ? "valid" : "invalid") << ", " << counted(diags.error_count(), "error") << '\n';
    if (!valid) status = kExitContent;
  }
  return status;
}

struct SubmissionOptions {
  std::string folder;
  std::string output;  // empty: standard output
  std::string date;    // the generation date to record, if any
};

// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place, so
// a failed write never leaves a half-written submission.
bool write_file_atomically(const std::filesystem::path& path, const std::string& bytes, std::string& why) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << bytes;
    f.close();
    if (!f) {
      why = "cannot write " + tmp.generic_string();
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    why = "cannot move the submission into place: " + ec.message();
    std::filesystem::remove(tmp, ec);
    return false;
  }
  return true;
}

int run_submission(const SubmissionOptions& opt, std::ostream& out, std::ostream& err) {
  BuildState state;
  state.folder = opt.folder;
  run_passes(state, "check");
  state.diags.sort();
  for (const auto& d : state.diags.all()) err << d.str() << '\n';
  if (state.diags.has_errors() || !state.loaded.plan_file_ok) {
    err << opt.folder << ": the plan has errors; no submission written\n";
    return kExitContent;
  }

  const std::string xml = ogp::write_ogp_submission(
      state.loaded.plan, {.generated = opt.date, .generator = std::string("renaksi ") + RENAKSI_VERSION});
  // Problems are reported against the file the submission would have been.
  const std::string name = opt.output.empty() ? opt.folder + " (submission)" : opt.output;
  Diagnostics diags;
  if (!ogp::validate_submission(xml, name, diags)) {
    diags.sort();
    for (const auto& d : diags.all()) err << d.str() << '\n';
    err << opt.folder << ": the submission does not validate (" << counted(diags.error_count(), "error")
        << "); nothing written\n";
    return kExitContent;
  }
  if (opt.output.empty()) {
    out << xml;
    return kExitOk;
  }
  std::string why;
  if (!write_file_atomically(opt.output, xml, why)) {
    err << opt.output << ": error: " << why << '\n';
    return kExitContent;
  }
  out << opt.folder << ": " << counted(state.loaded.plan.commitments.size(), "commitment") << ", wrote " << opt.output
      << " (" << xml.size() << " bytes, valid)\n";
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

  ValidateOptions validate;
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Validate OGP-submission XML files against schemas/ogp-submission.xsd and its rules");
  validate_cmd->add_option("file", validate.files, "An OGP-submission XML file")->required()->check(CLI::ExistingFile);
  validate_cmd->add_flag("-q,--quiet", validate.quiet, "Print only the diagnostics, not the summary line");

  SubmissionOptions submission;
  CLI::App* submission_cmd = app.add_subcommand(
      "submission", "Check a plan and write its OGP-submission XML, validated before it is written");
  submission_cmd->add_option("plan-folder", submission.folder, "A plan folder (plan.xml, organisations.xml, commitments/)")
      ->required()
      ->check(CLI::ExistingDirectory);
  submission_cmd->add_option("-o,--output", submission.output, "Write to FILE (default: standard output)")
      ->option_text("FILE");
  submission_cmd->add_option("--date", submission.date, "Record YYYY-MM-DD as the generation date (default: none)")
      ->check(CLI::Validator(
          [](const std::string& s) { return parse_iso_date(s) ? std::string() : "'" + s + "' is not a date YYYY-MM-DD"; },
          "DATE"));

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
  if (app.got_subcommand("validate")) return run_validate(validate, out, err);
  if (app.got_subcommand("submission")) return run_submission(submission, out, err);
  if (app.got_subcommand("codes")) return run_codes(out);
  return kExitUsage;
}

}  // namespace renaksi
