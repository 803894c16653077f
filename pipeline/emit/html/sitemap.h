// sitemap.xml: the address of every page of the site, absolute (sitemaps allow no relative
// URLs), from the site's base URL (--site-url, RENAKSI_SITE_URL).
#pragma once

#include <string>
#include <vector>

namespace renaksi::html {

std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& pages);

}  // namespace renaksi::html
