// site/index.html: the archive's languages, each offered in its own language.
#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/urls.h"

namespace renaksi::html {

void write_language_page(Site& site, const ArchivePlans& plans) {
  const std::string& first = site.langs.front();
  PageInfo info;
  info.path = urls::root();
  info.lang = first;
  info.title = site.msg(first, "site.choose_language");
  info.description = site.msg(first, "site.home_intro",
                              {{"country", plans.empty() ? std::string() : site.loc(first).country_name(plans.front()->country)}});
  info.site_nav = false;
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  xmlNode* h1 = element(main, "h1");
  for (size_t i = 0; i < site.langs.size(); ++i) {
    const std::string& l = site.langs[i];
    if (i) text(h1, " \u00b7 ");
    xmlNode* span = element_text(h1, "span", site.msg(l, "site.name"));
    if (l != first) set_attr(span, "lang", l);
  }
  xmlNode* ul = element(main, "ul", {{"class", "language-choice"}});
  for (const auto& l : site.langs) {
    xmlNode* li = element(ul, "li");
    if (l != first) set_attr(li, "lang", l);
    xmlNode* a = element(li, "a", {{"href", urls::relative(info.path, urls::home(l))}, {"hreflang", l}});
    element_text(a, "span", site.msg(l, "site.language_name"), {{"class", "language-name"}});
    element_text(a, "span", site.msg(l, "site.choose_language_hint"), {{"class", "language-hint"}});
  }
  end_page(site, page);
}

}  // namespace renaksi::html
