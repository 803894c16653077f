// The "page not found" pages: site/<lang>/404.html in each language, and site/404.html (for
// servers that take one page for every miss) in every language of the site, each with the way
// to its home page and to search.
#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/urls.h"

namespace renaksi::html {

void write_not_found_page(Site& site, const std::string& lang) {
  const std::string& first = lang.empty() ? site.langs.front() : lang;
  PageInfo info;
  info.path = urls::not_found(lang);
  info.lang = first;
  info.title = site.msg(first, "site.not_found_title");
  info.description = site.msg(first, "site.not_found_text");
  info.section = Section::None;
  info.not_found = true;
  if (!lang.empty()) info.alternates = alternates_of(site, nullptr, lang, [](const std::string& l) { return urls::not_found(l); });
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };

  const std::vector<std::string> langs = lang.empty() ? site.langs : std::vector<std::string>{lang};
  for (size_t i = 0; i < langs.size(); ++i) {
    const std::string& l = langs[i];
    xmlNode* part = element(main, "section", {{"class", "not-found"}});
    if (l != first) set_attr(part, "lang", l);
    element_text(part, i == 0 ? "h1" : "h2", site.msg(l, "site.not_found_title"));
    element_text(part, "p", site.msg(l, "site.not_found_text"), {{"class", "lead"}});
    xmlNode* ul = element(part, "ul", {{"class", "more-links"}});
    element_text(element(ul, "li"), "a", site.msg(l, "site.not_found_home"), {{"href", rel(urls::home(l))}, {"hreflang", l}});
    element_text(element(ul, "li"), "a", site.msg(l, "site.search_title"), {{"href", rel(urls::search(l))}, {"hreflang", l}});
  }
  end_page(site, page);
}

}  // namespace renaksi::html
