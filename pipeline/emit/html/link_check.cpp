// Checks the site's links by reading its pages back with libxml2's HTML parser.
#include "emit/html/link_check.h"

#include <libxml/HTMLparser.h>

#include <map>
#include <set>

#include "emit/html/html_tree.h"
#include "emit/html/urls.h"

namespace renaksi::html {

namespace {

struct PageLinks {
  std::set<std::string> ids;
  std::vector<std::string> hrefs;
};

PageLinks read_page(const std::string& bytes) {
  PageLinks out;
  XmlDocPtr doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
                               HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (!doc) return out;
  for_each_element(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
    if (has_attr(n, "id")) out.ids.insert(get_attr(n, "id"));
    for (const char* attr : {"href", "src"})
      if (has_attr(n, attr)) out.hrefs.push_back(get_attr(n, attr));
  });
  return out;
}

}  // namespace

std::vector<BrokenLink> broken_links(const Outputs& outputs, const std::string& prefix) {
  std::map<std::string, PageLinks> pages;  // site path -> links
  for (const auto& path : outputs.paths(prefix))
    if (path.ends_with(".html")) pages[path.substr(prefix.size())] = read_page(*outputs.find(path));

  std::vector<BrokenLink> broken;
  for (const auto& [page, links] : pages) {
    for (const auto& href : links.hrefs) {
      if (href.empty()) {
        broken.push_back({page, href, "an empty link"});
        continue;
      }
      const std::string fragment = href.find('#') == std::string::npos ? "" : href.substr(href.find('#') + 1);
      std::string target = page;
      if (href[0] != '#') {
        target = urls::resolve(page, href);
        if (target.empty()) {
          if (href.find(':') == std::string::npos || href.find(':') > href.find_first_of("/?#"))
            broken.push_back({page, href, "leaves the site folder or is absolute"});
          continue;  // an external address
        }
        if (!outputs.has(prefix + target)) {
          broken.push_back({page, href, "no file " + prefix + target});
          continue;
        }
      }
      if (!fragment.empty()) {
        auto it = pages.find(target);
        if (it != pages.end() && !it->second.ids.count(fragment))
          broken.push_back({page, href, "no id '" + fragment + "' on " + target});
      }
    }
  }
  return broken;
}

}  // namespace renaksi::html
