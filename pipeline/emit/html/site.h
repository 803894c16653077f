// The archive website: every plan of the archive as static pages under site/ in the build's
// outputs (home page per language, a page per plan and per commitment, the organisations
// index, search, sitemap.xml), rendered from each plan's composed documents. Built in two
// parts, so that a build holds one plan at a time: each plan's own pages from that plan alone
// (`emit_plan_site`, which returns the plan's small summary), then the archive's own pages from
// every plan's summary (`emit_archive_site`). `emit_site` does both in one call.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "doc/document.h"
#include "locale/locale.h"
#include "diag/diagnostic.h"
#include "emit/html/site_summary.h"
#include "output/outputs.h"

namespace renaksi::html {

struct SiteOptions {
  std::filesystem::path layouts_dir;  // layouts/html: page.html, site.css, search.js
  std::string site_url;  // where site/ is served ("https://…/"); empty: not known, no absolute links
  // The build's date (SOURCE_DATE_EPOCH, else the build's time), shown on every page; none: not shown.
  std::optional<std::chrono::year_month_day> built = std::nullopt;
};

// The plan's folder on the site: its id (unique in an archive, B001), unless the id is one of
// the site's own folders beside it (`search` -> `plan-search`). A function of the id alone.
std::string plan_slug(const std::string& plan_id);

// Makes the transliterator every slug of the site goes through, once for the process (ICU
// compiles its rules: some 15 ms), if it is not made yet. The build calls it beside Pandoc, so
// that a plan's pages do not wait for it.
void prepare_slugs();

// The languages whose catalogues a plan's pages need: the plan's, as declared.
std::vector<std::string> plan_languages(const std::vector<doc::Document>& documents);

// Writes one plan's own pages (its plan page and commitment pages in each of its languages)
// and its downloads into `out`, the plan's own outputs, which already hold its artifacts (PDF,
// DOCX, OGP XML): they are offered as site/files/<plan>/… with Outputs::add_copy, never read.
// `locales` holds the site catalogues of the plan's languages (`plan_languages`). The pages
// depend only on this plan, `locales` and `options`, not on the other plans of the archive.
// Checks the links of those pages that stay inside the plan; the others are kept in the
// summary for `emit_archive_site`. Returns the plan's summary, or nullopt after errors (H001,
// H002).
std::optional<SitePlanSummary> emit_plan_site(const std::vector<doc::Document>& documents, Outputs& out,
                                              const Locales& locales, const SiteOptions& options, Diagnostics& diags);

// The archive's languages: each plan's administrative language first (plans newest first), then
// the others.
std::vector<std::string> site_languages(const std::vector<SitePlanSummary>& plans);

// Writes the archive's own pages into `out` under "site/": the language page, each language's
// home page, organisations index and search page, the search index, sitemap.xml and the
// template's assets, from every plan's summary (in any order: the site lists them newest
// first). `locales` holds every site language (`site_languages`). Checks every link of these
// pages, and every link of a plan's pages that leaves the plan, against the archive's pages.
// Warns (H003) of a plan whose folder is not its id. Returns false (with H001, H002 or H003
// errors) when the site cannot be built whole.
bool emit_archive_site(const std::vector<SitePlanSummary>& plans, const Locales& locales, const SiteOptions& options,
                       Outputs& out, Diagnostics& diags);

// One plan as `emit_site` takes it: its composed editions (the site reads nothing else of the
// plan) and the files its build offers.
struct SitePlanSource {
  const std::vector<doc::Document>* documents = nullptr;  // its editions (compose)
  const Outputs* outputs = nullptr;  // the plan's own files (PDFs, DOCX, OGP XML); may be null
};

// Every site language of `plans`, for loading the catalogues `emit_site` needs.
std::vector<std::string> site_languages(const std::vector<SitePlanSource>& plans);

// The whole site in one call (tests, and builds that hold every plan in memory): each plan's
// pages, then the archive's, all into `out` under "site/". The plans' downloads are copied from
// their own `outputs` (the one place the site reads bytes; `emit_plan_site` offers them from the
// outputs it writes to). `locales` must hold every site language. Returns false (with H001, H002 or H003 errors in
// `diags`) when the site cannot be built whole.
bool emit_site(const std::vector<SitePlanSource>& plans, const Locales& locales, const SiteOptions& options,
               Outputs& out, Diagnostics& diags);

}  // namespace renaksi::html
