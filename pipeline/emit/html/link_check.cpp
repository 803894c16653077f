// Checks the site's links from what each page recorded when it was written.
#include "emit/html/link_check.h"

#include <libxml/HTMLparser.h>

#include "emit/html/html_tree.h"
#include "emit/html/urls.h"

namespace renaksi::html {

PageLinks links_of(xmlNode* root) {
  PageLinks out;
  for_each_element(root, [&](xmlNode* n) {
    if (has_attr(n, "id")) out.ids.insert(get_attr(n, "id"));
    // A <base> is no link: it names the page's own address (the 404 pages), against which the
    // other links are read as they are here, against the page's path.
    if (xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>("base")) == 0) return;
    for (const char* attr : {"href", "src"})
      if (has_attr(n, attr)) out.hrefs.push_back(get_attr(n, attr));
  });
  return out;
}

PageLinks read_links(const std::string& html) {
  XmlDocPtr doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                               HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (!doc) return {};
  return links_of(xmlDocGetRootElement(doc.get()));
}

LinkTarget link_target(const std::string& page, const std::string& href) {
  LinkTarget t;
  if (href.empty()) {
    t.kind = LinkTarget::Kind::Broken;
    t.why = "an empty link";
    return t;
  }
  if (size_t hash = href.find('#'); hash != std::string::npos) t.fragment = href.substr(hash + 1);
  if (href[0] == '#') {
    t.kind = LinkTarget::Kind::File;
    t.path = page;
    return t;
  }
  t.path = urls::resolve(page, href);
  if (!t.path.empty()) {
    t.kind = LinkTarget::Kind::File;
    return t;
  }
  if (href.find(':') == std::string::npos || href.find(':') > href.find_first_of("/?#")) {
    t.kind = LinkTarget::Kind::Broken;
    t.why = "leaves the site folder or is absolute";
  }
  return t;  // else an external address
}

std::string why_broken(const LinkTargets& targets, const std::string& path, const std::string& fragment,
                       const std::string& prefix) {
  if (!targets.files.count(path)) return "no file " + prefix + path;
  if (fragment.empty()) return {};
  auto it = targets.ids.find(path);
  if (it != targets.ids.end() && !it->second.count(fragment)) return "no id '" + fragment + "' on " + path;
  return {};
}

std::vector<BrokenLink> broken_links(const std::map<std::string, PageLinks>& pages, const LinkTargets& targets,
                                     const std::string& prefix) {
  std::vector<BrokenLink> broken;
  for (const auto& [page, links] : pages)
    for (const auto& href : links.hrefs) {
      const LinkTarget t = link_target(page, href);
      if (t.kind == LinkTarget::Kind::Broken) broken.push_back({page, href, t.why});
      if (t.kind != LinkTarget::Kind::File) continue;
      if (std::string why = why_broken(targets, t.path, t.fragment, prefix); !why.empty())
        broken.push_back({page, href, std::move(why)});
    }
  return broken;
}

}  // namespace renaksi::html
