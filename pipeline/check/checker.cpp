// The check pass: content rules over a loaded plan.
#include "check/checker.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "check/addresses.h"
#include "check/cocreation_checks.h"
#include "check/progress_checks.h"
#include "check/stage_rules.h"
#include "env/limits.h"
#include "model/visit.h"
#include "text/suggest.h"

namespace renaksi {

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

class Checker {
 public:
  Checker(const Plan& plan, Diagnostics& diags, CheckScope scope) : plan_(plan), diags_(diags), scope_(scope) {
    for (const auto& l : plan.languages) languages_.insert(l.code);
  }

  void run() {
    check_languages();
    check_period(plan_.period, "the plan");
    if (!plan_.issuer.empty()) check_org_ref(plan_.issuer, plan_.issuer_loc, "the plan's issuer");
    unique_ids(plan_.themes, "theme");
    unique_ids(plan_.organisations, "organisation");
    unique_ids(plan_.events, "co-creation event");
    for (const auto& e : plan_.events) check_event(e);
    check_commitment_set();
    for (const auto& c : plan_.commitments) check_commitment(c);
    visit_texts(plan_, [&](const LocalizedText& t, const std::string& what) { check_texts(t, what); });
    if (scope_.profile) check_stage_requirements(plan_, *scope_.profile, diags_);
    check_progress(plan_, diags_);
    check_cocreation(plan_, diags_);
  }

 private:
  void check_languages() {
    std::set<std::string> seen;
    bool administrative = false;
    for (const auto& l : plan_.languages) {
      if (!seen.insert(l.code).second)
        diags_.error(Code::C016, l.loc, "the language " + quoted(l.code) + " is declared twice");
      administrative = administrative || l.administrative;
    }
    for (const auto& l : plan_.languages) check_date_style(l);
    if (!plan_.languages.empty() && !administrative)
      diags_.error(Code::C016, plan_.languages.front().loc,
                   "no language is marked administrative=\"true\"; OGP needs the plan in the country's "
                   "administrative language and in English");
    // The OGP submission, made for a Final plan, carries every text in English as well.
    if (plan_.stage == Stage::Final && !plan_.languages.empty() && !seen.contains("en"))
      diags_.error(Code::C026, plan_.languages.front().loc,
                   "a Final plan needs English among its languages: OGP takes every plan in English as well as the "
                   "administrative language (add <language code=\"en\"/> and the English texts)");
  }

  // A language's date style is a locale of that language (C027): "en-GB" for English, never
  // "id-ID", whose month names would be Indonesian in the English edition.
  void check_date_style(const Language& l) {
    if (l.date_style.empty()) return;
    auto primary = [](const std::string& tag) {
      std::string p = tag.substr(0, tag.find_first_of("-_"));
      for (auto& ch : p) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      return p;
    };
    if (primary(l.date_style) != primary(l.code))
      diags_.error(Code::C027, l.date_style_loc,
                   "the date style " + quoted(l.date_style) + " of the language " + quoted(l.code) +
                       " is a locale of another language; its month names would not be in " + quoted(l.code) +
                       " (write e.g. date-style=\"" + primary(l.code) + "-GB\" or leave it out)");
  }

  // A real date (C001) in a year renaksi handles (C023).
  bool check_date(const IsoDate& d, const std::string& whose) {
    if (!d.date()) {
      diags_.error(Code::C001, d.loc,
                   quoted(d.text) + " is not a real calendar date, year (YYYY) or month (YYYY-MM) (" + whose + ")");
      return false;
    }
    if (!d.year_in_range()) {
      diags_.error(Code::C023, d.loc,
                   "the year of " + quoted(d.text) + " is out of range: it must be from " + std::to_string(limits::kMinYear) +
                       " to " + std::to_string(limits::kMaxYear) + " (" + whose + ")");
      return false;
    }
    return true;
  }

  // Real dates and end not before start. Returns true when the period can be compared.
  bool check_period(const Period& p, const std::string& whose) {
    bool ok = true;
    for (const IsoDate* d : {&p.start, &p.end}) ok = check_date(*d, whose) && ok;
    if (ok && !p.valid()) {
      diags_.error(Code::C002, p.end.loc, whose + " ends (" + p.end.text + ") before it starts (" + p.start.text + ")");
      ok = false;
    }
    return ok;
  }

  void check_org_ref(const std::string& ref, const SourceLoc& loc, const std::string& whose) {
    if (scope_.organisations_loaded && !plan_.organisation(ref))
      diags_.error(Code::C008, loc,
                   whose + " refers to the organisation " + quoted(ref) + ", which organisations.xml does not list");
  }

  template <typename T>
  void unique_ids(const std::vector<T>& items, const std::string& kind) {
    std::map<std::string, const SourceLoc*> seen;
    for (const auto& item : items) {
      auto [it, inserted] = seen.emplace(item.id, &item.loc);
      if (!inserted)
        diags_.error(Code::C006, item.loc,
                     "the " + kind + " id " + quoted(item.id) + " is already used at " + it->second->str());
    }
  }

  void check_event(const Event& e) {
    if (e.single_day) {
      check_date(e.when.start, "event " + quoted(e.id));
    } else {
      check_period(e.when, "event " + quoted(e.id));
    }
    if (e.participants) {
      const auto& p = *e.participants;
      long women = p.women.value_or(0), men = p.men.value_or(0);
      if (p.total && women + men > *p.total)
        diags_.error(Code::C015, p.loc,
                     "event " + quoted(e.id) + " counts " + std::to_string(women) + " women and " + std::to_string(men) +
                         " men, more than its " + std::to_string(*p.total) + " participants");
    }
  }

  void check_commitment_set() {
    if (plan_.commitments.empty()) {
      if (!scope_.all_commitments_loaded) return;
      diags_.error(Code::C019, plan_.loc, "the plan has no commitments (expected commitments/*.xml in " +
                                              plan_.folder + ")");
      return;
    }
    unique_ids(plan_.commitments, "commitment");
    std::map<int, const Commitment*> numbers;
    for (const auto& c : plan_.commitments) {
      auto [it, inserted] = numbers.emplace(c.number, &c);
      if (!inserted)
        diags_.error(Code::C007, c.loc,
                     "the commitment number " + std::to_string(c.number) + " is already used at " + it->second->loc.str());
    }
    if (!scope_.all_commitments_loaded) return;  // a gap may be a file that did not load
    int expected = 1;
    for (const auto& [number, c] : numbers) {
      if (number != expected) {
        diags_.warning(Code::C021, c->loc,
                       "commitment " + std::to_string(number) + " follows number " + std::to_string(expected - 1) +
                           "; numbers should run 1, 2, 3 … without gaps");
        break;
      }
      ++expected;
    }
  }

  // The commitment against its template: only the profile's sections, each once; only the
  // value and alignment kinds the profile asks for; no more milestones than it allows.
  void check_template(const Commitment& c, const TemplateProfile& profile, const std::string& who) {
    const std::vector<std::string_view> ids = profile.prose_ids();
    std::set<std::string> seen;
    for (const auto& s : c.sections) {
      if (!profile.prose_section(s.id)) {
        const std::string near = nearest(s.id, ids);
        std::string known;
        for (auto id : ids) known += (known.empty() ? "" : ", ") + std::string(id);
        diags_.error(Code::C024, s.loc,
                     who + " has the section <" + s.id + ">, which the template '" + profile.id + "' does not have" +
                         (near.empty() ? " (its sections: " + known + ")" : "; did you mean <" + near + ">?"));
      } else if (!seen.insert(s.id).second) {
        diags_.error(Code::C024, s.loc, who + " gives the section <" + s.id + "> twice");
      }
    }
    auto kinds_of = [](const ProfileSection* ps) {
      std::vector<std::string_view> out;
      if (ps)
        for (const auto& k : ps->choices) out.push_back(k.kind);
      return out;
    };
    auto unasked = [&](const std::string& kind, const SourceLoc& at, const ProfileSection* ps, const char* what) {
      const auto kinds = kinds_of(ps);
      if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return;
      std::string known;
      for (auto k : kinds) known += (known.empty() ? "" : ", ") + std::string(k);
      const std::string near = nearest(kind, kinds);
      diags_.error(Code::C025, at,
                   who + " gives " + what + " " + quoted(kind) + ", which the template '" + profile.id + "' does not ask for" +
                       (kinds.empty() ? " (it has no such section)"
                                      : near.empty() ? " (it asks for " + known + ")" : "; did you mean " + quoted(near) + "?"));
    };
    const ProfileSection* values = profile.of_kind(SectionKind::Values);
    for (const auto& v : c.values) unasked(std::string(ogp_value_id(v.kind)), v.loc, values, "the OGP value");
    const ProfileSection* alignment = profile.of_kind(SectionKind::Alignment);
    for (const auto& a : c.alignment) unasked(a.kind, a.loc, alignment, "an alignment with");
    const ProfileSection* milestones = profile.of_kind(SectionKind::Milestones);
    if (!milestones && !c.milestones.empty())
      diags_.error(Code::C024, c.milestones_loc, who + " has milestones, which the template '" + profile.id + "' does not have");
    if (milestones && milestones->max_rows && c.milestones.size() > static_cast<size_t>(*milestones->max_rows))
      diags_.error(Code::C005, c.milestones[static_cast<size_t>(*milestones->max_rows)].loc,
                   who + " has " + std::to_string(c.milestones.size()) + " milestones; the template '" + profile.id +
                       "' allows at most " + std::to_string(*milestones->max_rows));
    auto unused = [&](bool given, SectionKind k, const SourceLoc& at, const char* what) {
      if (given && !profile.of_kind(k))
        diags_.error(Code::C024, at, who + " has " + what + ", which the template '" + profile.id + "' does not have");
    };
    unused(!c.contacts.empty(), SectionKind::Contacts, c.contacts.empty() ? c.loc : c.contacts.front().loc, "contacts");
    unused(c.budget || !c.sdgs.empty() || c.notes.present(), SectionKind::Additional,
           c.budget ? c.budget->loc : !c.sdgs.empty() ? c.sdgs.front().loc : c.notes.loc, "additional information");
  }

  void check_commitment(const Commitment& c) {
    const std::string who = "commitment " + std::to_string(c.number);
    bool period_ok = false;
    if (c.period) {
      period_ok = check_period(*c.period, who);
      if (period_ok && plan_.period.valid() && !c.period->inside(plan_.period))
        diags_.error(Code::C004, c.period->loc,
                     who + " runs " + c.period->start.text + " to " + c.period->end.text +
                         ", outside the plan's period " + plan_.period.start.text + " to " + plan_.period.end.text);
    }
    for (const auto& t : c.themes)
      if (!plan_.theme(t.ref))
        diags_.error(Code::C009, t.loc, who + " refers to the theme " + quoted(t.ref) + ", which plan.xml does not declare");
    for (const auto& o : c.organisations) check_org_ref(o.ref, o.loc, who);
    check_repeated_organisations(c, who);

    if (scope_.profile) check_template(c, *scope_.profile, who);
    unique_ids(c.milestones, "milestone");
    for (const auto& m : c.milestones) {
      const std::string mwho = who + " milestone " + quoted(m.id);
      if (m.period && check_period(*m.period, mwho) && period_ok && !m.period->inside(*c.period))
        diags_.error(Code::C003, m.period->loc,
                     mwho + " runs " + m.period->start.text + " to " + m.period->end.text + ", outside its commitment's " +
                         c.period->start.text + " to " + c.period->end.text);
      for (size_t i = 0; i < m.actors.size(); ++i) check_org_ref(m.actors[i], m.actor_locs[i], mwho);
    }

    std::set<OgpValue> values;
    for (const auto& v : c.values)
      if (!values.insert(v.kind).second)
        diags_.error(Code::C020, v.loc, who + " lists the OGP value " + quoted(std::string(ogp_value_id(v.kind))) + " twice");

    for (const auto& s : c.sdgs) {
      if (s.target.empty()) continue;
      std::string goal = s.target.substr(0, s.target.find('.'));
      if (goal != std::to_string(s.goal))
        diags_.error(Code::C017, s.loc,
                     "SDG target " + s.target + " belongs to goal " + goal + ", not goal " + std::to_string(s.goal));
    }
    if (c.budget && c.budget->amount && c.budget->currency.empty())
      diags_.error(Code::C018, c.budget->loc, who + " gives a budget amount without its currency (currency=\"IDR\")");

    for (const auto& k : c.contacts) {
      check_org_ref(k.org, k.loc, who + " contact");
      if (!k.email.empty() && !plausible_email(k.email))
        diags_.warning(Code::C022, k.loc, who + " contact email " + quoted(k.email) + " is not an email address");
    }
  }

  // An organisation may be listed once per unit in a role; listing it again with the same unit
  // (or again without one) says nothing new (C028, a warning): the outputs name it once.
  void check_repeated_organisations(const Commitment& c, const std::string& who) {
    auto same_unit = [](const LocalizedText& a, const LocalizedText& b) {
      if (a.texts.size() != b.texts.size()) return false;
      for (const auto& t : a.texts)
        if (b.in(t.lang) != t.value) return false;
      return true;
    };
    for (size_t i = 0; i < c.organisations.size(); ++i)
      for (size_t j = 0; j < i; ++j) {
        const auto& a = c.organisations[j];
        const auto& b = c.organisations[i];
        if (a.ref != b.ref || a.role != b.role || !same_unit(a.unit, b.unit)) continue;
        diags_.warning(Code::C028, b.loc,
                       who + " lists the organisation " + quoted(b.ref) + " as " + std::string(role_id(b.role)) +
                           (b.unit.present() ? " with the same unit" : " without a unit") + " again (first at " +
                           a.loc.str() + "); list it once per unit");
        break;
      }
  }

  // Each text's language is declared, no language twice, no empty text, no language missing.
  void check_texts(const LocalizedText& field, const std::string& what) {
    if (!field.present()) return;
    const bool final_stage = plan_.stage == Stage::Final;
    auto missing = [&](Code code, const SourceLoc& loc, std::string message) {
      if (final_stage)
        diags_.error(code, loc, message + " (required at Final)");
      else
        diags_.warning(code, loc, message + " (an error from Final on)");
    };
    std::set<std::string> seen;
    for (const auto& t : field.texts) {
      if (!languages_.count(t.lang))
        diags_.error(Code::C010, t.loc,
                     what + " has a text in " + quoted(t.lang) + ", which plan.xml does not declare");
      if (!seen.insert(t.lang).second)
        diags_.error(Code::C011, t.loc, what + " has a second text in " + quoted(t.lang));
      if (t.value.empty()) missing(Code::C014, t.loc, what + " text in " + quoted(t.lang) + " is empty");
    }
    for (const auto& l : plan_.languages)
      if (!seen.count(l.code)) missing(Code::C012, field.loc, what + " has no text in " + quoted(l.code));
  }

  const Plan& plan_;
  Diagnostics& diags_;
  CheckScope scope_;
  std::set<std::string> languages_;
};

}  // namespace

void check_plan(const Plan& plan, Diagnostics& diags, CheckScope scope) { Checker(plan, diags, scope).run(); }

}  // namespace renaksi
