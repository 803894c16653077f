// A plan's downloads, copied into the site.
#include "emit/html/downloads.h"

#include "emit/html/urls.h"

namespace renaksi::html {

std::vector<Download> collect_downloads(const Site& site, const SitePlan& p, const std::vector<std::string>& editions,
                                        const Outputs& plan_outputs) {
  std::vector<Download> out;
  const std::string& id = p.plan->id;
  auto take = [&](const std::string& kind, const std::string& format, const std::string& name) {
    const std::string* bytes = plan_outputs.find(id + "/" + name);
    if (!bytes) return;
    Download d{kind, format, urls::file(p.slug, name), bytes->size()};
    site.add_file(d.site_path, *bytes);
    out.push_back(std::move(d));
  };
  for (const auto& e : editions) take(e, "PDF", id + "." + e + ".pdf");
  // The Word editions, one per language, for editors in ministries and civil society.
  for (const auto& e : editions)
    if (e != "bilingual") take(e, "DOCX", id + "." + e + ".docx");
  take("ogp", "XML", id + ".ogp.xml");
  return out;
}

}  // namespace renaksi::html
