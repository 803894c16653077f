// The index of organisations of the whole archive: every organisation a plan names, sorted by
// the page language's collation, with the commitments it leads, supports or takes part in.
// Built from each plan's composed index chapter (names, sector and role labels already
// formatted); an organisation named by several plans (the same id) is one entry.
#include <algorithm>
#include <map>

#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/urls.h"

namespace renaksi::html {

namespace {

struct Mention {
  const SitePlan* plan;
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

// "#commitment-10" -> 10, or 0.
int commitment_number(const std::string& url) {
  const std::string prefix = "#commitment-";
  if (!url.starts_with(prefix)) return 0;
  try {
    return std::stoi(url.substr(prefix.size()));
  } catch (...) {
    return 0;
  }
}

}  // namespace

void write_organisations_page(Site& site, const std::string& lang) {
  std::map<std::string, Entry> entries;
  for (const auto& p : site.plans) {  // newest first: its names win
    const std::string& l = p.lang_for(lang);
    const doc::Chapter* index = p.chapter(l, doc::Chapter::Kind::Index);
    if (!index) continue;
    for (const auto& b : index->blocks) {
      if (b.kind != doc::Block::Kind::Fields || !b.anchor.starts_with("org-") || b.parts.empty()) continue;
      const doc::Part& part = b.parts.front();
      Entry& e = entries[b.anchor];
      if (e.id.empty()) {
        e.id = b.anchor;
        e.name = prose::plain_text(part.text);
        e.name_lang = l;
      }
      for (const auto& row : part.fields) {
        if (row.value.empty()) {  // the sector: a label without a value
          if (e.sector.empty()) e.sector = row.label;
          continue;
        }
        auto it = std::find_if(e.roles.begin(), e.roles.end(), [&](const auto& r) { return r.first == row.label; });
        if (it == e.roles.end()) it = e.roles.insert(e.roles.end(), {row.label, {}});
        for (const auto& i : row.value)
          if (i.kind == prose::Inline::Kind::Link)
            if (int n = commitment_number(i.url); n > 0 && p.commitment_slugs.count(n))
              it->second.push_back({&p, l, n, prose::plain_text(i.children)});
      }
    }
  }
  std::vector<const Entry*> sorted;
  for (const auto& [id, e] : entries) sorted.push_back(&e);
  const Locale& loc = site.loc(lang);
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Entry* a, const Entry* b) { return loc.less(a->name, b->name); });

  PageInfo info;
  info.path = urls::organisations(lang);
  info.lang = lang;
  info.title = site.msg(lang, "chapter.index");
  info.description = site.msg(lang, "site.organisations_intro");
  info.section = Section::Organisations;
  info.alternates = alternates_of(site, nullptr, lang, [](const std::string& l) { return urls::organisations(l); });
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
                     {{"href", rel(urls::commitment(m.link_lang, m.plan->slug, m.plan->commitment_slugs.at(m.number)))}});
        element_text(li, "span", " \u00b7 " + site.plan_short(*m.plan, lang), {{"class", "meta"}});
      }
    }
  }
  end_page(site, page);
}

}  // namespace renaksi::html
