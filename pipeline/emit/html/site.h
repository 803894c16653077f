// The archive website: every plan of the archive as static pages under site/ in the build's
// outputs (home page per language, a page per plan and per commitment, the organisations
// index, search, sitemap.xml), rendered from each plan's composed documents.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "doc/document.h"
#include "locale/locale.h"
#include "diag/diagnostic.h"
#include "output/outputs.h"

namespace renaksi::html {

// One plan as the site takes it: its composed editions (the site reads nothing else of the
// plan) and the files its build offers.
struct SitePlanSource {
  const std::vector<doc::Document>* documents = nullptr;  // its editions (compose)
  const Outputs* outputs = nullptr;  // the plan's own files (PDFs, DOCX, OGP XML); may be empty
};

struct SiteOptions {
  std::filesystem::path layouts_dir;  // layouts/html: page.html, site.css, search.js
  std::string site_url;               // where site/ is served, for sitemap.xml
};

// The archive's languages: each plan's administrative language first (in plan order), then
// the others.
std::vector<std::string> site_languages(const std::vector<SitePlanSource>& plans);

// Writes the site into `out` under "site/". `locales` must hold every site language. Returns
// false (with H001 or H002 errors in `diags`) when the site cannot be built whole.
bool emit_site(const std::vector<SitePlanSource>& plans, const Locales& locales, const SiteOptions& options,
               Outputs& out, Diagnostics& diags);

}  // namespace renaksi::html
