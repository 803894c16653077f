// The site's URL layout: where each page and file lives under site/, and relative links
// between them (so the folder works from any path, and from disk through file://).
#pragma once

#include <string>

namespace renaksi::html::urls {

// Paths relative to the site folder, '/'-separated. Pages are folders with an index.html.
std::string root();                                                       // index.html
std::string home(const std::string& lang);                                // id/index.html
std::string plan(const std::string& lang, const std::string& plan);       // id/nap-2018-2020/index.html
std::string commitment(const std::string& lang, const std::string& plan, const std::string& slug);
std::string organisations(const std::string& lang);                       // id/organisations/index.html
std::string organisations_sector(const std::string& lang, const std::string& sector);  // id/organisations/cso/index.html
std::string search(const std::string& lang);                              // id/search/index.html
std::string about(const std::string& lang);                               // id/about/index.html
std::string not_found(const std::string& lang);                           // id/404.html; "" -> 404.html
std::string asset(const std::string& name);                               // assets/site.css
std::string file(const std::string& plan, const std::string& name);       // files/nap-2018-2020/x.pdf

// The link from the page at `from` to `to` (both site paths): "../10-lapor/index.html". Keeps
// "index.html" so that links work over file:// too. `to` may end in "#fragment".
std::string relative(const std::string& from, const std::string& to);

// The address of a site path on the web, for sitemap.xml: `base` (ending in '/') + the path's
// folder for an index.html ("https://x.example/id/nap-2018-2020/").
std::string absolute(const std::string& base, const std::string& path);

// The path part of the site's address ("https://x.example/nap/" -> "/nap/"; "/" when it has none),
// for links that must work at any address of the same site (the 404 pages' <base>).
std::string site_root_path(const std::string& site_url);

// Resolves `href` found on the page at `from` to a site path, without its fragment or query;
// "" when `href` leaves the site (a scheme, '//' or '/'), goes above the site folder, or is
// only a fragment.
std::string resolve(const std::string& from, const std::string& href);

}  // namespace renaksi::html::urls
