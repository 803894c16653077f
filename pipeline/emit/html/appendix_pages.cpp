// The plan's appendix pages, each a chapter of its composed editions as a page of its own:
// site/<lang>/<plan>/changes/ (what changed since the recorded previous draft: deletions in
// <del>, insertions in <ins>, each with its plain markers, so it reads without colour or styles),
// proposals/ (the proposals and the decision on each) and consultation/ (what was heard in the
// public consultation and the response: the reasoned response). Links inside them to a
// commitment or to another appendix go to that page.
#include "emit/html/document_html.h"
#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/urls.h"

namespace renaksi::html {

namespace {

struct Appendix {
  doc::Chapter::Kind kind;
  const char* folder;
};
constexpr Appendix kAppendices[] = {{doc::Chapter::Kind::Proposals, "proposals"},
                                    {doc::Chapter::Kind::Consultation, "consultation"},
                                    {doc::Chapter::Kind::Changes, "changes"}};

// The appendix whose anchors start with `prefix` ("proposal", "comment", "consultation"…).
const Appendix* appendix_of_anchor(const std::string& anchor) {
  auto starts = [&](const char* p) { return anchor.rfind(p, 0) == 0; };
  if (starts("proposal")) return &kAppendices[0];
  if (starts("consultation") || starts("comment-")) return &kAppendices[1];
  if (starts("changes")) return &kAppendices[2];
  return nullptr;
}

void write_appendix_page(Site& site, const SitePlan& p, const std::string& lang, const Appendix& a) {
  const doc::Chapter* ch = p.chapter(lang, a.kind);
  if (!ch) return;
  const doc::Document& d = *p.docs.at(lang);
  const std::string title = ch->title.empty() ? std::string() : prose::plain_text(ch->title.front().value);
  PageInfo info;
  info.path = appendix_path(lang, p.slug, a.kind);
  info.lang = lang;
  info.title = title;
  info.description = shorten(title + ". " + d.front_for(lang).title);
  info.section = Section::Plans;
  info.breadcrumb = {{site.msg(lang, "site.nav_plans"), urls::home(lang)},
                     {site.plan_short(p, lang), urls::plan(lang, p.slug)},
                     {title, ""}};
  info.alternates = alternates_of(site, &p, lang, [&](const std::string& l) {
    return appendix_path(l, p.slug, a.kind);  // every edition of the plan has the same appendices
  });
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  element_text(main, "p", d.front_for(lang).title, {{"class", "eyebrow"}});
  element_text(main, "h1", title, {{"id", ch->anchor}});
  // A consultation still open: where and until when to comment, before what was heard.
  if (a.kind == doc::Chapter::Kind::Consultation) write_draft_notice(site, p, lang, main, true);

  // Contents: the chapter's sections (its level-2 headings).
  xmlNode* grid = write_chapter_contents(site, *ch, lang, main).grid;

  Notes notes;
  const BlockContext ctx = chapter_context(site, p, lang, info.path, notes, 0);
  xmlNode* body = element(grid, "div", {{"class", std::string("page-content ") + a.folder}});
  render_chapter_blocks(body, *ch, ctx);
  end_page(site, page);
}

}  // namespace

std::string appendix_path(const std::string& lang, const std::string& plan, doc::Chapter::Kind kind) {
  for (const auto& a : kAppendices)
    if (a.kind == kind) return lang + "/" + plan + "/" + a.folder + "/index.html";
  return urls::plan(lang, plan);
}

void write_appendix_pages(Site& site, const SitePlan& p, const std::string& lang) {
  for (const auto& a : kAppendices) write_appendix_page(site, p, lang, a);
}

std::function<std::string(const std::string&)> internal_links(const SitePlan& p, const std::string& lang,
                                                              const std::string& page) {
  return [&p, lang, page](const std::string& target) -> std::string {
    if (target.size() < 2 || target[0] != '#') return {};
    const std::string anchor = target.substr(1);
    std::string to;
    if (anchor.rfind("commitment-", 0) == 0) {
      // "commitment-10", "commitment-10-milestones": the commitment's page.
      size_t end = 11;
      while (end < anchor.size() && end < 20 && anchor[end] >= '0' && anchor[end] <= '9') ++end;
      if (end == 11) return {};
      const int number = std::stoi(anchor.substr(11, end - 11));
      const auto slug = p.commitment_slugs.find(number);
      if (slug == p.commitment_slugs.end()) return {};
      to = urls::commitment(lang, p.slug, slug->second) + "#" + anchor;
    } else if (const Appendix* a = appendix_of_anchor(anchor); a && p.chapter(lang, a->kind)) {
      to = appendix_path(lang, p.slug, a->kind) + "#" + anchor;
    } else {
      return {};
    }
    return urls::relative(page, to);
  };
}

}  // namespace renaksi::html
