// Rules over a plan's progress files: every problem reported, not only the first.
#include "check/progress_checks.h"

#include <map>
#include <set>
#include <string>

#include "check/addresses.h"

namespace renaksi {

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

class ProgressChecker {
 public:
  ProgressChecker(const Plan& plan, Diagnostics& diags) : plan_(plan), diags_(diags) {}

  void run() {
    const PlanProgress& pr = plan_.progress;
    if (pr.empty() && pr.declared_periods.empty()) return;
    if (plan_.stage != Stage::Final && !pr.empty()) {
      const SourceLoc at = !pr.reports.empty() ? pr.reports.front().loc : pr.irm.front().loc;
      diags_.warning(Code::C109, at,
                     "progress is recorded for a plan at " + std::string(stage_id(plan_.stage)) +
                         "; a plan is implemented, and its progress shown, once it is Final");
    }
    check_periods();
    std::set<std::string> periods;
    for (const auto& p : reporting_periods(plan_.progress, plan_.period)) periods.insert(p.id);
    std::map<std::string, SourceLoc> reported;
    for (const auto& r : pr.reports) {
      if (!periods.count(r.period_id)) {
        std::string known;
        for (const auto& p : reporting_periods(plan_.progress, plan_.period)) known += (known.empty() ? "" : ", ") + p.id;
        diags_.error(Code::C102, r.period_loc,
                     "the reporting period " + quoted(r.period_id) + " is not one of the plan's (" +
                         (known.empty() ? std::string("none") : known) +
                         "; progress/periods.xml declares others, else they are six-monthly from the plan's start)");
      } else if (auto [it, fresh] = reported.emplace(r.period_id, r.period_loc); !fresh) {
        diags_.error(Code::C102, r.period_loc,
                     "a second report for the period " + quoted(r.period_id) + " (the first is at " + it->second.str() + ")");
      }
      check_date(r.updated, "the date of the update");
      check_report(r);
    }
    check_irm();
  }

 private:
  void check_date(const IsoDate& d, const std::string& whose) {
    if (d.text.empty()) return;
    if (!d.day()) diags_.error(Code::C001, d.loc, quoted(d.text) + " is not a real calendar date (" + whose + ")");
  }

  void check_periods() {
    std::set<std::string> ids;
    for (const auto& p : plan_.progress.declared_periods) {
      if (!ids.insert(p.id).second) diags_.error(Code::C102, p.loc, "the reporting period " + quoted(p.id) + " is declared twice");
      bool ok = true;
      for (const IsoDate* d : {&p.period.start, &p.period.end})
        if (!d->date()) {
          diags_.error(Code::C001, d->loc, quoted(d->text) + " is not a real calendar date (reporting period " + quoted(p.id) + ")");
          ok = false;
        }
      if (!ok) continue;
      if (!p.period.valid()) {
        diags_.error(Code::C002, p.period.end.loc,
                     "the reporting period " + quoted(p.id) + " ends (" + p.period.end.text + ") before it starts (" +
                         p.period.start.text + ")");
        continue;
      }
      if (plan_.period.valid() && !p.period.inside(plan_.period))
        diags_.error(Code::C101, p.loc,
                     "the reporting period " + quoted(p.id) + " (" + p.period.start.text + " to " + p.period.end.text +
                         ") lies outside the plan's period (" + plan_.period.start.text + " to " + plan_.period.end.text + ")");
    }
  }

  // Every text of a field in a language of the plan, once, not empty; every language there.
  void check_texts(const ProgressTexts& field, const std::string& what, bool required) {
    if (field.texts.empty() && !required) return;
    std::set<std::string> seen;
    std::set<std::string> declared;
    for (const auto& l : plan_.languages) declared.insert(l.code);
    for (const auto& t : field.texts) {
      if (!declared.count(t.lang))
        diags_.error(Code::C010, t.loc, what + " has a text in " + quoted(t.lang) + ", which the plan does not declare");
      else if (!seen.insert(t.lang).second)
        diags_.error(Code::C011, t.loc, what + " has a second text in " + quoted(t.lang));
      if (t.value.empty()) diags_.error(Code::C014, t.loc, what + " text in " + quoted(t.lang) + " is empty");
    }
    for (const auto& l : plan_.languages)
      if (!seen.count(l.code)) {
        const std::string m = what + " has no text in " + quoted(l.code) + ": a progress report is published in every language of the plan";
        if (plan_.stage == Stage::Final) diags_.error(Code::C107, field.loc, m);
        else diags_.warning(Code::C107, field.loc, m);
      }
  }

  void check_entry(const ProgressEntry& e, const std::string& what, const IsoDate& report_date) {
    // Its own date (the report's is checked once).
    if (e.updated.loc.line != report_date.loc.line || e.updated.loc.col != report_date.loc.col)
      check_date(e.updated, "the date of " + what);
    check_texts(e.narrative, "the narrative of " + what, true);
    for (const auto& link : e.evidence) {
      if (!is_web_link(link.href))
        diags_.error(Code::C106, link.loc,
                     "the evidence link " + quoted(link.href.size() > 80 ? link.href.substr(0, 80) + "…" : link.href) +
                         " of " + what + " is not an http or https address");
      check_texts(link.label, "the label of an evidence link of " + what, false);
    }
  }

  void check_report(const ProgressReport& r) {
    std::set<std::string> seen;
    for (const auto& cp : r.commitments) {
      const ProgressEntry& e = cp.entry;
      const Commitment* c = commitment(e.ref);
      if (!c) {
        diags_.error(Code::C103, e.ref_loc, "the plan has no commitment " + quoted(e.ref));
        continue;  // its milestones cannot be resolved either
      }
      if (!seen.insert(e.ref).second)
        diags_.error(Code::C108, e.ref_loc, "commitment " + quoted(e.ref) + " is reported twice in this period");
      const std::string what = "commitment " + std::to_string(c->number);
      check_entry(e, what, r.updated);
      std::set<std::string> seen_m;
      std::vector<std::string> not_started;
      for (const auto& me : cp.milestones) {
        const Milestone* m = milestone(*c, me.ref);
        if (!m) {
          diags_.error(Code::C103, me.ref_loc, what + " has no milestone " + quoted(me.ref));
          continue;
        }
        if (!seen_m.insert(me.ref).second)
          diags_.error(Code::C108, me.ref_loc, "milestone " + quoted(me.ref) + " is reported twice in this period");
        const std::string mwhat = "milestone " + quoted(me.ref) + " of " + what;
        check_entry(me, mwhat, r.updated);
        if (me.level == Completion::NotStarted) not_started.push_back(me.ref);
        // Complete after its end, and nothing to show for it: a reader will ask.
        if (me.level == Completion::Complete && me.evidence.empty() && m->period && m->period->valid()) {
          const auto done = me.updated.date();
          const auto end = m->period->end.date();
          if (done && end && compare_dates(*done, *end) > 0)
            diags_.warning(Code::C105, me.loc,
                           mwhat + " is marked complete on " + me.updated.text + ", after its end (" + m->period->end.text +
                               "), with no evidence: add an <evidence href=\"…\"/> that shows it was done");
        }
      }
      if (e.level == Completion::Complete && !not_started.empty()) {
        std::string list;
        for (const auto& id : not_started) list += (list.empty() ? "" : ", ") + quoted(id);
        diags_.warning(Code::C104, e.loc, what + " is marked complete while its milestones " + list + " are not started");
      }
    }
  }

  void check_irm() {
    std::set<std::string> seen;
    for (const auto& ic : plan_.progress.irm) {
      if (!commitment(ic.ref)) diags_.error(Code::C103, ic.ref_loc, "the plan has no commitment " + quoted(ic.ref));
      else if (!seen.insert(ic.ref).second)
        diags_.error(Code::C108, ic.ref_loc, "the IRM's ratings of commitment " + quoted(ic.ref) + " are given twice");
      std::set<std::string> kinds;
      for (const auto& r : ic.ratings) {
        if (!kinds.insert(r.kind).second)
          diags_.error(Code::C108, r.loc, "the IRM's " + quoted(r.kind) + " rating of " + quoted(ic.ref) + " is given twice");
        if (!is_web_link(r.source))
          diags_.error(Code::C106, r.loc, "the source " + quoted(r.source) + " of an IRM rating is not an http or https address");
      }
    }
  }

  const Commitment* commitment(const std::string& id) const {
    for (const auto& c : plan_.commitments)
      if (c.id == id) return &c;
    return nullptr;
  }
  static const Milestone* milestone(const Commitment& c, const std::string& id) {
    for (const auto& m : c.milestones)
      if (m.id == id) return &m;
    return nullptr;
  }

  const Plan& plan_;
  Diagnostics& diags_;
};

}  // namespace

void check_progress(const Plan& plan, Diagnostics& diags) { ProgressChecker(plan, diags).run(); }

}  // namespace renaksi
