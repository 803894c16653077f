// sitemap.xml through libxml2.
#include "emit/html/sitemap.h"

#include "emit/html/html_tree.h"
#include "emit/html/urls.h"

namespace renaksi::html {

std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& pages) {
  XmlDocPtr doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  xmlNode* urlset = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("urlset"), nullptr);
  xmlDocSetRootElement(doc.get(), urlset);
  xmlNs* ns = xmlNewNs(urlset, reinterpret_cast<const xmlChar*>("http://www.sitemaps.org/schemas/sitemap/0.9"), nullptr);
  xmlSetNs(urlset, ns);
  for (const auto& p : pages) {
    if (p == urls::not_found("") || p.ends_with("/" + urls::not_found(""))) continue;  // not a page to index
    xmlNode* url = xmlNewChild(urlset, ns, reinterpret_cast<const xmlChar*>("url"), nullptr);
    xmlNode* loc = xmlNewChild(url, ns, reinterpret_cast<const xmlChar*>("loc"), nullptr);
    text(loc, urls::absolute(base_url, p));
  }
  return serialize_xml(doc.get());
}

}  // namespace renaksi::html
