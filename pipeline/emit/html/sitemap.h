// sitemap.xml: the address of every page of the site but the "not found" pages, absolute
// (sitemaps allow no relative URLs), from the site's address (content/site.xml, --site-url,
// RENAKSI_SITE_URL). The site writes none when its address is not known.
#pragma once

#include <string>
#include <vector>

namespace renaksi::html {

std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& pages);

}  // namespace renaksi::html
