// What every page builder of the site shares: the locales, the page template, the outputs the
// pages go to and what was written so far (with each page's links, for the link check); and
// what a plan's pages see of their plan (its documents, page slugs and downloads). A plan's
// pages see only their plan: the archive's pages see every plan through its summary.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "locale/locale.h"
#include "doc/document.h"
#include "emit/html/link_check.h"
#include "emit/html/page_template.h"
#include "emit/html/site_summary.h"
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

// Where OGP's own site has a commitment's page (layouts/html/ogp.json): the address, with
// {member} and {id} to fill, and each country's (ISO 3166) member name in it. A plan of a country
// without one, or a commitment without an OGP id, gets no link: an address is never guessed.
struct OgpLinks {
  std::string commitment;                     // "https://www.opengovpartnership.org/members/{member}/commitments/{id}/"
  std::map<std::string, std::string> members; // "ID" -> "indonesia"
};

// The plans as the archive's pages see them: their summaries, newest first.
using ArchivePlans = std::vector<const SitePlanSummary*>;

struct Site {
  // The languages a page's alternates are offered in: every language of the archive (the
  // archive's pages), or of the plan (a plan's pages).
  std::vector<std::string> langs;
  const Locales* locales = nullptr;
  const PageTemplate* tpl = nullptr;
  Outputs* out = nullptr;          // the outputs the pages go to, under "site/"
  // Where the plan's artifacts are (a plan's pages): `out` itself, where the split build keeps
  // them; other outputs only for `emit_site`, whose plans are held in memory.
  const Outputs* plan_files = nullptr;
  // Who publishes, for the footer, by page language (a plan's pages: their plan's issuer; the
  // archive's: the newest plan's), and the country of the plans.
  std::map<std::string, std::string> footer_issuer;
  std::string footer_country;
  const OgpLinks* ogp = nullptr;  // a plan's pages: where OGP has its commitments' pages
  // The site's address ("https://…/"; empty: not known) and the build's date as each page
  // language writes it, with its ISO form.
  std::string site_url;
  std::map<std::string, std::string> built;
  std::string built_iso;
  std::vector<std::string> pages;            // site paths of the pages written, in order
  std::map<std::string, PageLinks> links;    // each page written: its links and ids
  std::set<std::string> files;               // every site path written (pages and other files)
  // The open data each page links (<link rel="alternate">, data_links.h): its plan's tables (a
  // plan's pages) or the archive's, and the archive's Atom feed (the home pages).
  struct DataLink {
    std::string path;        // site path
    std::string media_type;  // "text/csv"
    std::string label_key;   // its title, a catalogue key
    std::string period;      // a progress report's period id; else ""
    std::map<std::string, std::string> period_texts;  // the period as each language prints it
    // The title's {period} in `lang`: the period's dates, else its id.
    const std::string& period_in(const std::string& lang) const {
      const auto it = period_texts.find(lang);
      return it == period_texts.end() ? period : it->second;
    }
  };
  std::vector<DataLink> data_links;
  DataLink feed;

  const Locale& loc(const std::string& lang) const { return *locales->at(lang); }
  std::string msg(const std::string& lang, const std::string& key, const std::vector<MessageArg>& args = {}) const {
    return loc(lang).message(key, args);
  }
  // "5th action plan": a plan's short name in `lang` (its years when it has no number).
  std::string plan_short(int number, const std::string& start, const std::string& end, const std::string& lang) const;
  std::string plan_short(const SitePlan& p, const std::string& lang) const {
    return plan_short(p.facts->number, p.facts->start, p.facts->end, lang);
  }
  std::string plan_short(const SitePlanSummary& p, const std::string& lang) const {
    return plan_short(p.number, p.start, p.end, lang);
  }
  // Adds a file of the site ("site/" + path).
  void add_file(const std::string& path, std::string bytes);
  // Offers the plan's file at `from` (in `plan_files`) again as the site's `path`; false when
  // there is none.
  bool add_copy(const std::string& path, const std::string& from);
};

}  // namespace renaksi::html
