// The search page of each language: a box that filters the search index as the user types.
// Without JavaScript the page says so and points to the plans.
#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/urls.h"

namespace renaksi::html {

void write_search_page(Site& site, const std::string& lang) {
  PageInfo info = archive_page(site, lang, &urls::search, site.msg(lang, "site.search_title"),
                               site.msg(lang, "site.search_hint"), Section::Search);
  info.scripts = {urls::asset("search-index.js"), urls::asset("search.js")};
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };

  element_text(main, "h1", info.title);
  element_text(main, "p", info.description, {{"class", "lead"}});
  xmlNode* noscript = element(main, "noscript");
  xmlNode* p = element(noscript, "p", {{"class", "notice"}});
  text(p, site.msg(lang, "site.search_noscript") + " ");
  element_text(p, "a", site.msg(lang, "site.search_browse"), {{"href", rel(urls::home(lang))}});

  std::string root_prefix = rel(urls::root());  // "../../index.html" -> "../../"
  root_prefix.resize(root_prefix.size() - urls::root().size());
  // Hidden until the script runs: a box that cannot search is not offered.
  xmlNode* form = element(main, "form", {{"class", "search-form"},
                                         {"role", "search"},
                                         {"id", "search-form"},
                                         {"hidden", "hidden"},
                                         {"data-lang", lang},
                                         {"data-root", root_prefix},
                                         {"data-found", site.msg(lang, "site.search_found", {{"count", std::string("{n}")}})},
                                         {"data-none", site.msg(lang, "site.search_none")}});
  element_text(form, "label", site.msg(lang, "site.search_label"), {{"for", "search-q"}});
  element(form, "input", {{"type", "search"}, {"id", "search-q"}, {"name", "q"}, {"autocomplete", "off"}, {"spellcheck", "false"}});
  element(main, "p", {{"id", "search-status"}, {"class", "search-status"}, {"role", "status"}});
  element(main, "ol", {{"id", "search-results"}, {"class", "search-results"}});
  end_page(site, page);
}

}  // namespace renaksi::html
