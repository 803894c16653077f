// What every page of the site has around its content: the title and description, the links
// for sharing (canonical, hreflang, Open Graph, Twitter card: the absolute ones only when the
// site's address is known), the skip link, the site's name and navigation, the switch to the
// same page in other languages, the breadcrumb and the footer (publisher, build date, about
// page, and the page's address for print), all filled into the page template's slots.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "emit/html/page_template.h"
#include "emit/html/site_context.h"

namespace renaksi::html {

enum class Section { None, Plans, Organisations, Search };

struct Crumb {
  std::string label;
  std::string path;  // a site path; "" for the page itself (the last crumb)
};

struct Alternate {
  std::string lang;
  std::string path;  // the same page in `lang`
};

struct PageInfo {
  std::string path;         // the page's site path
  std::string lang;
  std::string title;        // without the site's name
  std::string description;  // <meta name="description">
  Section section = Section::None;
  std::vector<Crumb> breadcrumb;
  std::vector<Alternate> alternates;  // the page in the site's other languages
  std::vector<std::string> scripts;   // site paths of scripts, loaded with defer
  bool site_nav = true;               // false: no navigation (the language page)
  // The page for readers of no language of the page's set (hreflang="x-default"); "": the
  // page in the first language of the site (a plan's pages: of the plan).
  std::string x_default;
  // A "not found" page, served at any missing address: not indexed, no canonical.
  bool not_found = false;
};

// A page of the whole archive in `lang` (home, organisations, search), at `url(lang)`, with
// its alternates in every language of the site.
PageInfo archive_page(const Site& site, const std::string& lang, std::string (*url)(const std::string&), std::string title,
                      std::string description, Section section);

// A page from the template with its chrome filled; content goes into the returned page's
// main slot (`main_of`).
Page start_page(const Site& site, const PageInfo& info);
xmlNode* main_of(const Page& page);

// Serialises the page into the site's outputs and records it: for the sitemap, and its links and ids
// for the link check.
void end_page(Site& site, Page& page);

// The same page in every other language of the plan (or of the site, for `plan` null).
std::vector<Alternate> alternates_of(const Site& site, const SitePlan* plan, const std::string& lang,
                                     const std::function<std::string(const std::string&)>& path_in);

// The head's links and meta tags for sharing the page (start_page adds them): canonical and
// hreflang links (self, the alternates, x-default) and og:url/og:image only with the site's
// address; og:title, og:description, og:type, og:site_name, og:locale (+ alternates) and the
// Twitter card always. Exposed for the tests.
void add_share_tags(const Site& site, const PageInfo& info, Page& page);

// A plain-text description at most `max` characters long, cut at a word, with "…".
std::string shorten(const std::string& text, size_t max = 160);

// What a commitment is about, for its page's description and its search entry: the plain text
// of its section C (the commitment's description), else of section B (the problem).
std::string chapter_summary(const doc::Chapter& commitment);

}  // namespace renaksi::html
