// The about page of each language: who publishes the archive, from the content alone (each
// plan's issuer, with its web site when organisations.xml gives one); nothing is invented.
#include <algorithm>

#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/urls.h"

namespace renaksi::html {

void write_about_page(Site& site, const ArchivePlans& plans, const std::string& lang) {
  std::string country;
  if (!plans.empty()) country = site.loc(lang).country_name(plans.front()->country);
  const std::string intro = site.msg(lang, "site.about_intro", {{"country", country}});
  PageInfo info = archive_page(site, lang, &urls::about, site.msg(lang, "site.about_title"), intro, Section::None);
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };

  element_text(main, "h1", info.title);
  element_text(main, "p", intro, {{"class", "lead"}});

  // Each issuer once (newest plan first), with the plans it issued.
  struct Issuer {
    std::string name, url, lang;
    std::vector<const SitePlanSummary*> plans;
  };
  std::vector<Issuer> issuers;
  for (const SitePlanSummary* p : plans) {
    const SitePlanSummary::Edition& e = p->edition_for(lang);
    if (e.issuer.empty()) continue;
    auto it = std::find_if(issuers.begin(), issuers.end(), [&](const Issuer& i) { return i.name == e.issuer; });
    if (it == issuers.end()) it = issuers.insert(issuers.end(), Issuer{e.issuer, e.issuer_url, e.lang, {}});
    if (it->url.empty()) it->url = e.issuer_url;
    it->plans.push_back(p);
  }
  if (!issuers.empty()) {
    element_text(main, "h2", site.msg(lang, "site.about_publisher"), {{"id", "publisher"}});
    xmlNode* list = element(main, "ul", {{"class", "about-issuers"}, {"aria-labelledby", "publisher"}});
    for (const auto& i : issuers) {
      xmlNode* li = element(list, "li");
      if (i.lang != lang) set_attr(li, "lang", i.lang);
      element_text(li, "p", i.name, {{"class", "about-issuer-name"}});
      xmlNode* dl = element(li, "dl", {{"class", "about-facts"}});
      if (!i.url.empty()) {
        element_text(dl, "dt", site.msg(lang, "site.about_website"));
        element_text(element(dl, "dd"), "a", i.url, {{"href", i.url}});
      }
      element_text(dl, "dt", site.msg(lang, "site.about_plans", {{"count", static_cast<long long>(i.plans.size())}}));
      xmlNode* dd = element(dl, "dd");
      xmlNode* ul = element(dd, "ul");
      for (const SitePlanSummary* p : i.plans) {
        const SitePlanSummary::Edition& e = p->edition_for(lang);
        xmlNode* pli = element(ul, "li");
        if (e.lang != lang) set_attr(pli, "lang", e.lang);
        element_text(pli, "a", e.title, {{"href", rel(urls::plan(e.lang, p->slug))}});
      }
    }
    element_text(main, "p", site.msg(lang, "site.about_contact"));
  }

  element_text(main, "h2", site.msg(lang, "site.about_archive"));
  xmlNode* dl = element(main, "dl", {{"class", "about-facts"}});
  if (!site.site_url.empty()) {
    element_text(dl, "dt", site.msg(lang, "site.about_address"));
    element_text(element(dl, "dd"), "a", site.site_url, {{"href", site.site_url}});
  }
  if (auto built = site.built.find(lang); built != site.built.end()) {
    element_text(dl, "dt", site.msg(lang, "site.about_built"));
    element_text(element(dl, "dd"), "time", built->second, {{"datetime", site.built_iso}});
  }
  element_text(dl, "dt", site.msg(lang, "site.about_formats_label"));
  element_text(dl, "dd", site.msg(lang, "site.footer_generated"));
  end_page(site, page);
}

}  // namespace renaksi::html
