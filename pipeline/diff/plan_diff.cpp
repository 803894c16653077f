// Matching two drafts' commitments by id and comparing their fields language by language.
#include "diff/plan_diff.h"
#include "model/text_fallback.h"

#include <algorithm>
#include <map>

namespace renaksi::diff {

std::string_view field_id(Field f) {
  switch (f) {
    case Field::Title: return "title";
    case Field::Subtitle: return "subtitle";
    case Field::Foreword: return "foreword";
    case Field::Cocreation: return "cocreation";
    case Field::Period: return "period";
    case Field::Section: return "section";
    case Field::Value: return "value";
    case Field::Alignment: return "alignment";
    case Field::Budget: return "budget";
    case Field::Notes: return "notes";
    case Field::Lead: return "lead";
    case Field::Support: return "support";
    case Field::Themes: return "themes";
    case Field::Milestone: return "milestone";
    case Field::MilestoneActivity: return "milestone-activity";
    case Field::MilestoneOutput: return "milestone-output";
    case Field::MilestonePeriod: return "milestone-period";
    case Field::MilestoneActors: return "milestone-actors";
  }
  return "";
}

namespace {

struct Differ {
  const std::vector<std::string>& langs;
  std::vector<FieldChange>& out;

  // Line breaks inside a paragraph are the file's wrapping, not the text: a paragraph's spaces
  // and line ends become one space each, and a blank line stays the paragraph break.
  static std::string reflowed(std::string_view t) {
    std::string out;
    std::size_t newlines = 0;
    bool space = false;
    for (char c : t) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        newlines += c == '\n';
        space = true;
        continue;
      }
      if (space && !out.empty()) out += newlines >= 2 ? "\n\n" : " ";
      space = false, newlines = 0;
      out += c;
    }
    return out;
  }
  void text(Field f, const std::string& id, const std::string& lang, std::string_view a_text, std::string_view b_text) {
    const std::string a = reflowed(a_text), b = reflowed(b_text);
    if (a == b) return;
    FieldChange c{f, id, lang, a.empty() ? Change::Added : b.empty() ? Change::Removed : Change::Changed, {}};
    c.words = diff_words(a, b, lang.empty() ? "en" : lang);
    out.push_back(std::move(c));
  }
  void localized(Field f, const std::string& id, const LocalizedText& a, const LocalizedText& b) {
    for (const auto& lang : langs) text(f, id, lang, a.in(lang), b.in(lang));
  }
  static std::string period_text(const std::optional<Period>& p) {
    return p ? p->start.text + " \u2013 " + p->end.text : std::string();
  }
  void period(Field f, const std::string& id, const std::optional<Period>& a, const std::optional<Period>& b) {
    text(f, id, "", period_text(a), period_text(b));
  }
};

const LocalizedText* value_text(const Commitment& c, OgpValue kind) {
  for (const auto& v : c.values)
    if (v.kind == kind) return &v.text;
  return nullptr;
}

const LocalizedText* alignment_text(const Commitment& c, const std::string& kind) {
  for (const auto& v : c.alignment)
    if (v.kind == kind) return &v.text;
  return nullptr;
}

// Names in each language, ", " between them, in the order given: an organisation or theme a
// draft refers to by id, as the reader knows it (its id when the draft does not name it).
template <class Name>
LocalizedText names(const std::vector<std::string>& langs, const std::vector<std::string>& ids, const Name& name_of) {
  LocalizedText out;
  if (ids.empty()) return out;
  for (const auto& lang : langs) {
    Text t;
    t.lang = lang;
    for (const auto& id : ids) {
      std::string n = name_of(id, lang);
      t.value += (t.value.empty() ? "" : ", ") + (n.empty() ? id : n);
    }
    out.texts.push_back(std::move(t));
  }
  return out;
}

LocalizedText organisation_names(const Plan& plan, const std::vector<std::string>& langs, const std::vector<std::string>& ids) {
  return names(langs, ids, [&](const std::string& id, const std::string& lang) {
    const Organisation* o = plan.organisation(id);
    return o ? std::string(text_or_fallback(o->name, lang)) : std::string();
  });
}

std::vector<std::string> with_role(const Commitment& c, Role role) {
  std::vector<std::string> out;
  for (const auto* r : c.with_role(role))
    if (std::find(out.begin(), out.end(), r->ref) == out.end()) out.push_back(r->ref);
  return out;
}

LocalizedText theme_names(const Plan& plan, const std::vector<std::string>& langs, const Commitment& c) {
  std::vector<std::string> ids;
  for (const auto& t : c.themes) ids.push_back(t.ref);
  return names(langs, ids, [&](const std::string& id, const std::string& lang) {
    const Theme* t = plan.theme(id);
    return t ? std::string(text_or_fallback(t->name, lang)) : std::string();
  });
}

const LocalizedText& or_empty(const LocalizedText* t) {
  static const LocalizedText none;
  return t ? *t : none;
}

// Every field of a commitment present in one draft only: as one Added (or Removed) change per
// language, so the report shows the whole text.
void whole(const Commitment& c, const std::vector<std::string>& langs, bool added, std::vector<FieldChange>& out) {
  static const Commitment empty;
  Differ d{langs, out};
  const Commitment& a = added ? empty : c;
  const Commitment& b = added ? c : empty;
  d.localized(Field::Title, "", a.title, b.title);
  d.period(Field::Period, "", a.period, b.period);
  for (const auto& s : c.sections) d.localized(Field::Section, s.id, added ? LocalizedText{} : s.text, added ? s.text : LocalizedText{});
}

void commitment_fields(const Plan& old_plan, const Commitment& a, const Plan& new_plan, const Commitment& b,
                       const std::vector<std::string>& langs, std::vector<FieldChange>& out) {
  Differ d{langs, out};
  d.localized(Field::Title, "", a.title, b.title);
  d.period(Field::Period, "", a.period, b.period);
  // Who leads and supports it, and its themes: by name, each draft's names as it gives them.
  for (const auto& [field, role] : {std::pair{Field::Lead, Role::Lead}, std::pair{Field::Support, Role::Support}})
    d.localized(field, "", organisation_names(old_plan, langs, with_role(a, role)),
                organisation_names(new_plan, langs, with_role(b, role)));
  d.localized(Field::Themes, "", theme_names(old_plan, langs, a), theme_names(new_plan, langs, b));
  // Sections: the new draft's order, then those only the old one had.
  for (const auto& s : b.sections) {
    const Section* old = a.section(s.id);
    d.localized(Field::Section, s.id, old ? old->text : LocalizedText{}, s.text);
  }
  for (const auto& s : a.sections)
    if (!b.section(s.id)) d.localized(Field::Section, s.id, s.text, LocalizedText{});
  for (OgpValue v : kAllOgpValues)
    d.localized(Field::Value, std::string(ogp_value_id(v)), or_empty(value_text(a, v)), or_empty(value_text(b, v)));
  std::vector<std::string> kinds;
  for (const auto* c : {&b, &a})
    for (const auto& al : c->alignment)
      if (std::find(kinds.begin(), kinds.end(), al.kind) == kinds.end()) kinds.push_back(al.kind);
  for (const auto& k : kinds) d.localized(Field::Alignment, k, or_empty(alignment_text(a, k)), or_empty(alignment_text(b, k)));
  d.localized(Field::Budget, "", a.budget ? a.budget->text : LocalizedText{}, b.budget ? b.budget->text : LocalizedText{});
  d.localized(Field::Notes, "", a.notes, b.notes);
  // Milestones by id: changed fields, added (the whole activity), removed.
  auto find = [](const Commitment& c, const std::string& id) -> const Milestone* {
    for (const auto& m : c.milestones)
      if (m.id == id) return &m;
    return nullptr;
  };
  for (const auto& m : b.milestones) {
    const Milestone* old = find(a, m.id);
    if (!old) {
      d.localized(Field::Milestone, m.id, LocalizedText{}, m.activity);
      continue;
    }
    d.localized(Field::MilestoneActivity, m.id, old->activity, m.activity);
    d.localized(Field::MilestoneOutput, m.id, old->output, m.output);
    d.period(Field::MilestonePeriod, m.id, old->period, m.period);
    d.localized(Field::MilestoneActors, m.id, organisation_names(old_plan, langs, old->actors),
                organisation_names(new_plan, langs, m.actors));
  }
  for (const auto& m : a.milestones)
    if (!find(b, m.id)) d.localized(Field::Milestone, m.id, m.activity, LocalizedText{});
}

}  // namespace

PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan) {
  PlanDiff r;
  r.plan_id = new_plan.id;
  r.old_stage = old_plan.stage;
  r.new_stage = new_plan.stage;
  r.langs = new_plan.language_codes();
  for (const auto& l : old_plan.language_codes())
    if (std::find(r.langs.begin(), r.langs.end(), l) == r.langs.end()) r.langs.push_back(l);

  Differ d{r.langs, r.plan_fields};
  d.localized(Field::Title, "", old_plan.title, new_plan.title);
  d.localized(Field::Subtitle, "", old_plan.subtitle, new_plan.subtitle);
  d.localized(Field::Foreword, "", old_plan.foreword, new_plan.foreword);
  d.localized(Field::Cocreation, "", old_plan.cocreation_summary, new_plan.cocreation_summary);

  std::map<std::string, const Commitment*> old_by_id;
  for (const auto& c : old_plan.commitments) old_by_id.emplace(c.id, &c);
  for (const auto& c : new_plan.commitments) {
    CommitmentChange cc{c.id, 0, c.number, c.title, {}};
    if (auto it = old_by_id.find(c.id); it != old_by_id.end()) {
      cc.old_number = it->second->number;
      commitment_fields(old_plan, *it->second, new_plan, c, r.langs, cc.fields);
    } else {
      whole(c, r.langs, true, cc.fields);
    }
    if (cc.added() || cc.renumbered() || !cc.fields.empty()) r.commitments.push_back(std::move(cc));
  }
  for (const auto& c : old_plan.commitments) {
    const bool kept = std::any_of(new_plan.commitments.begin(), new_plan.commitments.end(),
                                  [&](const Commitment& n) { return n.id == c.id; });
    if (kept) continue;
    CommitmentChange cc{c.id, c.number, 0, c.title, {}};
    whole(c, r.langs, false, cc.fields);
    r.commitments.push_back(std::move(cc));
  }
  return r;
}

}  // namespace renaksi::diff
