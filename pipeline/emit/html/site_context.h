// What every page builder of the site shares: the plans as the site sees them (newest first,
// with their documents, page slugs and downloads), the site's languages and locales, the page
// template, and the files written so far.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "locale/locale.h"
#include "doc/document.h"
#include "emit/html/page_template.h"
#include "emit/html/slug.h"
#include "output/outputs.h"

namespace renaksi::html {

// A file of a plan offered for download, copied into the site.
struct Download {
  Artifact artifact;      // what it is: kind, edition, format, media type
  std::string site_path;  // "files/nap-2018-2020/nap-2018-2020.id.pdf"
  size_t bytes = 0;
};

struct SitePlan {
  const doc::Facts* facts = nullptr;                  // the plan's facts (its first edition's)
  std::string id;
  std::string slug;                                   // the plan's folder on the site
  std::vector<std::string> langs;                     // the plan's languages, administrative first
  std::map<std::string, const doc::Document*> docs;   // the single-language edition of each
  std::map<int, std::string> commitment_slugs;        // number -> page folder
  std::vector<Download> downloads;

  bool has_lang(const std::string& lang) const { return docs.count(lang) > 0; }
  // The language to link to from a page in `lang`: `lang` itself when the plan has it.
  const std::string& lang_for(const std::string& lang) const { return has_lang(lang) ? lang : langs.front(); }
  const doc::Chapter* chapter(const std::string& lang, doc::Chapter::Kind kind, int number = 0) const;
  // The plan's facts in `lang` (its administrative language's when the plan has no `lang`).
  const doc::Facts& facts_in(const std::string& lang) const { return docs.at(lang_for(lang))->facts; }
};

struct Site {
  std::vector<SitePlan> plans;    // newest first
  std::vector<std::string> langs; // every language of the archive, administrative ones first
  const Locales* locales = nullptr;
  const PageTemplate* tpl = nullptr;
  std::string site_url;           // for sitemap.xml: where site/ is served, ending in '/'
  Outputs* out = nullptr;         // the build's outputs; the site writes under "site/"
  std::vector<std::string> pages; // site paths of the pages written, in order

  const Locale& loc(const std::string& lang) const { return *locales->at(lang); }
  std::string msg(const std::string& lang, const std::string& key, const std::vector<MessageArg>& args = {}) const {
    return loc(lang).message(key, args);
  }
  // "5th action plan": a plan's short name in `lang` (its years when it has no number).
  std::string plan_short(const SitePlan& p, const std::string& lang) const;
  // Adds a file of the site ("site/" + path).
  void add_file(const std::string& path, std::string bytes) const;
};

}  // namespace renaksi::html
