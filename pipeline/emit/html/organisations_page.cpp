// The index of organisations of the whole archive: every organisation a plan names, sorted by
// the page language's collation and grouped by first letter (with a jump bar to the letters
// that have entries), each with its sector, its web address and the commitments it leads,
// supports or takes part in; and one such page per sector, the sector filter (plain links: it
// works without JavaScript). Built from each plan's composed facts (names, sector and role
// labels already formatted, and the commitments each one is named by); an organisation named
// by several plans (the same id) is one entry.
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
  std::string sector_id;
  std::string url;
  std::vector<std::pair<std::string, std::vector<Mention>>> roles;  // role label -> mentions, in order met
};

// A sector id that is safe as a folder of the site: [a-z-], as the model's ids are.
bool plain_id(const std::string& s) {
  return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

// A web address the page may link to: http or https, nothing that could break out of it.
bool web_address(const std::string& url) {
  std::string lower;
  for (char c : url.substr(0, 8)) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower.rfind("https://", 0) != 0 && lower.rfind("http://", 0) != 0) return false;
  return url.size() <= 2000 && std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == 0x7f;
  });
}

// The address as a reader reads it: without its scheme and a trailing slash.
std::string shown_address(const std::string& url) {
  std::string s = url.substr(url.find("://") + 3);
  if (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// The letter an entry is filed under: its first letter, upper case for ASCII; a name opening
// with a digit or a sign under "#".
std::string letter_of(const std::string& name) {
  if (name.empty()) return "#";
  const unsigned char c = static_cast<unsigned char>(name[0]);
  if (c >= 'a' && c <= 'z') return std::string(1, static_cast<char>(c - 'a' + 'A'));
  if (c >= 'A' && c <= 'Z') return std::string(1, static_cast<char>(c));
  if (c < 0x80) return "#";
  size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  return name.substr(0, std::min(len, name.size()));
}

// The id of a letter's group: "letter-A"; another script's letter by its bytes.
std::string letter_id(const std::string& letter) {
  if (letter == "#") return "letter-other";
  if (letter.size() == 1) return "letter-" + letter;
  static const char* hex = "0123456789abcdef";
  std::string id = "letter-u";
  for (unsigned char c : letter) {
    id += hex[c >> 4];
    id += hex[c & 15];
  }
  return id;
}

struct Sector {
  std::string id;
  std::string label;
  size_t count = 0;
};

// One page of the index: every entry (`sector` empty) or those of one sector.
void write_index_page(Site& site, const std::string& lang, const std::vector<const Entry*>& all,
                      const std::vector<Sector>& sectors, const Sector* sector) {
  std::vector<const Entry*> shown;
  for (const Entry* e : all)
    if (!sector || e->sector_id == sector->id) shown.push_back(e);

  PageInfo info = archive_page(site, lang, &urls::organisations, site.msg(lang, "chapter.index"),
                               site.msg(lang, "site.organisations_intro"), Section::Organisations);
  if (sector) {
    const std::string id = sector->id;
    info.path = urls::organisations_sector(lang, id);
    info.title = site.msg(lang, "site.organisations_in_sector", {{"sector", sector->label}});
    info.breadcrumb = {{site.msg(lang, "chapter.index"), urls::organisations(lang)}, {sector->label, ""}};
    info.alternates = alternates_of(site, nullptr, lang, [&](const std::string& l) { return urls::organisations_sector(l, id); });
  }
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };
  element_text(main, "h1", info.title);
  element_text(main, "p", info.description, {{"class", "lead"}});
  element_text(main, "p", site.msg(lang, "site.organisation_count", {{"count", static_cast<long long>(shown.size())}}),
               {{"class", "meta"}});

  // The sector filter: every sector's page, this one marked as the current.
  xmlNode* filter = element(main, "nav", {{"class", "sector-filter"}, {"aria-labelledby", "sector-filter-title"}});
  element_text(filter, "h2", site.msg(lang, "site.sector_filter"), {{"id", "sector-filter-title"}});
  xmlNode* ul = element(filter, "ul");
  auto filter_item = [&](const std::string& label, size_t count, const std::string& to, bool current) {
    xmlNode* a = element_text(element(ul, "li"), "a",
                              site.msg(lang, "site.sector_item", {{"sector", label}, {"count", static_cast<long long>(count)}}),
                              {{"href", rel(to)}});
    if (current) set_attr(a, "aria-current", "page");
  };
  filter_item(site.msg(lang, "site.sector_all"), all.size(), urls::organisations(lang), !sector);
  for (const Sector& s : sectors) filter_item(s.label, s.count, urls::organisations_sector(lang, s.id), sector && sector->id == s.id);

  // The entries by first letter, in the order the collation gives; a letter met again later
  // (an accented one sorted among the plain) joins its group.
  std::vector<std::pair<std::string, std::vector<const Entry*>>> letters;
  for (const Entry* e : shown) {
    const std::string letter = letter_of(e->name);
    auto it = std::find_if(letters.begin(), letters.end(), [&](const auto& g) { return g.first == letter; });
    if (it == letters.end()) it = letters.insert(letters.end(), {letter, {}});
    it->second.push_back(e);
  }
  if (!letters.empty()) {
    xmlNode* az = element(main, "nav", {{"class", "az"}, {"aria-labelledby", "az-title"}});
    element_text(az, "h2", site.msg(lang, "site.az"), {{"id", "az-title"}, {"class", "visually-hidden"}});
    xmlNode* az_list = element(az, "ul");
    for (const auto& [letter, entries] : letters)
      element_text(element(az_list, "li"), "a", letter, {{"href", "#" + letter_id(letter)}});
  }

  xmlNode* list = element(main, "div", {{"class", "org-list"}});
  for (const auto& [letter, entries] : letters) {
    const std::string gid = letter_id(letter);
    xmlNode* group = element(list, "section", {{"class", "org-letter"}, {"aria-labelledby", gid}});
    element_text(group, "h2", letter, {{"id", gid}, {"class", "letter"}});
    for (const Entry* e : entries) {
      xmlNode* s = element(group, "section", {{"class", "org"}, {"id", e->id}, {"aria-labelledby", e->id + "-name"}});
      if (!e->sector_id.empty()) set_attr(s, "data-sector", e->sector_id);
      if (e->name_lang != lang) set_attr(s, "lang", e->name_lang);
      element_text(s, "h3", e->name, {{"id", e->id + "-name"}});
      if (!e->sector.empty()) element_text(s, "p", e->sector, {{"class", "meta"}});
      if (web_address(e->url)) {
        xmlNode* p = element(s, "p", {{"class", "org-web"}});
        if (e->name_lang != lang) set_attr(p, "lang", lang);
        element_text(p, "span", site.msg(lang, "site.website"), {{"class", "org-web-label"}});
        text(p, " ");
        element_text(p, "a", shown_address(e->url), {{"href", e->url}});
      }
      xmlNode* dl = element(s, "dl", {{"class", "roles"}});
      for (const auto& [role, mentions] : e->roles) {
        if (mentions.empty()) continue;
        xmlNode* row = element(dl, "div");
        element_text(row, "dt", role);
        xmlNode* mentions_list = element(element(row, "dd"), "ul");
        for (const auto& m : mentions) {
          xmlNode* li = element(mentions_list, "li");
          element_text(li, "a", m.label,
                       {{"href", rel(urls::commitment(m.link_lang, m.plan->slug, m.plan->commitment_slug(m.number)))}});
          element_text(li, "span", " \u00b7 " + site.plan_short(*m.plan, lang), {{"class", "meta"}});
        }
      }
    }
  }
  end_page(site, page);
}

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
      if (e.sector_id.empty() && plain_id(o.sector_id)) e.sector_id = o.sector_id;
      if (e.url.empty()) e.url = o.url;
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

  // The sectors that have entries, by their labels in the page's language.
  std::vector<Sector> sectors;
  for (const Entry* e : sorted) {
    if (e->sector_id.empty()) continue;
    auto it = std::find_if(sectors.begin(), sectors.end(), [&](const Sector& s) { return s.id == e->sector_id; });
    if (it == sectors.end()) it = sectors.insert(sectors.end(), {e->sector_id, e->sector, 0});
    ++it->count;
  }
  std::stable_sort(sectors.begin(), sectors.end(), [&](const Sector& a, const Sector& b) { return loc.less(a.label, b.label); });

  write_index_page(site, lang, sorted, sectors, nullptr);
  for (const Sector& s : sectors) write_index_page(site, lang, sorted, sectors, &s);
}

}  // namespace renaksi::html
