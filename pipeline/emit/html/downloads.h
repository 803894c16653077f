// A plan's downloads: the files other passes wrote for it (the PDF editions
// "<plan-id>/<plan-id>.<edition>.pdf", the OGP submission "<plan-id>/<plan-id>.ogp.xml"),
// copied into the site (site/files/<plan>/...) so that the site folder stands on its own.
// Only the files that exist are listed: a build without them gives a site without downloads.
#pragma once

#include <string>
#include <vector>

#include "emit/html/site_context.h"

namespace renaksi::html {

// Finds the plan's files in `plan_outputs`, in edition order then the OGP XML, and copies
// each into `site` under files/<site_plan.slug>/.
std::vector<Download> collect_downloads(const Site& site, const SitePlan& plan, const std::vector<std::string>& editions,
                                        const Outputs& plan_outputs);

}  // namespace renaksi::html
