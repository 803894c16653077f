// The notice on every page of a plan that is not Final: its stage, and an invitation to
// comment. At Draft 4 with a declared consultation: until when, and where (each commitment's
// page has its own way to comment, under its own subject).
#include "doc/link_policy.h"
#include "emit/html/pages.h"
#include "emit/html/prose_html.h"

namespace renaksi::html {

void write_draft_notice(const Site& site, const SitePlan& p, const std::string& lang, xmlNode* parent, bool full) {
  const doc::Facts& facts = p.facts_in(lang);
  if (facts.final_stage) return;
  const std::string stage = site.msg(lang, "stage." + facts.stage);
  xmlNode* box = element(parent, "div", {{"class", "notice notice-draft"}, {"role", "note"}});
  xmlNode* title = element(box, "p", {{"class", "notice-title"}});
  element_text(title, "strong", stage);
  element_text(box, "p", site.msg(lang, "site.draft_text", {{"stage", stage}}));
  if (!full) return;
  if (const doc::ConsultationFacts& k = facts.consultation_facts; k.open) {
    element_text(box, "p", site.msg(lang, "site.consultation_open", {{"deadline", k.deadline}, {"period", k.period}}));
    xmlNode* where = element(box, "p");
    const std::string subject = site.msg(lang, "site.consultation_subject", {{"plan", p.slug}});
    if (!k.email.empty()) {
      element_text(where, "a", site.msg(lang, "site.comment_address", {{"email", k.email}}),
                   {{"href", "mailto:" + k.email + "?subject=" + prose::url_query_value(subject)}});
    }
    if (!k.form.empty() && prose::allowed_link(k.form)) {
      if (!k.email.empty()) text(where, " · ");
      element_text(where, "a", site.msg(lang, "site.comment_by_form"), {{"href", prose::with_subject(k.form, subject)}});
    }
    return;
  }
  const std::string& name = facts.issuer_name;
  // Without an issuer there is no one to send comments to: no invitation ("Send them to .").
  if (name.empty()) return;
  element_text(box, "p",
               site.msg(lang, facts.consultation ? "site.consultation_invite" : "site.comment_invite", {{"issuer", name}}));
  const std::string& url = facts.issuer_url;
  if (!url.empty() && prose::allowed_link(url) && url.rfind("mailto:", 0) != 0)
    element_text(element(box, "p"), "a", site.msg(lang, "site.comment_link", {{"issuer", name}}), {{"href", url}});
}

}  // namespace renaksi::html
