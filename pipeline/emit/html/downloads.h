// A plan's downloads: the artifacts its build offers (output/artifact.h: the PDF editions, the
// Word editions, the OGP submission), offered again in the site (site/files/<plan>/...) so that
// the site folder stands on its own. Only the files that exist are listed: a build without them
// gives a site without downloads. Their bytes are never read: the outputs copy (or link) them.
#pragma once

#include <vector>

#include "emit/html/site_context.h"

namespace renaksi::html {

// The plan's artifacts in the site's outputs, in the order the build made them (the PDF
// editions, then the Word editions, then the submission), each offered under files/<plan.slug>/.
std::vector<Download> collect_downloads(Site& site, const SitePlan& plan);

}  // namespace renaksi::html
