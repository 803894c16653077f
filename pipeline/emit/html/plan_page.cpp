// A plan's page: a line of facts and its commitments in number order first, then its
// downloads, its open data, foreword, co-creation record and the commitments again by theme.
#include <algorithm>
#include <set>

#include "emit/html/commitment_facts.h"
#include "emit/html/document_html.h"
#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/progress_html.h"
#include "emit/html/urls.h"

namespace renaksi::html {

namespace {

// A download's name: the edition it is of (a report's edition: its list is headed by the period).
std::string download_label(const Site& site, const Download& d, const std::string& lang) {
  if (d.artifact.kind == ArtifactKind::OgpSubmission) return site.msg(lang, "site.download_ogp");
  if (d.artifact.edition == "bilingual") return site.msg(lang, "edition.bilingual");
  return site.msg(lang, "edition.single", {{"language", site.loc(lang).language_name(d.artifact.edition)}});
}

// A section with a heading (h2, `id`) that labels it.
xmlNode* section(xmlNode* parent, const std::string& id, const std::string& title) {
  xmlNode* s = element(parent, "section", {{"id", id}, {"aria-labelledby", id + "-title"}});
  element_text(s, "h2", title, {{"id", id + "-title"}});
  return s;
}

std::string chapter_title(const doc::Chapter& c) { return c.title.empty() ? std::string() : prose::plain_text(c.title.front().value); }

}  // namespace

void write_plan_page(Site& site, const SitePlan& p, const std::string& lang) {
  const doc::Document& d = *p.docs.at(lang);
  const doc::Front& f = d.front_for(lang);
  PageInfo info;
  info.path = urls::plan(lang, p.slug);
  info.lang = lang;
  info.title = f.title;
  info.description = shorten(f.subtitle.empty() ? f.title : f.subtitle + ". " + f.period + ". " + f.stage + ". " + f.commitments + ".");
  info.section = Section::Plans;
  info.breadcrumb = {{site.msg(lang, "site.nav_plans"), urls::home(lang)}, {site.plan_short(p, lang), ""}};
  info.alternates = alternates_of(site, &p, lang, [&](const std::string& l) { return urls::plan(l, p.slug); });
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };

  // Another language's title or subtitle (a draft not yet translated): in its language, marked.
  auto marked = [&](xmlNode* e, const std::string& text, const std::string& text_lang) {
    if (text_lang.empty()) return void(html::text(e, text));
    element_text(e, "span", text, {{"class", "stand-in"}, {"lang", text_lang}});
    html::text(e, " ");
    element_text(e, "span", f.untranslated, {{"class", "stand-in-mark"}});
  };
  marked(element(main, "h1"), f.title, f.title_lang);
  if (!f.subtitle.empty()) marked(element(main, "p", {{"class", "lead"}}), f.subtitle, f.subtitle_lang);
  // One line of facts, then the commitments themselves, before everything else.
  std::string line;
  for (const auto* s : {&f.plan_line, &f.period, &f.stage, &f.commitments})
    if (!s->empty()) line += (line.empty() ? "" : " \u00b7 ") + *s;
  if (!line.empty()) element_text(main, "p", line, {{"class", "meta plan-summary"}});

  const doc::Chapter* foreword = p.chapter(lang, doc::Chapter::Kind::Foreword);
  const doc::Chapter* cocreation = p.chapter(lang, doc::Chapter::Kind::Cocreation);

  Notes notes;
  const BlockContext ctx = chapter_context(site, p, lang, urls::plan(lang, p.slug), notes, 1);  // chapters are h2 here

  // The commitments, one entry each in number order: number, title, lead and status.
  const doc::Facts& plan = d.facts;
  auto stand_in_mark = [&](xmlNode* parent, int number) {
    // A title that stands in for a missing one (compose marked it in the chapter's title): the mark.
    if (const doc::Chapter* ch = d.chapter(doc::Chapter::Kind::Commitment, number); ch && !ch->title.empty())
      if (doc::plain_text_marked(ch->title.front().value) != prose::plain_text(ch->title.front().value)) {
        text(parent, " ");
        element_text(parent, "span", ctx.mark, {{"class", "stand-in-mark"}});
      }
  };
  {
    xmlNode* s = section(main, "commitments", site.msg(lang, "chapter.commitments"));
    std::vector<const doc::CommitmentRef*> in_order;
    for (const auto& c : plan.commitments) in_order.push_back(&c);
    std::stable_sort(in_order.begin(), in_order.end(), [](const auto* a, const auto* b) { return a->number < b->number; });
    xmlNode* ol = element(s, "ol", {{"class", "commitment-index"}});
    for (const doc::CommitmentRef* c : in_order) {
      xmlNode* li = element(ol, "li", {{"value", std::to_string(c->number)}, {"id", "c-" + std::to_string(c->number)}});
      element_text(li, "span", site.msg(lang, "site.commitment_short", {{"number", static_cast<long long>(c->number)}}),
                   {{"class", "commitment-number"}});
      xmlNode* title = element(li, "p", {{"class", "commitment-title"}});
      element_text(title, "a", c->title, {{"href", rel(urls::commitment(lang, p.slug, p.commitment_slugs.at(c->number)))}});
      stand_in_mark(title, c->number);
      // Its lead, and its current completion level when progress data gives one: one line, with
      // nothing for what is not known.
      std::string leads;
      for (const auto& l : c->leads) leads += (leads.empty() ? "" : ", ") + l;
      const std::string status = commitment_status(site, p, *c, lang);
      if (leads.empty() && status.empty()) continue;
      xmlNode* meta = element(li, "p", {{"class", "meta"}});
      if (!leads.empty()) element_text(meta, "span", site.msg(lang, "site.lead_by", {{"names", leads}}), {{"class", "commitment-lead"}});
      if (!leads.empty() && !status.empty()) text(meta, " \u00b7 ");
      if (!status.empty()) element_text(meta, "span", status, {{"class", "commitment-status"}});
    }
  }
  // A draft: what that means and where to send comments, once the reader has seen what it holds.
  write_draft_notice(site, p, lang, main, true);
  // Its appendices, each a page: the proposals and decisions, the reasoned response of the
  // consultation, and a draft's change report since its recorded previous draft.
  for (const auto kind : {doc::Chapter::Kind::Proposals, doc::Chapter::Kind::Consultation, doc::Chapter::Kind::Changes})
    if (const doc::Chapter* ch = p.chapter(lang, kind); ch && !ch->title.empty())
      element_text(element(main, "p", {{"class", kind == doc::Chapter::Kind::Changes ? "changes-link" : "record-link"}}), "a",
                   prose::plain_text(ch->title.front().value), {{"href", rel(appendix_path(lang, p.slug, kind))}});

  // On this page (a sidebar on wide screens), then the content.
  xmlNode* grid = element(main, "div", {{"class", "page-grid"}});
  xmlNode* toc = element(grid, "nav", {{"class", "toc"}, {"aria-labelledby", "toc-title"}});
  element_text(toc, "h2", site.msg(lang, "site.contents"), {{"id", "toc-title"}});
  xmlNode* toc_list = element(toc, "ul");
  auto toc_item = [&](const std::string& id, const std::string& label) {
    element_text(element(toc_list, "li"), "a", label, {{"href", "#" + id}});
  };
  if (!p.downloads.empty()) toc_item("downloads", site.msg(lang, "site.downloads"));
  if (!site.data_links.empty()) toc_item("open-data", site.msg(lang, "site.open_data"));
  if (foreword) toc_item("foreword", chapter_title(*foreword));
  if (cocreation) toc_item("cocreation", chapter_title(*cocreation));
  const bool by_theme = !d.facts.themes.empty();
  if (by_theme) toc_item("themes", site.msg(lang, "site.commitments_by_theme"));
  xmlNode* content = element(grid, "div", {{"class", "page-content"}});

  // The plan's own files, then each self-assessment report's, under its period, in the order
  // of the periods.
  if (!p.downloads.empty()) {
    xmlNode* s = section(content, "downloads", site.msg(lang, "site.downloads"));
    auto list = [&](xmlNode* parent, const std::string& period) {
      xmlNode* ul = element(parent, "ul", {{"class", "downloads"}});
      for (const auto& dl : p.downloads) {
        if (dl.artifact.period != period) continue;
        const ArtifactType& type = dl.artifact.type();
        xmlNode* a = element_text(element(ul, "li"), "a",
                                  site.msg(lang, "site.download_item",
                                           {{"name", download_label(site, dl, lang)},
                                            {"format", std::string(type.format)},
                                            {"size", site.loc(lang).file_size(dl.bytes)}}),
                                  {{"href", rel(dl.site_path)}, {"type", std::string(type.media_type)}});
        if (p.has_lang(dl.artifact.edition)) set_attr(a, "hreflang", dl.artifact.edition);
      }
    };
    list(s, {});
    std::vector<std::string> periods;
    for (const auto& dl : p.downloads)
      if (!dl.artifact.period.empty() && std::find(periods.begin(), periods.end(), dl.artifact.period) == periods.end())
        periods.push_back(dl.artifact.period);
    for (const auto& period : periods) {
      element_text(s, "h3", site.msg(lang, "site.download_report", {{"period", period_text(p.facts_in(lang).progress, period)}}));
      list(s, period);
    }
  }
  // The plan's open data, visible as well as in the head: its tables, and a Final plan's
  // progress reports and IRM ratings (data_links.h; only the files the build wrote).
  if (!site.data_links.empty()) {
    xmlNode* s = section(content, "open-data", site.msg(lang, "site.open_data"));
    element_text(s, "p", site.msg(lang, "site.open_data_text"));
    xmlNode* ul = element(s, "ul", {{"class", "downloads"}});
    for (const auto& d : site.data_links)
      element_text(element(ul, "li"), "a", site.msg(lang, d.label_key, {{"period", d.period_in(lang)}}),
                   {{"href", rel(d.path)}, {"type", d.media_type}});
  }

  for (const doc::Chapter* c : {foreword, cocreation}) {
    if (!c) continue;
    xmlNode* s = section(content, c->anchor, chapter_title(*c));
    render_chapter_blocks(s, *c, ctx);
  }

  // The same commitments by theme, as a second index: each theme in the plan's order, then
  // those without a theme.
  if (by_theme) {
    xmlNode* s = section(content, "themes", site.msg(lang, "site.commitments_by_theme"));
    auto commitment_item = [&](xmlNode* ul, const doc::CommitmentRef& c) {
      xmlNode* li = element(ul, "li");
      element_text(li, "a",
                   site.msg(lang, "index.commitment", {{"number", static_cast<long long>(c.number)}, {"title", c.title}}),
                   {{"href", rel(urls::commitment(lang, p.slug, p.commitment_slugs.at(c.number)))}});
      stand_in_mark(li, c.number);
    };
    std::set<int> themed;
    for (const auto& t : plan.themes) {
      std::vector<const doc::CommitmentRef*> in;
      for (const auto& c : plan.commitments)
        if (std::find(c.themes.begin(), c.themes.end(), t.id) != c.themes.end()) in.push_back(&c);
      if (in.empty()) continue;
      const std::string id = "theme-" + t.id;
      xmlNode* ts = element(s, "section", {{"aria-labelledby", id}});
      element_text(ts, "h3", t.name, {{"id", id}});
      xmlNode* ul = element(ts, "ul", {{"class", "commitment-list"}});
      for (const auto* c : in) {
        commitment_item(ul, *c);
        themed.insert(c->number);
      }
    }
    std::vector<const doc::CommitmentRef*> rest;
    for (const auto& c : plan.commitments)
      if (!themed.count(c.number)) rest.push_back(&c);
    if (!rest.empty()) {
      xmlNode* ts = element(s, "section", {{"aria-labelledby", "theme-none"}});
      element_text(ts, "h3", site.msg(lang, "site.no_theme"), {{"id", "theme-none"}});
      xmlNode* ul = element(ts, "ul", {{"class", "commitment-list"}});
      for (const auto* c : rest) commitment_item(ul, *c);
    }
  }
  write_notes(content, notes, site.msg(lang, "site.notes"), site.msg(lang, "site.note_back"), ctx.prose);
  end_page(site, page);
}

}  // namespace renaksi::html
