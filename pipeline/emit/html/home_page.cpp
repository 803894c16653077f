// The home page of each language: the plans, newest first.
#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/urls.h"

namespace renaksi::html {

void write_home_page(Site& site, const ArchivePlans& plans, const std::string& lang) {
  std::string country;
  if (!plans.empty()) country = site.loc(lang).country_name(plans.front()->country);
  const std::string intro = site.msg(lang, "site.home_intro", {{"country", country}});
  PageInfo info = archive_page(site, lang, &urls::home, site.msg(lang, "site.home_title"), intro, Section::Plans);
  info.x_default = urls::root();  // readers of no language of the site: the language page
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };

  element_text(main, "h1", info.title);
  element_text(main, "p", intro, {{"class", "lead"}});
  element_text(main, "h2", site.msg(lang, "site.plan_count", {{"count", static_cast<long long>(plans.size())}}),
               {{"id", "plans-title"}});
  xmlNode* list = element(main, "ul", {{"class", "plan-list"}, {"aria-labelledby", "plans-title"}});
  for (const SitePlanSummary* p : plans) {
    const SitePlanSummary::Edition& f = p->edition_for(lang);
    const std::string& l = f.lang;
    xmlNode* li = element(list, "li", {{"class", "plan-card"}});
    if (l != lang) set_attr(li, "lang", l);
    element_text(element(li, "h3"), "a", f.title, {{"href", rel(urls::plan(l, p->slug))}});
    if (!f.plan_line.empty()) element_text(li, "p", f.plan_line, {{"class", "plan-line"}});
    xmlNode* facts = element(li, "ul", {{"class", "facts"}});
    element_text(facts, "li", f.period);
    xmlNode* stage = element_text(facts, "li", f.stage);
    if (!p->final_stage) add_class(stage, "stage-draft");
    element_text(facts, "li", f.commitments);
    if (!f.progress.empty()) element_text(facts, "li", f.progress, {{"class", "plan-progress"}});
    if (!p->downloads.empty())
      element_text(facts, "li", site.msg(lang, "site.download_count", {{"count", static_cast<long long>(p->downloads.size())}}));
  }

  xmlNode* more = element(main, "ul", {{"class", "more-links"}});
  element_text(element(more, "li"), "a", site.msg(lang, "site.search_title"), {{"href", rel(urls::search(lang))}});
  element_text(element(more, "li"), "a", site.msg(lang, "chapter.index"), {{"href", rel(urls::organisations(lang))}});
  end_page(site, page);
}

}  // namespace renaksi::html
