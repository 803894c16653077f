// The index of organisations of the whole archive: every organisation a plan names, sorted by
// the page language's collation, with the commitments it leads, supports or takes part in.
// Built from each plan's composed facts (names, sector and role labels already formatted, and
// the commitments each one is named by); an organisation named by several plans (the same id)
// is one entry.
#include <algorithm>
#include <map>

#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/urls.h"

namespace renaksi::html {

namespace {

struct Mention {
  const SitePlanSummary* plan;
  std::string link_lang;  // the language of the commitment page linked to
  int number;
  std::string label;      // "10. Quality improvement ..."
};

struct Entry {
  std::string id;
  std::string name;
  std::string name_lang;
  std::string sector;
  std::vector<std::pair<std::string, std::vector<Mention>>> roles;  // role label -> mentions, in order met
};

}  // namespace

void write_organisations_page(Site& site, const ArchivePlans& plans, const std::string& lang) {
  std::map<std::string, Entry> entries;
  for (const SitePlanSummary* p : plans) {  // newest first: its names win
    const SitePlanSummary::Edition& edition = p->edition_for(lang);
    const std::string& l = edition.lang;
    for (const auto& o : edition.organisations) {
      Entry& e = entries[o.anchor];
      if (e.id.empty()) {
        e.id = o.anchor;
        e.name = o.name;
        e.name_lang = l;
      }
      if (e.sector.empty()) e.sector = o.sector;
      for (const auto& r : o.roles) {
        auto it = std::find_if(e.roles.begin(), e.roles.end(), [&](const auto& x) { return x.first == r.role; });
        if (it == e.roles.end()) it = e.roles.insert(e.roles.end(), {r.role, {}});
        for (const auto& [number, label] : r.mentions)
          if (!p->commitment_slug(number).empty()) it->second.push_back({p, l, number, label});
      }
    }
  }
  std::vector<const Entry*> sorted;
  for (const auto& [id, e] : entries) sorted.push_back(&e);
  const Locale& loc = site.loc(lang);
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Entry* a, const Entry* b) { return loc.less(a->name, b->name); });

  const PageInfo info = archive_page(site, lang, &urls::organisations, site.msg(lang, "chapter.index"),
                                     site.msg(lang, "site.organisations_intro"), Section::Organisations);
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };
  element_text(main, "h1", info.title);
  element_text(main, "p", info.description, {{"class", "lead"}});
  element_text(main, "p", site.msg(lang, "site.organisation_count", {{"count", static_cast<long long>(sorted.size())}}),
               {{"class", "meta"}});
  xmlNode* list = element(main, "div", {{"class", "org-list"}});
  for (const Entry* e : sorted) {
    xmlNode* s = element(list, "section", {{"class", "org"}, {"id", e->id}, {"aria-labelledby", e->id + "-name"}});
    if (e->name_lang != lang) set_attr(s, "lang", e->name_lang);
    element_text(s, "h2", e->name, {{"id", e->id + "-name"}});
    if (!e->sector.empty()) element_text(s, "p", e->sector, {{"class", "meta"}});
    xmlNode* dl = element(s, "dl", {{"class", "roles"}});
    for (const auto& [role, mentions] : e->roles) {
      if (mentions.empty()) continue;
      xmlNode* row = element(dl, "div");
      element_text(row, "dt", role);
      xmlNode* ul = element(element(row, "dd"), "ul");
      for (const auto& m : mentions) {
        xmlNode* li = element(ul, "li");
        element_text(li, "a", m.label,
                     {{"href", rel(urls::commitment(m.link_lang, m.plan->slug, m.plan->commitment_slug(m.number)))}});
        element_text(li, "span", " \u00b7 " + site.plan_short(*m.plan, lang), {{"class", "meta"}});
      }
    }
  }
  end_page(site, page);
}

}  // namespace renaksi::html
