// What every page of the site has around its content: the title and description, the skip
// link, the site's name and navigation, the switch to the same page in other languages, the
// breadcrumb and the footer, all filled into the page template's slots.
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

// A plain-text description at most `max` characters long, cut at a word, with "…".
std::string shorten(const std::string& text, size_t max = 160);

// What a commitment is about, for its page's description and its search entry: the plain text
// of its section C (the commitment's description), else of section B (the problem).
std::string chapter_summary(const doc::Chapter& commitment);

}  // namespace renaksi::html
