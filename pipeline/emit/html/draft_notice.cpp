// The notice on every page of a plan that is not Final: its stage, and an invitation to
// comment (at Draft 4, to the public consultation this page serves).
#include "emit/html/pages.h"
#include "emit/html/prose_html.h"

namespace renaksi::html {

void write_draft_notice(const Site& site, const SitePlan& p, const std::string& lang, xmlNode* parent, bool full) {
  if (p.plan->stage == Stage::Final) return;
  const std::string stage = site.msg(lang, "stage." + std::string(stage_id(p.plan->stage)));
  xmlNode* box = element(parent, "div", {{"class", "notice notice-draft"}, {"role", "note"}});
  xmlNode* title = element(box, "p", {{"class", "notice-title"}});
  element_text(title, "strong", stage);
  element_text(box, "p", site.msg(lang, "site.draft_text", {{"stage", stage}}));
  if (!full) return;
  const Organisation* issuer = p.plan->organisation(p.plan->issuer);
  const std::string name = issuer ? site.text_in(p, issuer->name, lang) : std::string();
  const bool consultation = p.plan->stage == Stage::Draft4;
  element_text(box, "p",
               site.msg(lang, consultation ? "site.consultation_invite" : "site.comment_invite", {{"issuer", name}}));
  if (issuer && !issuer->url.empty() && is_external_url(issuer->url) && issuer->url.rfind("mailto:", 0) != 0)
    element_text(element(box, "p"), "a", site.msg(lang, "site.comment_link", {{"issuer", name}}), {{"href", issuer->url}});
}

}  // namespace renaksi::html
