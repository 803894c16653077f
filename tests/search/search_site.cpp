// Writes only the site of an archive (plans loaded and composed, no PDF or Word editions), for
// the search test on a synthetic archive of many plans (tests/browser/search_archive.test.mjs).
//
//   search_site CONTENT_DIR OUT_DIR
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "driver/pipeline.h"
#include "emit/html/site.h"
#include "publish/publish.h"

using namespace renaksi;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: search_site CONTENT_DIR OUT_DIR\n");
    return 2;
  }
  Env env = Env::from_environment();
  env.pandoc_timeout = std::chrono::minutes(10);
  ArchiveBuild a = build_archive(argv[1], env, {.stop_after = "compose"});
  if (a.error_count() > 0) {
    for (const auto& p : a.plans)
      for (const auto& d : p->diags.all())
        if (d.severity == Severity::Error) std::cerr << d.str() << '\n';
    return 1;
  }
  std::vector<html::SitePlanSource> sources;
  for (const auto& p : a.plans) sources.push_back({&p->documents, &p->outputs});
  Diagnostics diags;
  Locales locales;
  for (const auto& lang : html::site_languages(sources))
    if (auto c = Catalogue::load(catalogue_path(env.data_dir, lang), lang, diags))
      locales[lang] = std::make_unique<Locale>(lang, std::move(*c));
  Outputs out;
  const bool ok = html::emit_site(sources, locales, {env.data_dir / "layouts" / "html", env.site_url, {}}, out, diags) &&
                  !diags.has_errors() && publish(out, argv[2], diags) && !diags.has_errors();
  for (const auto& d : diags.all())
    if (d.severity == Severity::Error) std::cerr << d.str() << '\n';
  return ok ? 0 : 1;
}
