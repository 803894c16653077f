// Compares two Plans field by field.
#include "emit/ogp/plan_diff.h"

#include <optional>
#include <sstream>

namespace renaksi::testing {

namespace {

std::string show(const std::string& s) { return "'" + s + "'"; }
std::string show(long v) { return std::to_string(v); }
std::string show(int v) { return std::to_string(v); }
std::string show(bool v) { return v ? "true" : "false"; }
template <typename E>
  requires std::is_enum_v<E>
std::string show(E e) {
  return std::to_string(static_cast<int>(e));
}

class Differ {
 public:
  std::vector<std::string> out;

  template <typename T>
  void same(const std::string& path, const T& a, const T& b) {
    if (!(a == b)) out.push_back(path + ": " + show(a) + " vs " + show(b));
  }

  template <typename T>
  void same(const std::string& path, const std::optional<T>& a, const std::optional<T>& b) {
    if (a.has_value() != b.has_value()) {
      out.push_back(path + ": " + (a ? "present" : "absent") + " vs " + (b ? "present" : "absent"));
      return;
    }
    if (a) same(path, *a, *b);
  }

  // Same length, then each element by `f`.
  template <typename T, typename F>
  void each(const std::string& path, const std::vector<T>& a, const std::vector<T>& b, F f) {
    if (a.size() != b.size()) {
      out.push_back(path + ": " + std::to_string(a.size()) + " items vs " + std::to_string(b.size()));
      return;
    }
    for (size_t i = 0; i < a.size(); ++i) f(path + "[" + std::to_string(i) + "]", a[i], b[i]);
  }

  void text(const std::string& path, const LocalizedText& a, const LocalizedText& b) {
    if (a.present() && b.present()) same(path + ".kind", a.kind, b.kind);
    each(path, a.texts, b.texts, [&](const std::string& p, const Text& x, const Text& y) {
      same(p + ".lang", x.lang, y.lang);
      same(p + ".value(" + x.lang + ")", x.value, y.value);
    });
  }

  void period(const std::string& path, const Period& a, const Period& b) {
    same(path + ".start", a.start.text, b.start.text);
    same(path + ".end", a.end.text, b.end.text);
  }

  void period(const std::string& path, const std::optional<Period>& a, const std::optional<Period>& b) {
    if (a.has_value() != b.has_value()) {
      out.push_back(path + ": " + (a ? "present" : "absent") + " vs " + (b ? "present" : "absent"));
      return;
    }
    if (a) period(path, *a, *b);
  }

  void event(const std::string& p, const Event& a, const Event& b) {
    same(p + ".id", a.id, b.id);
    same(p + ".method", a.method, b.method);
    same(p + ".stage", a.stage, b.stage);
    text(p + ".name", a.name, b.name);
    period(p + ".when", a.when, b.when);
    same(p + ".single_day", a.single_day, b.single_day);
    text(p + ".place", a.place, b.place);
    if (a.participants.has_value() != b.participants.has_value()) {
      out.push_back(p + ".participants: presence differs");
    } else if (a.participants) {
      const Participants &x = *a.participants, &y = *b.participants;
      same(p + ".participants.total", x.total, y.total);
      same(p + ".participants.women", x.women, y.women);
      same(p + ".participants.men", x.men, y.men);
      same(p + ".participants.meetings", x.meetings, y.meetings);
      text(p + ".participants.note", x.note, y.note);
    }
    text(p + ".description", a.description, b.description);
  }

  void milestone(const std::string& p, const Milestone& a, const Milestone& b) {
    same(p + ".id", a.id, b.id);
    text(p + ".activity", a.activity, b.activity);
    period(p + ".period", a.period, b.period);
    text(p + ".output", a.output, b.output);
    each(p + ".actors", a.actors, b.actors,
         [&](const std::string& q, const std::string& x, const std::string& y) { same(q, x, y); });
  }

  void commitment(const std::string& p, const Commitment& a, const Commitment& b) {
    same(p + ".id", a.id, b.id);
    same(p + ".number", a.number, b.number);
    same(p + ".ogp_id", a.ogp_id, b.ogp_id);
    text(p + ".title", a.title, b.title);
    period(p + ".period", a.period, b.period);
    each(p + ".themes", a.themes, b.themes,
         [&](const std::string& q, const ThemeRef& x, const ThemeRef& y) { same(q + ".ref", x.ref, y.ref); });
    each(p + ".policy_areas", a.policy_areas, b.policy_areas,
         [&](const std::string& q, const LocalizedText& x, const LocalizedText& y) { text(q, x, y); });
    each(p + ".organisations", a.organisations, b.organisations,
         [&](const std::string& q, const OrganisationRef& x, const OrganisationRef& y) {
           same(q + ".ref", x.ref, y.ref);
           same(q + ".role", x.role, y.role);
           text(q + ".unit", x.unit, y.unit);
         });
    text(p + ".problem", a.problem, b.problem);
    text(p + ".causes", a.causes, b.causes);
    text(p + ".description", a.description, b.description);
    text(p + ".status_quo", a.status_quo, b.status_quo);
    text(p + ".expected_results", a.expected_results, b.expected_results);
    text(p + ".contribution", a.contribution, b.contribution);
    each(p + ".values", a.values, b.values,
         [&](const std::string& q, const ValueRelevance& x, const ValueRelevance& y) {
           same(q + ".kind", x.kind, y.kind);
           same(q + ".relevant", x.relevant, y.relevant);
           text(q + ".text", x.text, y.text);
         });
    each(p + ".alignment", a.alignment, b.alignment,
         [&](const std::string& q, const Alignment& x, const Alignment& y) {
           same(q + ".kind", x.kind, y.kind);
           text(q + ".text", x.text, y.text);
         });
    if (a.budget.has_value() != b.budget.has_value()) {
      out.push_back(p + ".budget: presence differs");
    } else if (a.budget) {
      same(p + ".budget.amount", a.budget->amount, b.budget->amount);
      same(p + ".budget.currency", a.budget->currency, b.budget->currency);
      text(p + ".budget.text", a.budget->text, b.budget->text);
    }
    each(p + ".sdgs", a.sdgs, b.sdgs, [&](const std::string& q, const SdgLink& x, const SdgLink& y) {
      same(q + ".goal", x.goal, y.goal);
      same(q + ".target", x.target, y.target);
    });
    text(p + ".notes", a.notes, b.notes);
    each(p + ".milestones", a.milestones, b.milestones,
         [&](const std::string& q, const Milestone& x, const Milestone& y) { milestone(q, x, y); });
    each(p + ".contacts", a.contacts, b.contacts, [&](const std::string& q, const Contact& x, const Contact& y) {
      same(q + ".org", x.org, y.org);
      same(q + ".name", x.name, y.name);
      text(q + ".position", x.position, y.position);
      same(q + ".email", x.email, y.email);
      same(q + ".phone", x.phone, y.phone);
    });
  }

  void plan(const Plan& a, const Plan& b) {
    same("id", a.id, b.id);
    same("country", a.country, b.country);
    same("number", a.number, b.number);
    same("stage", a.stage, b.stage);
    each("languages", a.languages, b.languages, [&](const std::string& q, const Language& x, const Language& y) {
      same(q + ".code", x.code, y.code);
      same(q + ".administrative", x.administrative, y.administrative);
    });
    text("title", a.title, b.title);
    text("subtitle", a.subtitle, b.subtitle);
    period("period", a.period, b.period);
    same("issuer", a.issuer, b.issuer);
    text("foreword", a.foreword, b.foreword);
    each("themes", a.themes, b.themes, [&](const std::string& q, const Theme& x, const Theme& y) {
      same(q + ".id", x.id, y.id);
      text(q + ".name", x.name, y.name);
      text(q + ".description", x.description, y.description);
    });
    same("has_cocreation", a.has_cocreation, b.has_cocreation);
    text("cocreation_summary", a.cocreation_summary, b.cocreation_summary);
    each("events", a.events, b.events, [&](const std::string& q, const Event& x, const Event& y) { event(q, x, y); });
    each("organisations", a.organisations, b.organisations,
         [&](const std::string& q, const Organisation& x, const Organisation& y) {
           same(q + ".id", x.id, y.id);
           same(q + ".sector", x.sector, y.sector);
           same(q + ".url", x.url, y.url);
           text(q + ".name", x.name, y.name);
           text(q + ".abbreviation", x.abbreviation, y.abbreviation);
         });
    each("commitments", a.commitments, b.commitments,
         [&](const std::string& q, const Commitment& x, const Commitment& y) { commitment(q, x, y); });
  }
};

}  // namespace

std::vector<std::string> plan_differences(const Plan& expected, const Plan& actual) {
  Differ d;
  d.plan(expected, actual);
  return d.out;
}

}  // namespace renaksi::testing
