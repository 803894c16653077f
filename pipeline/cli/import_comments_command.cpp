// `renaksi import-comments`.
#include "cli/import_comments_command.h"

#include "cli/build_command.h"
#include "comment_import/import_comments.h"
#include "env/env.h"
#include "env/file_io.h"
#include "load/cocreation_loader.h"
#include "load/loader.h"

namespace renaksi {

int run_import_comments(const ImportCommentsOptions& opt, std::ostream& out, std::ostream& err) {
  Env env = Env::from_environment();
  Diagnostics diags;
  comment_import::ImportRequest request;
  request.csv = opt.csv;
  request.lang = opt.lang;
  request.date_order = opt.date_order;
  request.names = opt.names;
  for (const auto& c : opt.columns) {
    const size_t eq = c.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == c.size()) {
      err << "renaksi import-comments: --column takes FIELD=HEADER (e.g. --column comment=\"Masukan Anda\"), not \"" << printable(c)
          << "\"\n";
      return kExitUsage;
    }
    request.columns[c.substr(0, eq)] = c.substr(eq + 1);
  }
  LoadResult loaded = load_plan(opt.plan, diags);
  // The plan's problems are renaksi check's; what matters here is that it and its record read.
  bool unreadable = !loaded.plan_file_ok || !loaded.all_commitments_ok;
  for (const auto& d : diags.all())
    if (d.loc.file.find("/cocreation/") != std::string::npos && d.severity == Severity::Error) unreadable = true;
  if (unreadable) {
    for (const auto& d : diags.all()) err << d.str() << '\n';
    err << "renaksi import-comments: the plan or its co-creation record cannot be read; nothing was changed\n";
    return kExitContent;
  }
  diags = Diagnostics{};
  comment_import::ImportOutcome outcome;
  const bool ok = comment_import::import_comments(loaded.plan, opt.plan, request, env, diags, outcome);
  for (const auto& d : diags.all()) err << d.str() << '\n';
  if (!ok || diags.error_count() > 0) {
    err << "renaksi import-comments: " << diags.error_count() << " error" << (diags.error_count() == 1 ? "" : "s")
        << "; nothing was changed (fix the rows, or the CSV, and import again: rows already recorded are not added twice)\n";
    return kExitContent;
  }
  for (const auto& n : outcome.notes) err << printable(opt.csv) << ": " << n << '\n';
  const std::string target = consultation_file(opt.plan).generic_string();
  if (opt.dry_run) {
    out << outcome.xml;
  } else if (!outcome.added.empty()) {
    std::string why;
    if (!replace_file(target, outcome.xml, why)) {
      err << "renaksi import-comments: " << printable(why) << '\n';
      return kExitContent;
    }
  }
  std::string ids;
  for (size_t i = 0; i < outcome.added.size() && i < 12; ++i) ids += (ids.empty() ? "" : ", ") + outcome.added[i];
  if (outcome.added.size() > 12) ids += ", …";
  err << printable(opt.csv) << ": " << outcome.added.size() << " comment" << (outcome.added.size() == 1 ? "" : "s") << " added"
      << (ids.empty() ? "" : " (" + ids + ")") << (opt.dry_run ? " (dry run: nothing written)" : " to " + target) << "; "
      << outcome.already << " already recorded; " << outcome.skipped << " row" << (outcome.skipped == 1 ? "" : "s")
      << " skipped; " << diags.warning_count() << " warning" << (diags.warning_count() == 1 ? "" : "s") << '\n';
  if (!outcome.added.empty() && !opt.dry_run)
    err << "Answer each in its <response> (every language of the plan), then renaksi check.\n";
  return kExitOk;
}

}  // namespace renaksi
