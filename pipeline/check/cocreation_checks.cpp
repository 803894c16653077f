// Rules over a plan's co-creation record: every problem reported, not only the first.
#include "check/cocreation_checks.h"

#include <map>
#include <set>
#include <string>

#include "check/addresses.h"
#include "text/utf8_cut.h"

namespace renaksi {

namespace {

std::string quoted(const std::string& s) { return "'" + (s.size() > 80 ? std::string(utf8_prefix(s, 80)) + "…" : s) + "'"; }

class CocreationChecker {
 public:
  CocreationChecker(const Plan& plan, Diagnostics& diags) : plan_(plan), diags_(diags), final_(plan.stage == Stage::Final) {
    for (const auto& l : plan.languages) declared_.insert(l.code);
  }

  void run() {
    const Cocreation& r = plan_.record;
    check_consultation(r.consultation);
    std::map<std::string, SourceLoc> ids;
    for (const auto& p : r.proposals) {
      unique(ids, p.id, p.loc, "proposal");
      check_proposal(p);
    }
  }

 private:
  void unique(std::map<std::string, SourceLoc>& seen, const std::string& id, const SourceLoc& at, const std::string& what) {
    if (auto [it, fresh] = seen.emplace(id, at); !fresh)
      diags_.error(Code::C201, at, "a second " + what + " " + quoted(id) + " (the first is at " + it->second.str() + ")");
  }

  void check_date(const IsoDate& d, const std::string& whose) {
    if (d.text.empty()) return;
    if (!d.day()) diags_.error(Code::C001, d.loc, quoted(d.text) + " is not a real calendar date (" + whose + ")");
    else if (!d.year_in_range()) diags_.error(Code::C023, d.loc, quoted(d.text) + " is out of range (" + whose + ")");
  }

  const Commitment* commitment(const std::string& id, const SourceLoc& at, const std::string& whose) {
    const Commitment* c = plan_.commitment(id);
    if (!c) {
      std::string known;
      for (const auto& k : plan_.commitments) {
        if (known.size() > 200) {
          known += ", …";
          break;
        }
        known += (known.empty() ? "" : ", ") + k.id;
      }
      diags_.error(Code::C202, at,
                   whose + " names the commitment " + quoted(id) + ", which the plan does not have (" +
                       (known.empty() ? std::string("it has none") : "its commitments are " + known) + ")");
    }
    return c;
  }

  // Each text of `field` once per language, not empty; `own_words`: a text the public wrote (what
  // was heard, a name) may be in a language the plan does not declare, and needs no translation.
  void check_languages(const LocalizedText& field, const std::string& what, bool own_words) {
    std::set<std::string> seen;
    for (const auto& t : field.texts) {
      if (!t.lang.empty() && !declared_.count(t.lang) && !own_words)
        diags_.error(Code::C010, t.loc, what + " has a text in " + quoted(t.lang) + ", which the plan does not declare");
      if (!seen.insert(t.lang).second) diags_.error(Code::C011, t.loc, what + " has a second text in " + quoted(t.lang));
      if (t.value.empty()) diags_.error(Code::C014, t.loc, what + " text" + (t.lang.empty() ? "" : " in " + quoted(t.lang)) + " is empty");
    }
  }

  // The government's words (a decision's reason, a response): in every language of the plan by
  // Final (an error then, a warning before); absent altogether, `absent` says what follows.
  void check_reasoned(const LocalizedText& field, const std::string& what, const std::string& absent, Code absent_code) {
    check_languages(field, what, false);
    if (!field.present()) {
      if (final_) diags_.error(absent_code, field.loc, what + " is missing: " + absent + " (required at Final)");
      return;
    }
    std::set<std::string> seen;
    for (const auto& t : field.texts) seen.insert(t.lang);
    for (const auto& l : plan_.languages)
      if (!seen.count(l.code)) {
        const std::string m = what + " has no text in " + quoted(l.code) +
                              ": the reasoned response is published in every language of the plan";
        if (final_) diags_.error(Code::C203, field.loc, m + " (required at Final)");
        else diags_.warning(Code::C203, field.loc, m + " (an error from Final on)");
      }
  }

  void check_proposal(const Proposal& p) {
    const std::string what = "proposal " + quoted(p.id);
    check_date(p.received, "the day " + what + " was received");
    if (!p.theme.empty() && !plan_.theme(p.theme))
      diags_.error(Code::C202, p.theme_loc, what + " names the theme " + quoted(p.theme) + ", which plan.xml does not declare");
    if (!p.imported.empty()) commitment(p.imported, p.imported_loc, what + " (imported)");
    if (!p.link.empty() && !is_web_link(p.link))
      diags_.error(Code::C205, p.link_loc, "the link " + quoted(p.link) + " of " + what + " is not an http or https address");
    check_languages(p.from, "who made " + what, true);
    check_languages(p.title, "the title of " + what, false);
    check_languages(p.summary, "the summary of " + what, false);
    switch (p.decision) {
      case Decision::TakenUp:
      case Decision::Merged:
        commitment(p.decision_commitment, p.decision_loc, "the decision on " + what);
        break;
      case Decision::Forwarded:
        if (!plan_.organisation(p.forwarded_to))
          diags_.error(Code::C202, p.decision_loc,
                       "the decision on " + what + " forwards it to " + quoted(p.forwarded_to) +
                           ", which organisations.xml does not list");
        break;
      case Decision::NotTakenUp:
      case Decision::Pending:
        break;
    }
    if (p.decision == Decision::Pending) {
      if (final_)
        diags_.error(Code::C204, p.decision_loc,
                     what + " is still pending: a Final plan records a decision on every proposal, with its reason");
      check_languages(p.reason, "the reason given for " + what, false);
      return;
    }
    if (!p.reason.present() && !final_) {
      diags_.warning(Code::C203, p.decision_loc,
                     "the decision on " + what + " gives no reason (an error from Final on: OGP's co-creation standards "
                     "ask for a reasoned response)");
      return;
    }
    check_reasoned(p.reason, "the reason for the decision on " + what, "a decision is published with its reason", Code::C203);
  }

  void check_consultation(const Consultation& c) {
    if (!c.declared) {
      // A consultation file that could not be read is reported as such, not as none.
      if (plan_.stage == Stage::Draft4 && !plan_.record.consultation_file)
        diags_.warning(Code::C206, plan_.stage_loc,
                       "the plan is at Draft 4, the public consultation, but declares none: add "
                       "cocreation/consultation.xml with its period and where comments go, so each commitment "
                       "can be commented on");
      return;
    }
    bool dates = true;
    for (const IsoDate* d : {&c.period.start, &c.period.end}) {
      dates = dates && d->day() && d->year_in_range();
      check_date(*d, "the consultation's period");
    }
    if (dates && !c.period.valid())
      diags_.error(Code::C002, c.period.end.loc,
                   "the consultation ends (" + c.period.end.text + ") before it starts (" + c.period.start.text + ")");
    if (!c.email.empty() && !plausible_email(c.email))
      diags_.error(Code::C205, c.email_loc, "the consultation's address " + quoted(c.email) + " is not an email address");
    if (!c.form.empty() && !is_web_link(c.form))
      diags_.error(Code::C205, c.form_loc, "the consultation's form " + quoted(c.form) + " is not an http or https address");
    std::map<std::string, SourceLoc> ids;
    for (const auto& k : c.comments) {
      const std::string what = "comment " + quoted(k.id);
      unique(ids, k.id, k.loc, "comment");
      if (!k.commitment.empty()) commitment(k.commitment, k.commitment_loc, what);
      check_date(k.received, "the day " + what + " was received");
      check_languages(k.from, "who made " + what, true);
      check_languages(k.heard, "what was heard in " + what, true);
      if (!k.response.present() && !final_) continue;  // the consultation may still be open
      check_reasoned(k.response, "the response to " + what, "every comment is answered in the reasoned response", Code::C204);
    }
  }

  const Plan& plan_;
  Diagnostics& diags_;
  const bool final_;
  std::set<std::string> declared_;
};

}  // namespace

void check_cocreation(const Plan& plan, Diagnostics& diags) { CocreationChecker(plan, diags).run(); }

}  // namespace renaksi
