// One page per commitment: a summary of its facts (a short description, its lead linked to the
// organisations index, period, OGP id, stage and status), then its chapter of the composed
// document in full.
#include "emit/html/commitment_facts.h"
#include "emit/html/document_html.h"
#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/progress_html.h"
#include "emit/html/urls.h"

namespace renaksi::html {

namespace {

// The chapter without its metadata's first row when that row only repeats the commitment's
// number, which the page's title already gives, and without the printed invitation to comment
// (the page's comment box says it, with a button).
doc::Chapter without_number_row(const doc::Chapter& ch) {
  doc::Chapter out = ch;
  std::erase_if(out.blocks, [&](const doc::Block& b) { return b.anchor == ch.anchor + "-comment"; });
  for (auto& b : out.blocks) {
    auto* fields = std::get_if<doc::Fields>(&b.content);
    if (!fields || b.anchor != ch.anchor + "-summary") continue;
    for (auto& part : fields->parts) {
      auto& rows = part.value.rows;
      if (!rows.empty() && prose::plain_text(rows.front().value) == std::to_string(ch.commitment_number))
        rows.erase(rows.begin());
    }
  }
  return out;
}

// A row of the summary: a label and its value (the value's element is returned to fill).
xmlNode* summary_row(xmlNode* dl, const std::string& label, const std::string& cls) {
  xmlNode* row = element(dl, "div", {{"class", cls}});
  element_text(row, "dt", label);
  return element(row, "dd");
}

// A commitment of a plan in public consultation: until when, and a way to comment on this
// commitment, under a subject that names the plan, the commitment and its title.
void write_comment_box(const Site& site, const doc::Facts& facts, const doc::CommitmentRef& c, const std::string& lang,
                       xmlNode* parent) {
  const doc::ConsultationFacts& k = facts.consultation_facts;
  if (c.comment_href.empty() || !k.open) return;
  xmlNode* box = element(parent, "section", {{"class", "comment-box"}, {"aria-labelledby", "comment-title"}});
  element_text(box, "h2", site.msg(lang, "site.comment_title"), {{"id", "comment-title"}});
  element_text(box, "p", site.msg(lang, "site.comment_deadline", {{"deadline", k.deadline}}));
  xmlNode* actions = element(box, "p", {{"class", "comment-actions"}});
  const bool by_mail = !k.email.empty();
  element_text(actions, "a", site.msg(lang, by_mail ? "site.comment_by_email" : "site.comment_by_form"),
               {{"href", c.comment_href}, {"class", "button"}});
  if (by_mail && !c.comment_form.empty()) {
    text(actions, " ");
    element_text(actions, "a", site.msg(lang, "site.comment_by_form"), {{"href", c.comment_form}, {"class", "button button-secondary"}});
  }
  element_text(box, "p", site.msg(lang, "site.comment_subject", {{"subject", c.comment_subject}}), {{"class", "meta"}});
  if (by_mail) element_text(box, "p", site.msg(lang, "site.comment_address", {{"email", k.email}}), {{"class", "meta"}});
}

}  // namespace

ChapterContents write_chapter_contents(const Site& site, const doc::Chapter& ch, const std::string& lang, xmlNode* main) {
  xmlNode* grid = element(main, "div", {{"class", "page-grid"}});
  xmlNode* toc = element(grid, "nav", {{"class", "toc toc-compact"}, {"aria-labelledby", "toc-title"}});
  element_text(toc, "h2", site.msg(lang, "site.contents"), {{"id", "toc-title"}});
  xmlNode* toc_list = element(toc, "ul");
  for (const auto& b : ch.blocks)
    if (const auto* h = std::get_if<doc::Heading>(&b.content); h && h->level == 2 && !b.anchor.empty() && !h->parts.empty())
      element_text(element(toc_list, "li"), "a", prose::plain_text(h->parts.front().value), {{"href", "#" + b.anchor}});
  return {grid, toc_list};
}

BlockContext chapter_context(const Site& site, const SitePlan& p, const std::string& lang, const std::string& page,
                             Notes& notes, int heading_offset) {
  BlockContext ctx;
  ctx.prose.notes = &notes;
  ctx.prose.internal_link = internal_links(p, lang, page);
  ctx.page_lang = lang;
  ctx.heading_offset = heading_offset;
  for (const auto& l : p.langs)
    if (l != lang)
      ctx.fallback_notes[l] = site.msg(lang, "site.fallback", {{"language", site.loc(lang).language_name(lang)},
                                                              {"original", site.loc(lang).language_name(l)}});
  ctx.mark = p.docs.at(lang)->front_for(lang).untranslated;
  return ctx;
}

void write_commitment_pages(Site& site, const SitePlan& p, const std::string& lang) {
  const doc::Document& d = *p.docs.at(lang);
  const auto& commitments = d.facts.commitments;
  for (size_t k = 0; k < commitments.size(); ++k) {
    const doc::CommitmentRef& c = commitments[k];
    const doc::Chapter* ch = d.chapter(doc::Chapter::Kind::Commitment, c.number);
    if (!ch) continue;
    const std::string heading = ch->title.empty() ? c.title : prose::plain_text(ch->title.front().value);
    PageInfo info;
    info.path = urls::commitment(lang, p.slug, p.commitment_slugs.at(c.number));
    info.lang = lang;
    info.title = heading;
    const std::string summary = chapter_summary(*ch);
    info.description = shorten(summary.empty() ? heading + ". " + d.front_for(lang).title : summary);
    info.section = Section::Plans;
    info.breadcrumb = {{site.msg(lang, "site.nav_plans"), urls::home(lang)},
                       {site.plan_short(p, lang), urls::plan(lang, p.slug)},
                       {site.msg(lang, "site.commitment_short", {{"number", static_cast<long long>(c.number)}}), ""}};
    info.alternates = alternates_of(site, &p, lang, [&](const std::string& l) {
      return urls::commitment(l, p.slug, p.commitment_slugs.at(c.number));
    });
    Page page = start_page(site, info);
    xmlNode* main = main_of(page);
    auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };

    element_text(main, "p", d.front_for(lang).title, {{"class", "eyebrow"}});
    // The chapter's title as compose made it: a title that stands in is marked, in its language.
    xmlNode* h1 = element(main, "h1", {{"id", ch->anchor}});
    if (ch->title.empty()) text(h1, heading);
    else render_inlines(h1, ch->title.front().value, ProseContext{});

    // The summary: what the reader needs first, before the sections.
    xmlNode* box = element(main, "section", {{"class", "commitment-summary"}, {"aria-labelledby", "summary-title"}});
    element_text(box, "h2", site.msg(lang, "site.summary"), {{"id", "summary-title"}, {"class", "visually-hidden"}});
    const ShortDescription about = short_description(*ch);
    if (!about.text.empty()) {
      xmlNode* para = element_text(box, "p", shorten(about.text, 280), {{"class", "summary-text"}});
      if (!about.lang.empty() && about.lang != lang) set_attr(para, "lang", about.lang);
    }
    xmlNode* dl = element(box, "dl", {{"class", "summary-facts"}});
    if (!c.lead_anchors.empty()) {
      xmlNode* dd = summary_row(dl, site.msg(lang, "meta.lead"), "summary-lead");
      for (size_t i = 0; i < c.lead_anchors.size() && i < c.lead_names.size(); ++i) {
        if (i > 0) text(dd, "; ");
        element_text(dd, "a", c.lead_names[i], {{"href", rel(urls::organisations(lang)) + "#" + c.lead_anchors[i]}});
      }
    }
    if (!c.period.empty()) text(summary_row(dl, site.msg(lang, "meta.period"), "summary-period"), c.period);
    if (!c.ogp_id.empty()) {
      xmlNode* dd = summary_row(dl, site.msg(lang, "meta.ogp_id"), "summary-ogp-id");
      const std::string url = ogp_commitment_url(site, p, c);
      if (url.empty()) text(dd, c.ogp_id);
      else element_text(dd, "a", c.ogp_id, {{"href", url}, {"hreflang", "en"}});
    }
    text(summary_row(dl, site.msg(lang, "site.stage"), "summary-stage"), site.msg(lang, "stage." + d.facts.stage));
    if (const std::string done = commitment_completion(site, p, c, lang); !done.empty())
      text(summary_row(dl, site.msg(lang, "site.status"), "summary-status"), done);
    write_draft_notice(site, p, lang, main, false);
    write_comment_box(site, d.facts, c, lang, main);

    // On this page: the sections (A–G, milestones, contacts), after the summary.
    // Named, not a structured binding: clang before 16 cannot capture a binding in a lambda.
    const auto contents = write_chapter_contents(site, *ch, lang, main);
    xmlNode* const grid = contents.grid;
    xmlNode* const contents_list = contents.list;

    Notes notes;
    BlockContext ctx = chapter_context(site, p, lang, info.path, notes, 0);
    if (!d.facts.final_stage) ctx.empty_note = site.msg(lang, "site.section_empty");
    xmlNode* body = element(grid, "div", {{"class", "page-content"}});
    render_chapter_blocks(body, without_number_row(*ch), ctx);
    // Its life after Final: the updates with evidence, then the IRM's ratings (nothing without data).
    // Each update links its period's report in this language, where the build made one.
    auto report = [&](const std::string& period) {
      for (const auto& dl : p.downloads)
        if (dl.artifact.period == period && dl.artifact.edition == lang && dl.artifact.kind == ArtifactKind::Pdf)
          return ReportLink{rel(dl.site_path), dl.bytes};
      return ReportLink{};
    };
    write_commitment_progress(
        site, d.facts.progress, c.number, lang, body,
        [&](const std::string& id, const std::string& label) { element_text(element(contents_list, "li"), "a", label, {{"href", "#" + id}}); },
        report);
    write_notes(body, notes, site.msg(lang, "site.notes"), site.msg(lang, "site.note_back"), ctx.prose);

    // Previous and next commitment of the plan.
    xmlNode* pager = element(main, "nav", {{"class", "pager"}, {"aria-label", site.msg(lang, "site.pager")}});
    auto link = [&](size_t at, const char* key, const char* cls) {
      const doc::CommitmentRef& o = commitments[at];
      xmlNode* a = element(pager, "a", {{"href", rel(urls::commitment(lang, p.slug, p.commitment_slugs.at(o.number)))},
                                        {"class", cls}});
      element_text(a, "span", site.msg(lang, key), {{"class", "pager-label"}});
      element_text(a, "span",
                   site.msg(lang, "index.commitment",
                            {{"number", static_cast<long long>(o.number)}, {"title", o.title}}),
                   {{"class", "pager-title"}});
    };
    if (k > 0) link(k - 1, "site.previous", "pager-prev");
    if (k + 1 < commitments.size()) link(k + 1, "site.next", "pager-next");
    end_page(site, page);
  }
}

}  // namespace renaksi::html
