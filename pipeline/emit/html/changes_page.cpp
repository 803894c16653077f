// The change report of a draft with a recorded previous draft: site/<lang>/<plan>/changes/,
// the composed Changes chapter (diff/, compose/changes_chapter.h) as a page: deletions in <del>,
// insertions in <ins>, each with its plain markers, so it reads without colour or styles.
#include "emit/html/document_html.h"
#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/urls.h"

namespace renaksi::html {

std::string changes_path(const std::string& lang, const std::string& plan) { return lang + "/" + plan + "/changes/index.html"; }

void write_changes_page(Site& site, const SitePlan& p, const std::string& lang) {
  const doc::Chapter* ch = p.chapter(lang, doc::Chapter::Kind::Changes);
  if (!ch) return;
  const doc::Document& d = *p.docs.at(lang);
  const std::string title = ch->title.empty() ? std::string() : prose::plain_text(ch->title.front().value);
  PageInfo info;
  info.path = changes_path(lang, p.slug);
  info.lang = lang;
  info.title = title;
  info.description = shorten(title + ". " + d.front_for(lang).title);
  info.section = Section::Plans;
  info.breadcrumb = {{site.msg(lang, "site.nav_plans"), urls::home(lang)},
                     {site.plan_short(p, lang), urls::plan(lang, p.slug)},
                     {title, ""}};
  info.alternates = alternates_of(site, &p, lang, [&](const std::string& l) {
    return changes_path(l, p.slug);  // every edition of the plan ends with the same report
  });
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  element_text(main, "p", d.front_for(lang).title, {{"class", "eyebrow"}});
  element_text(main, "h1", title, {{"id", ch->anchor}});

  // Contents: the plan's own changes and each commitment's (the level-2 headings).
  xmlNode* grid = write_chapter_contents(site, *ch, lang, main).grid;

  Notes notes;
  BlockContext ctx;
  ctx.prose.notes = &notes;
  ctx.page_lang = lang;
  ctx.heading_offset = 0;
  ctx.mark = d.front_for(lang).untranslated;
  xmlNode* body = element(grid, "div", {{"class", "page-content changes"}});
  render_chapter_blocks(body, *ch, ctx);
  end_page(site, page);
}

}  // namespace renaksi::html
