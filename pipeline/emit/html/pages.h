// The pages of the site, one builder each (one file each: home_page.cpp, plan_page.cpp ...).
// A plan's pages are built from that plan alone; the archive's pages from every plan's summary.
#pragma once

#include <functional>
#include <string>

#include "emit/html/document_html.h"
#include "emit/html/site_context.h"

namespace renaksi::html {

// site/index.html: the languages of the archive, each in its own language.
void write_language_page(Site& site, const ArchivePlans& plans);
// site/<lang>/index.html: the plans, newest first, with period, stage and commitments.
void write_home_page(Site& site, const ArchivePlans& plans, const std::string& lang);
// site/<lang>/<plan>/index.html: its commitments in number order, then downloads, foreword,
// co-creation and the commitments by theme.
void write_plan_page(Site& site, const SitePlan& plan, const std::string& lang);
// site/<lang>/<plan>/<slug>/index.html: one commitment: a summary of its facts, then in full.
void write_commitment_pages(Site& site, const SitePlan& plan, const std::string& lang);
// site/<lang>/organisations/index.html: every organisation of every plan, with its web address
// and commitments, A–Z; and organisations/<sector>/index.html: those of one sector.
void write_organisations_page(Site& site, const ArchivePlans& plans, const std::string& lang);
// site/<lang>/search/index.html: the search box over every commitment, and its filters (plan,
// theme, stage, lead organisation).
void write_search_page(Site& site, const ArchivePlans& plans, const std::string& lang);
// site/<lang>/about/index.html: who publishes the archive (the plans' issuers, from the content).
void write_about_page(Site& site, const ArchivePlans& plans, const std::string& lang);
// site/<lang>/404.html, and site/404.html for `lang` "" (in every language): no such page,
// with the way home and to search.
void write_not_found_page(Site& site, const std::string& lang);

// The plan's appendix pages, each of a chapter its editions end with, where they have it:
// site/<lang>/<plan>/changes/ (what changed since the recorded previous draft), proposals/ (the
// proposals and decisions) and consultation/ (what was heard and the response).
void write_appendix_pages(Site& site, const SitePlan& plan, const std::string& lang);
// The page of the appendix of `kind` (Changes, Proposals, Consultation).
std::string appendix_path(const std::string& lang, const std::string& plan, doc::Chapter::Kind kind);
// For a page of the plan at `page`: a link to an anchor of the composed editions ("#commitment-3",
// "#proposal-p07", "#consultation-commitment-3") as a link to the page that shows it; "" for an
// anchor no page of the site shows.
std::function<std::string(const std::string&)> internal_links(const SitePlan& plan, const std::string& lang,
                                                              const std::string& page);

// The page's grid after `main`'s heading, opening with a list of `ch`'s sections (its level-2
// headings that have an anchor): the commitment pages and the change report. Returns the grid
// and the list, for entries a page adds after the chapter's own.
struct ChapterContents {
  xmlNode* grid;
  xmlNode* list;
};
ChapterContents write_chapter_contents(const Site& site, const doc::Chapter& ch, const std::string& lang, xmlNode* main);

// How a page of the plan at `page` in `lang` renders its composed blocks: footnotes into
// `notes`, links to the editions' anchors through internal_links, the note over a stand-in of
// each other language, the mark beside one; a block heading of level n as h(n + heading_offset).
BlockContext chapter_context(const Site& site, const SitePlan& plan, const std::string& lang, const std::string& page,
                             Notes& notes, int heading_offset);

// For pages of a plan that is not Final: its stage and an invitation to comment.
void write_draft_notice(const Site& site, const SitePlan& plan, const std::string& lang, xmlNode* parent, bool full);

}  // namespace renaksi::html
