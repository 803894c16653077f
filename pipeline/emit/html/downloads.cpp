// A plan's downloads, offered again in the site.
#include "emit/html/downloads.h"

#include "emit/html/urls.h"

namespace renaksi::html {

std::vector<Download> collect_downloads(Site& site, const SitePlan& p) {
  std::vector<Download> out;
  if (!site.plan_files) return out;
  const std::vector<Artifact> artifacts = site.plan_files->artifacts();  // a copy: adding files may grow the list
  for (const Artifact& a : artifacts) {
    if (a.plan_id != p.id) continue;
    const std::optional<size_t> bytes = site.plan_files->size_of(a.path());
    if (!bytes) continue;
    Download d{a, urls::file(p.slug, a.file_name()), *bytes};
    if (!site.add_copy(d.site_path, a.path())) continue;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace renaksi::html
