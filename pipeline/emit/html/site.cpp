// The archive website: each plan's pages from the plan alone, then the archive's pages from
// every plan's summary.
#include "emit/html/site.h"

#include <algorithm>
#include <cstdio>
#include <future>
#include <map>
#include <system_error>
#include <set>

#include <nlohmann/json.hpp>

#include "emit/html/data_links.h"
#include "emit/html/downloads.h"
#include "emit/html/link_check.h"
#include "emit/html/pages.h"
#include "emit/html/progress_html.h"
#include "emit/html/search_index.h"
#include "emit/html/search_shards.h"
#include "emit/html/sitemap.h"
#include "emit/html/slug.h"
#include "emit/html/urls.h"
#include "env/parallel.h"
#include "env/read_file.h"

#include <nlohmann/json.hpp>

namespace renaksi::html {

namespace fs = std::filesystem;

namespace {

const std::string kPrefix = "site/";

std::string year_of(const std::string& iso_date) { return iso_date.substr(0, 4); }

// One transliterator for every plan of the process (building one takes milliseconds; it is
// safe to share between threads).
const Slugger& slugger() {
  static const Slugger s;
  return s;
}

bool load_template(const SiteOptions& options, PageTemplate& tpl, Diagnostics& diags) { return tpl.load(options.layouts_dir, diags); }

// The site's search script is read like content: bounded, never from a FIFO.
bool load_search_js(const SiteOptions& options, std::string& out, Diagnostics& diags) {
  if (renaksi::read_file(options.layouts_dir / "search.js", out)) return true;
  diags.error(Code::H001, {(options.layouts_dir / "search.js").generic_string(), 0, 0}, "the site's search script cannot be read");
  return false;
}

// OGP's commitment pages (layouts/html/ogp.json): none when the file is absent; an error when it
// is there but not an object of an https address with {member} and {id} and member names that
// are plain path segments.
bool load_ogp_links(const SiteOptions& options, OgpLinks& out, Diagnostics& diags) {
  const fs::path path = options.layouts_dir / "ogp.json";
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  std::string bytes;
  auto fail = [&](const std::string& why) {
    diags.error(Code::H001, {path.generic_string(), 0, 0}, "OGP's commitment addresses cannot be used: " + why);
    return false;
  };
  if (!renaksi::read_file(path, bytes)) return fail("the file cannot be read");
  const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
  if (!j.is_object() || !j.contains("commitment") || !j["commitment"].is_string() || !j.contains("members") ||
      !j["members"].is_object())
    return fail("it needs \"commitment\" (an address) and \"members\" (country code -> member name)");
  out.commitment = j["commitment"].get<std::string>();
  if (out.commitment.rfind("https://", 0) != 0 || out.commitment.find("{member}") == std::string::npos ||
      out.commitment.find("{id}") == std::string::npos)
    return fail("\"commitment\" is not an https address with {member} and {id}");
  for (const auto& [country, member] : j["members"].items()) {
    const std::string name = member.is_string() ? member.get<std::string>() : std::string();
    const bool plain = !name.empty() && name.size() <= 100 && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!plain) return fail("the member name of '" + country + "' is not [a-z0-9-]");
    out.members[country] = name;
  }
  return true;
}

void report(const std::vector<BrokenLink>& broken, Diagnostics& diags) {
  for (const auto& b : broken)
    diags.error(Code::H002, {kPrefix + b.page, 0, 0}, "the link '" + b.href + "' is broken: " + b.why);
}

// Newest first: by start date (ISO text sorts as dates do), then by id.
bool newer(const SitePlanSummary* a, const SitePlanSummary* b) {
  if (a->start != b->start) return a->start > b->start;
  return a->id < b->id;
}

struct PlanSiteResult {
  std::optional<SitePlanSummary> summary;  // null: the plan has no editions, or a catalogue is missing
  bool ok = true;                          // false: its pages have broken links
};

// The summary's record of the plan's links: those inside the plan are checked here, the others
// kept for the archive, with the ids of the plan's pages that its links point at.
bool check_plan_links(const Site& site, const SitePlan& p, SitePlanSummary& s, Diagnostics& diags) {
  auto inside = [&](const std::string& path) {
    if (site.files.count(path) || path.starts_with(urls::file(p.slug, ""))) return true;
    return std::any_of(p.langs.begin(), p.langs.end(),
                       [&](const std::string& l) { return path.starts_with(l + "/" + p.slug + "/"); });
  };
  LinkTargets here;
  here.files = site.files;
  for (const auto& [page, links] : site.links) here.ids[page] = links.ids;

  std::map<std::string, size_t> page_index;
  for (size_t i = 0; i < s.pages.size(); ++i) page_index[s.pages[i]] = i;
  std::map<std::string, std::set<std::string>> linked;  // page -> ids its plan's links point at
  std::map<std::string, SitePlanSummary::OutLink> out;  // target -> the links to it
  std::vector<BrokenLink> broken;
  for (const auto& [page, links] : site.links)
    for (const auto& href : links.hrefs) {
      const LinkTarget t = link_target(page, href);
      if (t.kind == LinkTarget::Kind::Broken) broken.push_back({page, href, t.why});
      if (t.kind != LinkTarget::Kind::File) continue;
      if (inside(t.path)) {
        if (std::string why = why_broken(here, t.path, t.fragment, kPrefix); !why.empty())
          broken.push_back({page, href, std::move(why)});
        else if (!t.fragment.empty())
          linked[t.path].insert(t.fragment);
        continue;
      }
      const std::string target = t.path + (t.fragment.empty() ? "" : "#" + t.fragment);
      SitePlanSummary::OutLink& l = out[target];
      l.target = target;
      l.from.emplace_back(page_index.at(page), href == urls::relative(page, target) ? std::string() : href);
    }
  for (size_t i = 0; i < s.pages.size(); ++i)
    if (auto it = linked.find(s.pages[i]); it != linked.end())
      s.anchors.emplace_back(i, std::vector<std::string>(it->second.begin(), it->second.end()));
  for (auto& [target, l] : out) s.links_out.push_back(std::move(l));
  report(broken, diags);
  return broken.empty();
}

// What every page shows of the build: the site's address and the build's date in each language.
void set_identity(Site& site, const SiteOptions& options) {
  site.site_url = options.site_url;
  if (!options.built) return;
  const std::chrono::year_month_day d = *options.built;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  site.built_iso = iso;
  for (const auto& l : site.langs) site.built[l] = site.loc(l).date(d);
}

// A plan's pages in each of its languages (its plan page, commitment pages and appendix pages),
// each language on a thread of its own: a 240-commitment plan's 482 pages took 0.66 s on one
// core while the other waited. A language's pages read only the plan, the template and the
// catalogues (whose messages are safe to format from several threads; dates and numbers are
// formatted only in the page's own language, each language's locale by its own thread), and go
// into a Site of their own, beside `site`'s outputs; they are taken in after, in the languages'
// order, so the pages, their links and files are listed as one thread would list them.
// Each language's search data is made on its thread too (its word list and its commitments'
// search files, written with its pages): made on one thread after the pages, and each
// commitment's text gathered twice, it made a 240-commitment plan's pages step 467 ms where it
// is now 250 ms (one build each).
std::vector<EditionSearch> write_pages_by_language(Site& site, const SitePlan& p) {
  std::vector<EditionSearch> search(p.langs.size());
  std::vector<Site> by_lang(p.langs.size(), site);
  std::vector<Outputs> outputs(p.langs.size());
  for (size_t k = 0; k < by_lang.size(); ++k) {
    outputs[k] = site.out->beside();
    by_lang[k].out = &outputs[k];
    by_lang[k].pages.clear();
    by_lang[k].links.clear();
    by_lang[k].files.clear();
  }
  run_each_on_a_thread(p.langs.size(), [&](size_t k) {
    write_plan_page(by_lang[k], p, p.langs[k]);
    write_commitment_pages(by_lang[k], p, p.langs[k]);
    write_appendix_pages(by_lang[k], p, p.langs[k]);
    search[k] = edition_search(p, p.langs[k]);
    for (auto& [path, js] : search[k].files) by_lang[k].add_file(path, std::move(js));
    search[k].files.clear();
    return true;
  });
  for (size_t k = 0; k < by_lang.size(); ++k) {
    Site& written = by_lang[k];
    site.pages.insert(site.pages.end(), written.pages.begin(), written.pages.end());
    site.links.merge(written.links);
    site.files.merge(written.files);
    site.out->absorb(std::move(outputs[k]));
  }
  return search;
}

PlanSiteResult plan_site(const std::vector<doc::Document>& documents, const Outputs* plan_files, Outputs& out,
                         const Locales& locales, const PageTemplate& tpl, const OgpLinks& ogp, const SiteOptions& options,
                         Diagnostics& diags) {
  PlanSiteResult r;
  if (documents.empty()) return r;
  const doc::Facts& facts = documents.front().facts;
  for (const auto& l : facts.languages)
    if (!locales.count(l.code)) {  // its catalogue failed to load: already an error
      r.ok = false;
      return r;
    }

  SitePlan p;
  p.facts = &facts;
  p.id = documents.front().plan_id;
  p.slug = plan_slug(p.id);  // the archive's part warns (H003) when it is not the id
  for (const auto& d : documents)
    if (d.langs.size() == 1 && d.langs.front() == d.edition) {
      p.docs[d.edition] = &d;
      p.langs.push_back(d.edition);
    }

  SitePlanSummary& s = r.summary.emplace();
  s.id = p.id;
  s.loc = facts.loc;
  s.slug = p.slug;
  s.start = facts.start;
  s.end = facts.end;
  s.number = facts.number;
  s.country = facts.country;
  s.final_stage = facts.final_stage;
  s.stage = facts.stage;
  for (const auto& l : facts.languages) s.languages.emplace_back(l.code, l.administrative);
  if (p.langs.empty()) return r;  // no edition of one language: no pages

  std::vector<std::string> slugs;
  for (const auto& c : facts.commitments) slugs.push_back(commitment_slug(slugger(), c.number, c.id));
  make_unique(slugs);
  for (size_t k = 0; k < slugs.size(); ++k) {
    p.commitment_slugs[facts.commitments[k].number] = slugs[k];
    s.commitment_slugs.emplace_back(facts.commitments[k].number, slugs[k]);
  }

  Site site;
  site.langs = p.langs;
  site.locales = &locales;
  site.tpl = &tpl;
  site.out = &out;
  site.plan_files = plan_files;
  site.footer_country = facts.country;
  site.ogp = &ogp;
  for (const auto& l : p.langs) site.footer_issuer[l] = p.facts_in(l).issuer_name;
  set_identity(site, options);
  p.downloads = collect_downloads(site, p);
  for (const auto& d : p.downloads) s.downloads.push_back(d.site_path);
  use_plan_data(site, p);
  std::vector<EditionSearch> search = write_pages_by_language(site, p);
  s.pages = site.pages;

  for (size_t k = 0; k < p.langs.size(); ++k) {
    const std::string& l = p.langs[k];
    const doc::Document& d = *p.docs.at(l);
    const doc::Front& f = d.front_for(l);
    SitePlanSummary::Edition e;
    e.lang = l;
    e.title = f.title;
    e.plan_line = f.plan_line;
    e.period = f.period;
    e.stage = f.stage;
    e.commitments = f.commitments;
    e.progress = progress_line(site, d.facts.progress, l);
    e.issuer = d.facts.issuer_name;
    e.issuer_url = d.facts.issuer_url;
    for (const auto& o : d.facts.organisations) {
      SitePlanSummary::Organisation org{o.anchor, o.name, o.sector, o.sector_id, o.url, {}};
      for (const auto& role : o.roles) {
        SitePlanSummary::Role sr{role.role, {}};
        for (const auto& m : role.commitments)
          if (p.commitment_slugs.count(m.number)) sr.mentions.emplace_back(m.number, m.label);
        org.roles.push_back(std::move(sr));
      }
      e.organisations.push_back(std::move(org));
    }
    e.search = std::move(search[k].entries);
    e.words = PackedText(search[k].words);
    s.editions.push_back(std::move(e));
  }
  r.ok = check_plan_links(site, p, s, diags);
  return r;
}

bool archive_site(const std::vector<SitePlanSummary>& summaries, const Locales& locales, const PageTemplate& tpl,
                  std::string search_js, const SiteOptions& options, Outputs& out,
                  Diagnostics& diags) {
  std::vector<const SitePlanSummary*> order;
  for (const auto& s : summaries) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(), newer);

  Site site;
  site.locales = &locales;
  site.tpl = &tpl;
  site.out = &out;
  site.langs = site_languages(summaries);
  for (const auto& l : site.langs)
    if (!locales.count(l)) return false;  // its catalogue failed to load: already an error
  if (site.langs.empty()) return true;

  ArchivePlans plans;
  for (const auto* s : order)
    if (!s->editions.empty()) plans.push_back(s);
  // A plan's folder is a function of its id alone, so two ids can meet at one address (`search`
  // moves to plan-search/, which is another plan's id): their pages would overwrite each other.
  // Reported here, not by the plan's part, so that a plan taken from a cache still says it.
  bool ok = true;
  {
    std::map<std::string, const SitePlanSummary*> by_slug;
    for (const auto* s : plans) {
      if (s->slug != s->id)
        diags.warning(Code::H003, s->loc,
                      "plan '" + s->id + "' cannot have the address " + s->id + "/ on the site; its pages are under " +
                          s->slug + "/");
      auto [it, fresh] = by_slug.emplace(s->slug, s);
      if (fresh) continue;
      diags.error(Code::H003, s->loc,
                  "plans '" + it->second->id + "' and '" + s->id + "' would both have the address " + s->slug +
                      "/ on the site");
      ok = false;
    }
  }
  if (!plans.empty()) {
    const SitePlanSummary& newest = *plans.front();
    site.footer_country = newest.country;
    for (const auto& l : site.langs) site.footer_issuer[l] = newest.edition_for(l).issuer;
  }
  set_identity(site, options);
  use_archive_data(site);

  for (const auto& name : tpl.assets()) {
    std::string bytes;
    if (renaksi::read_file(options.layouts_dir / name, bytes)) site.add_file(urls::asset(name), std::move(bytes));
  }
  site.add_file(urls::asset("search.js"), std::move(search_js));

  // The word index on a thread of its own, beside the pages: for a large archive the two are each
  // about half of this step (400 plans: the organisation pages of ~11 MB each against the index of
  // every commitment's words), and neither reads what the other writes. The index writes into a
  // Site and outputs of its own, taken into this one's once both are done.
  Outputs index_out = site.out->beside();
  Site index_site = site;
  index_site.out = &index_out;
  index_site.files.clear();
  using ShardKeys = std::map<std::string, std::vector<std::string>>;
  auto write_index = [&index_site, &plans] { return write_search_shards(index_site, plans); };
  std::future<ShardKeys> index;
  try {
    index = std::async(std::launch::async, write_index);
  } catch (const std::system_error&) {  // no thread to be had: after the pages, on this one
    index = std::async(std::launch::deferred, write_index);
  }

  write_language_page(site, plans);
  for (const auto& lang : site.langs) {
    write_home_page(site, plans, lang);
    write_organisations_page(site, plans, lang);
    write_search_page(site, plans, lang);
    write_about_page(site, plans, lang);
    write_not_found_page(site, lang);
  }
  write_not_found_page(site, "");
  const ShardKeys shard_keys = index.get();
  site.out->absorb(std::move(index_out));
  site.files.merge(index_site.files);
  site.add_file(urls::asset("search-index.js"), search_index_js(site, plans, shard_keys));
  // Sitemaps take absolute addresses only: without the site's address there is none.
  if (!options.site_url.empty()) {
    std::vector<std::string> pages = site.pages;
    for (const auto* p : plans) pages.insert(pages.end(), p->pages.begin(), p->pages.end());
    site.add_file("sitemap.xml", sitemap_xml(options.site_url, pages));
  }

  // The links of the archive's pages, and those of the plans' pages that leave their plan.
  LinkTargets targets;
  targets.files = site.files;
  for (const auto& [page, links] : site.links) targets.ids[page] = links.ids;
  for (const auto* p : plans) {
    for (const auto& page : p->pages) {
      targets.files.insert(page);
      targets.ids[page];  // a fragment no link of its plan points at is not known to be there
    }
    targets.files.insert(p->downloads.begin(), p->downloads.end());
    for (const auto& [i, ids] : p->anchors) targets.ids[p->pages[i]].insert(ids.begin(), ids.end());
  }
  std::vector<BrokenLink> broken = broken_links(site.links, targets, kPrefix);
  for (const auto* p : plans)
    for (const auto& l : p->links_out) {
      const size_t hash = l.target.find('#');
      const std::string path = l.target.substr(0, hash);
      const std::string fragment = hash == std::string::npos ? "" : l.target.substr(hash + 1);
      const std::string why = why_broken(targets, path, fragment, kPrefix);
      if (why.empty()) continue;
      for (const auto& [i, href] : l.from) {
        const std::string& page = p->pages[i];
        broken.push_back({page, href.empty() ? urls::relative(page, l.target) : href, why});
      }
    }
  std::stable_sort(broken.begin(), broken.end(), [](const BrokenLink& a, const BrokenLink& b) { return a.page < b.page; });
  report(broken, diags);
  return ok && broken.empty();
}

}  // namespace

const doc::Chapter* SitePlan::chapter(const std::string& lang, doc::Chapter::Kind kind, int number) const {
  auto it = docs.find(lang);
  return it == docs.end() ? nullptr : it->second->chapter(kind, number);
}

std::string Site::plan_short(int number, const std::string& start, const std::string& end, const std::string& lang) const {
  if (number > 0) return msg(lang, "site.plan_short", {{"number", static_cast<long long>(number)}});
  return msg(lang, "site.plan_short_period", {{"from", year_of(start)}, {"to", year_of(end)}});
}

void Site::add_file(const std::string& path, std::string bytes) {
  out->add(kPrefix + path, std::move(bytes));
  files.insert(path);
}

bool Site::add_copy(const std::string& path, const std::string& from) {
  if (plan_files == out) {
    if (!out->add_copy(kPrefix + path, from)) return false;
  } else {
    // Only emit_site, for plans held in memory whose files stay in their own outputs: the one
    // place the site reads a file's bytes.
    const std::string* bytes = plan_files ? plan_files->find(from) : nullptr;
    if (!bytes) return false;
    out->add(kPrefix + path, *bytes);
  }
  files.insert(path);
  return true;
}

std::string plan_slug(const std::string& plan_id) {
  // The id is already [a-z0-9-] by the schema; the slugger keeps the rule if it ever is not.
  std::string slug = slugger().slug(plan_id);
  if (slug.empty() || slug == "search" || slug == "organisations" || slug == "about") slug = "plan-" + slug;
  return slug;
}

void prepare_slugs() { (void)slugger(); }

std::vector<std::string> plan_languages(const std::vector<doc::Document>& documents) {
  std::vector<std::string> out;
  if (!documents.empty())
    for (const auto& l : documents.front().facts.languages) out.push_back(l.code);
  return out;
}

std::optional<SitePlanSummary> emit_plan_site(const std::vector<doc::Document>& documents, Outputs& out,
                                              const Locales& locales, const SiteOptions& options, Diagnostics& diags) {
  PageTemplate tpl;
  if (!load_template(options, tpl, diags)) return std::nullopt;
  OgpLinks ogp;
  if (!load_ogp_links(options, ogp, diags)) return std::nullopt;
  PlanSiteResult r = plan_site(documents, &out, out, locales, tpl, ogp, options, diags);
  if (!r.ok) return std::nullopt;
  if (!r.summary) return SitePlanSummary{};  // no editions: nothing to show
  return std::move(r.summary);
}

std::vector<std::string> site_languages(const std::vector<SitePlanSummary>& plans) {
  std::vector<const SitePlanSummary*> order;
  for (const auto& s : plans) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(), newer);
  std::vector<std::string> out;
  auto add = [&](const std::string& l) {
    if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
  };
  for (const auto* s : order)
    for (const auto& [code, admin] : s->languages)
      if (admin) add(code);
  for (const auto* s : order)
    for (const auto& [code, admin] : s->languages) add(code);
  return out;
}

bool emit_archive_site(const std::vector<SitePlanSummary>& plans, const Locales& locales, const SiteOptions& options,
                       Outputs& out, Diagnostics& diags) {
  PageTemplate tpl;
  if (!load_template(options, tpl, diags)) return false;
  std::string search_js;
  if (!load_search_js(options, search_js, diags)) return false;
  return archive_site(plans, locales, tpl, std::move(search_js), options, out, diags);
}

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
  if (!load_template(options, tpl, diags)) return false;
  std::string search_js;
  if (!load_search_js(options, search_js, diags)) return false;
  for (const auto& l : site_languages(sources))
    if (!locales.count(l)) return false;  // its catalogue failed to load: already an error
  OgpLinks ogp;
  if (!load_ogp_links(options, ogp, diags)) return false;

  bool ok = true;
  std::vector<SitePlanSummary> summaries;
  for (const auto& src : sources) {
    PlanSiteResult r = plan_site(*src.documents, src.outputs, out, locales, tpl, ogp, options, diags);
    ok = ok && r.ok;
    if (r.summary) summaries.push_back(std::move(*r.summary));
  }
  // After a plan's broken link the archive is still built, so that every broken link is found.
  return archive_site(summaries, locales, tpl, std::move(search_js), options, out, diags) &&
         ok;
}

}  // namespace renaksi::html
