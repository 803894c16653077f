// `renaksi template`.
#include "cli/template_command.h"

#include <filesystem>

#include "cli/build_command.h"
#include "docx_import/template_writer.h"
#include "env/env.h"
#include "env/file_io.h"
#include "load/loader.h"

namespace renaksi {

namespace fs = std::filesystem;

int run_template(const TemplateOptions& opt, std::ostream& out, std::ostream& err) {
  Env env = Env::from_environment();
  Diagnostics diags;
  std::string profile_id = opt.profile.empty() ? std::string(kDefaultTemplate) : opt.profile;
  SourceLoc asked{"--profile", 0, 0};
  std::vector<std::string> langs;
  LoadResult loaded;
  if (!opt.plan.empty()) {
    loaded = load_plan(opt.plan, diags);
    if (!loaded.plan_file_ok) {
      for (const auto& d : diags.all()) err << d.str() << '\n';
      err << "renaksi template: the plan's plan.xml cannot be read, so neither its template nor its languages\n";
      return kExitContent;
    }
    if (!loaded.plan.template_id.empty()) profile_id = loaded.plan.template_id;
    asked = loaded.plan.template_loc;
    for (const Language& l : loaded.plan.languages) langs.push_back(l.code);
  }
  if (!opt.lang.empty()) {
    if (!langs.empty() && std::find(langs.begin(), langs.end(), opt.lang) == langs.end()) {
      err << "renaksi template: the plan is not written in '" << printable(opt.lang) << "'\n";
      return kExitUsage;
    }
    langs = {opt.lang};
  }
  if (langs.empty()) {
    err << "renaksi template: which language? give --lang (or --plan, for each of the plan's languages)\n";
    return kExitUsage;
  }
  Diagnostics profile_diags;
  auto profile = load_template_profile(env.data_dir, profile_id, asked, profile_diags);
  for (const auto& d : profile_diags.all()) err << d.str() << '\n';
  if (!profile) return kExitContent;
  int status = kExitOk;
  for (const std::string& lang : langs) {
    fs::path target = opt.out;
    if (langs.size() > 1) target.replace_extension("." + lang + target.extension().string());
    Diagnostics d;
    auto catalogue = Catalogue::load(catalogue_path(env.data_dir, lang), lang, d);
    std::string bytes;
    if (catalogue) bytes = docx_import::template_docx(*profile, *catalogue, env, target.generic_string(), d);
    for (const auto& x : d.all()) err << x.str() << '\n';
    if (bytes.empty()) {
      status = kExitContent;
      continue;
    }
    std::string why;
    if (!replace_file(target, bytes, why)) {
      err << "renaksi template: " << printable(why) << '\n';
      status = kExitContent;
      continue;
    }
    out << printable(target.generic_string()) << ": the " << profile->id << " commitment template in " << lang << '\n';
  }
  return status;
}

}  // namespace renaksi
