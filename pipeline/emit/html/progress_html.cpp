// A commitment's progress and IRM ratings on its page; the plan's progress line.
#include "emit/html/progress_html.h"

namespace renaksi::html {

namespace {

// Evidence and sources are links out of the archive to pages nobody here vouches for.
constexpr const char* kOutRel = "nofollow noopener noreferrer external";

bool web_link(const std::string& href) { return href.starts_with("https://") || href.starts_with("http://"); }

void evidence_list(xmlNode* parent, const std::vector<doc::EvidenceFact>& evidence, const Site& site, const std::string& lang) {
  std::vector<const doc::EvidenceFact*> shown;
  for (const auto& e : evidence)
    if (web_link(e.href)) shown.push_back(&e);  // check refuses any other (C106): never a javascript: link
  if (shown.empty()) return;
  xmlNode* p = element(parent, "div", {{"class", "progress-evidence"}});
  element_text(p, "span", site.msg(lang, "progress.evidence"), {{"class", "progress-evidence-label"}});
  xmlNode* ul = element(p, "ul");
  for (const auto* e : shown) {
    xmlNode* a = element_text(element(ul, "li"), "a", e->label.empty() ? e->href : e->label,
                              {{"href", e->href}, {"rel", kOutRel}});
    if (!e->label.empty() && !e->label_lang.empty()) set_attr(a, "lang", e->label_lang);
  }
}

// "Substantial (previously Limited) · Updated 15 July 2019", the level marked for styling; what
// changed since the period before (`before`: the same commitment's or milestone's update of
// that period, if any) only when the level did.
void level_line(xmlNode* parent, const doc::UpdateFact& u, const doc::UpdateFact* before, const Site& site,
                const std::string& lang) {
  xmlNode* meta = element(parent, "p", {{"class", "meta progress-meta"}});
  element_text(meta, "span", u.level, {{"class", "progress-level level-" + u.level_id}});
  if (before && !before->level_id.empty() && before->level_id != u.level_id)
    element_text(meta, "span", " " + site.msg(lang, "progress.previously", {{"level", before->level}}),
                 {{"class", "progress-change"}});
  if (!u.date.empty()) {
    text(meta, " \u00b7 ");
    xmlNode* t = element(meta, "time", {{"datetime", u.iso_date}});
    text(t, site.msg(lang, "progress.updated", {{"date", u.date}}));
  }
}

void narrative(xmlNode* parent, const doc::UpdateFact& u) {
  if (u.narrative.empty()) return;
  xmlNode* p = element_text(parent, "p", u.narrative, {{"class", "progress-narrative"}});
  if (!u.narrative_lang.empty()) set_attr(p, "lang", u.narrative_lang);
}

}  // namespace

void write_commitment_progress(const Site& site, const doc::ProgressFacts& progress, int number, const std::string& lang,
                               xmlNode* parent, const std::function<void(const std::string&, const std::string&)>& toc,
                               const std::function<ReportLink(const std::string& period)>& report) {
  const doc::CommitmentProgressFacts* c = progress.of(number);
  if (!c) return;
  if (!c->history.empty()) {
    const std::string title = site.msg(lang, "progress.title");
    xmlNode* s = element(parent, "section", {{"id", "progress"}, {"class", "commitment-progress"}, {"aria-labelledby", "progress-title"}});
    element_text(s, "h2", title, {{"id", "progress-title"}});
    toc("progress", title);
    xmlNode* ol = element(s, "ol", {{"class", "progress-history"}, {"reversed", "reversed"}});
    for (size_t i = 0; i < c->history.size(); ++i) {
      const doc::UpdateFact& u = c->history[i];
      const doc::UpdateFact* before = i + 1 < c->history.size() ? &c->history[i + 1] : nullptr;  // newest first
      xmlNode* li = element(ol, "li", {{"class", "progress-update"}, {"id", "progress-" + u.period_id}});
      element_text(li, "h3", site.msg(lang, "progress.period", {{"period", u.period}}));
      level_line(li, u, before, site, lang);
      narrative(li, u);
      evidence_list(li, u.evidence, site, lang);
      if (const ReportLink r = report ? report(u.period_id) : ReportLink{}; !r.href.empty())
        element_text(element(li, "p", {{"class", "progress-report"}}), "a",
                     site.msg(lang, "progress.report_link", {{"size", site.loc(lang).file_size(r.bytes)}}),
                     {{"href", r.href}, {"type", "application/pdf"}, {"hreflang", lang}});
      if (u.milestones.empty()) continue;
      element_text(li, "h4", site.msg(lang, "progress.milestones"));
      xmlNode* ul = element(li, "ul", {{"class", "progress-milestones"}});
      for (const auto& m : u.milestones) {
        xmlNode* mi = element(ul, "li");
        element_text(mi, "p", m.name.empty() ? m.ref : m.name, {{"class", "progress-milestone-name"}});
        const doc::UpdateFact* was = nullptr;  // the milestone in the period before, if that update named it
        if (before)
          for (const auto& bm : before->milestones)
            if (bm.ref == m.ref) was = &bm;
        level_line(mi, m, was, site, lang);
        narrative(mi, m);
        evidence_list(mi, m.evidence, site, lang);
      }
    }
  }
  if (!c->irm.empty()) {
    const std::string title = site.msg(lang, "irm.title");
    xmlNode* s = element(parent, "section", {{"id", "irm"}, {"class", "commitment-irm"}, {"aria-labelledby", "irm-title"}});
    element_text(s, "h2", title, {{"id", "irm-title"}});
    toc("irm", title);
    xmlNode* dl = element(s, "dl", {{"class", "irm-ratings"}});
    for (const auto& r : c->irm) {
      xmlNode* row = element(dl, "div", {{"class", "irm-" + r.kind}});
      element_text(row, "dt", r.label);
      xmlNode* dd = element(row, "dd");
      text(dd, r.value);
      if (!web_link(r.source)) continue;
      text(dd, " ");
      const std::string label = r.report.empty() ? site.msg(lang, "irm.source")
                                                 : site.msg(lang, "irm.source_report", {{"report", r.report}});
      element_text(dd, "a", label, {{"href", r.source}, {"rel", kOutRel}, {"class", "irm-source"}, {"hreflang", "en"}});
    }
    element_text(s, "p", site.msg(lang, "irm.note"), {{"class", "meta irm-note"}});
  }
}

std::string progress_line(const Site& site, const doc::ProgressFacts& progress, const std::string& lang) {
  if (progress.with_level == 0 || progress.as_of.empty()) return {};
  return site.msg(lang, "progress.home_line", {{"advanced", static_cast<long long>(progress.advanced)},
                                               {"total", static_cast<long long>(progress.total)},
                                               {"date", progress.as_of}});
}

std::string period_text(const doc::ProgressFacts& progress, const std::string& id) {
  for (const auto& c : progress.commitments)
    for (const auto& u : c.history)
      if (u.period_id == id && !u.period.empty()) return u.period;
  return id;
}

}  // namespace renaksi::html
