// A plan's downloads, copied into the site.
#include "emit/html/downloads.h"

#include "emit/html/urls.h"

namespace renaksi::html {

std::vector<Download> collect_downloads(const Site& site, const SitePlan& p, const Outputs& plan_outputs) {
  std::vector<Download> out;
  for (const Artifact& a : plan_outputs.artifacts()) {
    const std::string* bytes = plan_outputs.find(a.path());
    if (!bytes || a.plan_id != p.id) continue;
    Download d{a, urls::file(p.slug, a.file_name()), bytes->size()};
    site.add_file(d.site_path, *bytes);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace renaksi::html
