// The archive website: plans in, pages out.
#include "emit/html/site.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "emit/html/downloads.h"
#include "env/read_file.h"
#include "emit/html/link_check.h"
#include "emit/html/pages.h"
#include "emit/html/search_index.h"
#include "emit/html/sitemap.h"
#include "emit/html/slug.h"
#include "emit/html/urls.h"

namespace renaksi::html {

namespace fs = std::filesystem;

namespace {

// The site's own files (CSS, scripts) are read like content: bounded, never from a FIFO.
bool read_file(const fs::path& file, std::string& out) { return static_cast<bool>(renaksi::read_file(file, out)); }

std::string year_of(const std::string& iso_date) { return iso_date.substr(0, 4); }

}  // namespace

const doc::Chapter* SitePlan::chapter(const std::string& lang, doc::Chapter::Kind kind, int number) const {
  auto it = docs.find(lang);
  return it == docs.end() ? nullptr : it->second->chapter(kind, number);
}

std::string Site::plan_short(const SitePlan& p, const std::string& lang) const {
  if (p.facts->number > 0) return msg(lang, "site.plan_short", {{"number", static_cast<long long>(p.facts->number)}});
  return msg(lang, "site.plan_short_period", {{"from", year_of(p.facts->start)}, {"to", year_of(p.facts->end)}});
}

void Site::add_file(const std::string& path, std::string bytes) const { out->add("site/" + path, std::move(bytes)); }

std::vector<std::string> site_languages(const std::vector<SitePlanSource>& plans) {
  std::vector<std::string> out;
  auto add = [&](const std::string& l) {
    if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
  };
  auto languages = [](const SitePlanSource& p) {
    return p.documents->empty() ? std::vector<doc::Language>{} : p.documents->front().facts.languages;
  };
  for (const auto& p : plans)
    for (const auto& l : languages(p))
      if (l.administrative) add(l.code);
  for (const auto& p : plans)
    for (const auto& l : languages(p)) add(l.code);
  return out;
}

bool emit_site(const std::vector<SitePlanSource>& sources, const Locales& locales, const SiteOptions& options,
               Outputs& out, Diagnostics& diags) {
  PageTemplate tpl;
  if (!tpl.load(options.layouts_dir, diags)) return false;
  std::string search_js;
  if (!read_file(options.layouts_dir / "search.js", search_js)) {
    diags.error(Code::H001, {(options.layouts_dir / "search.js").generic_string(), 0, 0}, "the site's search script cannot be read");
    return false;
  }

  Site site;
  site.locales = &locales;
  site.tpl = &tpl;
  site.site_url = options.site_url;
  site.out = &out;
  site.langs = site_languages(sources);
  for (const auto& l : site.langs)
    if (!locales.count(l)) return false;  // its catalogue failed to load: already an error
  if (site.langs.empty()) return true;

  const Slugger slugger;
  std::vector<const SitePlanSource*> order;
  for (const auto& s : sources)
    if (!s.documents->empty()) order.push_back(&s);
  auto facts = [](const SitePlanSource* s) -> const doc::Facts& { return s->documents->front().facts; };
  auto id = [](const SitePlanSource* s) -> const std::string& { return s->documents->front().plan_id; };
  // Newest first: by start date (ISO text sorts as dates do), then by id.
  std::stable_sort(order.begin(), order.end(), [&](const SitePlanSource* a, const SitePlanSource* b) {
    if (facts(a).start != facts(b).start) return facts(a).start > facts(b).start;
    return id(a) < id(b);
  });
  // A plan's folder is its id (already [a-z0-9-] by the schema), kept clear of the site's
  // own folders beside it. Two plans with one id never get here (B001 in driver/archive.cpp);
  // H003 is for an id that cannot be its own address (`search` becomes `plan-search`) and
  // then meets another plan's.
  std::vector<std::string> plan_slugs;
  for (const auto* s : order) {
    std::string slug = slugger.slug(id(s));
    if (slug.empty() || slug == "search" || slug == "organisations") slug = "plan-" + slug;
    plan_slugs.push_back(slug);
  }
  std::vector<std::string> unique_slugs = plan_slugs;
  make_unique(unique_slugs);
  for (size_t i = 0; i < order.size(); ++i) {
    const SitePlanSource& src = *order[i];
    SitePlan p;
    p.facts = &facts(&src);
    p.id = id(&src);
    p.slug = unique_slugs[i];
    if (p.slug != p.id)
      diags.warning(Code::H003, p.facts->loc,
                    "plan '" + p.id + "' cannot have the address " + p.id + "/ on the site; its pages are under " + p.slug +
                        "/");
    for (const auto& d : *src.documents) {
      if (d.langs.size() == 1 && d.langs.front() == d.edition) {
        p.docs[d.edition] = &d;
        p.langs.push_back(d.edition);
      }
    }
    if (p.langs.empty()) continue;
    std::vector<std::string> slugs;
    const auto& commitments = p.facts->commitments;
    for (const auto& c : commitments) slugs.push_back(commitment_slug(slugger, c.number, c.id));
    make_unique(slugs);
    for (size_t k = 0; k < slugs.size(); ++k) p.commitment_slugs[commitments[k].number] = slugs[k];
    static const Outputs kNone;
    p.downloads = collect_downloads(site, p, src.outputs ? *src.outputs : kNone);
    site.plans.push_back(std::move(p));
  }

  for (const auto& name : tpl.assets()) {
    std::string bytes;
    if (read_file(options.layouts_dir / name, bytes)) site.add_file(urls::asset(name), std::move(bytes));
  }
  site.add_file(urls::asset("search.js"), std::move(search_js));

  write_language_page(site);
  for (const auto& lang : site.langs) {
    write_home_page(site, lang);
    write_organisations_page(site, lang);
    write_search_page(site, lang);
  }
  for (const auto& p : site.plans)
    for (const auto& lang : p.langs) {
      write_plan_page(site, p, lang);
      write_commitment_pages(site, p, lang);
    }
  site.add_file(urls::asset("search-index.js"), search_index_js(site));
  site.add_file("sitemap.xml", sitemap_xml(site.site_url, site.pages));

  bool ok = true;
  for (const auto& b : broken_links(out, "site/")) {
    diags.error(Code::H002, {"site/" + b.page, 0, 0}, "the link '" + b.href + "' is broken: " + b.why);
    ok = false;
  }
  return ok;
}

}  // namespace renaksi::html
