// `renaksi import`.
#include "cli/import_command.h"

#include <filesystem>

#include "cli/build_command.h"
#include "docx_import/import_docx.h"
#include "env/env.h"
#include "env/file_io.h"
#include "load/loader.h"

namespace renaksi {

int run_import(const ImportOptions& opt, std::ostream& out, std::ostream& err) {
  Env env = Env::from_environment();
  Diagnostics diags;
  LoadResult loaded;
  const Plan* plan = nullptr;
  if (!opt.plan.empty()) {
    loaded = load_plan(opt.plan, diags);
    if (!loaded.plan_file_ok) {
      for (const auto& d : diags.all()) err << d.str() << '\n';
      err << "renaksi import: the plan's plan.xml cannot be read, so neither its template nor its languages\n";
      return kExitContent;
    }
    diags = Diagnostics{};  // the plan's own problems are renaksi check's to report
    plan = &loaded.plan;
  }
  docx_import::ImportContext context;
  docx_import::ImportedCommitment imported;
  bool ok = docx_import::import_context(plan, env, diags, context) &&
            docx_import::import_docx(opt.docx, context, env, diags, imported);
  for (const auto& d : diags.all()) err << d.str() << '\n';
  if (!ok) return kExitContent;
  if (opt.out.empty()) {
    out << imported.xml;
  } else {
    std::string why;
    if (!replace_file(opt.out, imported.xml, why)) {
      err << "renaksi import: " << printable(why) << '\n';
      return kExitContent;
    }
  }
  err << printable(opt.docx) << ": commitment '" << imported.id << "' (number " << imported.number << ", template "
      << imported.profile << ", " << imported.lang << "), " << diags.warning_count() << " warning"
      << (diags.warning_count() == 1 ? "" : "s") << '\n';
  return opt.fail_on_warnings && diags.warning_count() > 0 ? kExitContent : kExitOk;
}

}  // namespace renaksi
