// The site's open data as its pages announce it (docs/open-data.md): each page's
// <link rel="alternate" type="text/csv|application/json"> to its plan's tables (a plan's pages)
// or the archive's (every other page), and the home pages' link to the Atom feed. Only files
// the build wrote are linked, and each is known to the link check.
#pragma once

#include "emit/html/page_template.h"
#include "emit/html/site_context.h"

namespace renaksi::html {

struct PageInfo;

// The plan's open data files that `plan_files` holds (the data step wrote them), offered in
// `site` (copied when the plan's files are not the site's outputs) and linked from its pages;
// a progress report's titled by its period's dates in each of the plan's languages.
void use_plan_data(Site& site, const SitePlan& plan);

// The archive's open data files and feed that the site's outputs hold, linked from its pages.
void use_archive_data(Site& site);

// The page's alternate links to its data (start_page adds them).
void add_data_links(const Site& site, const PageInfo& info, Page& page);

}  // namespace renaksi::html
