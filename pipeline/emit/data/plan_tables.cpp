// A plan's commitments and milestones as rows of open data.
#include "emit/data/plan_tables.h"
#include "model/text_fallback.h"

#include <algorithm>

namespace renaksi::open_data {

namespace {

using nlohmann::ordered_json;

std::string in_lang(const std::string& column, const std::string& lang) { return column + " (" + lang + ")"; }

// The columns whose value is one text per language.
const char* const kCommitmentTexts[] = {"Action Plan", "Commitment Title", "Lead Institution", "Supporting Institution(s)",
                                        "Theme", "Policy Areas"};
const char* const kMilestoneTexts[] = {"Commitment Title", "Milestone", "Expected Output", "Stakeholders"};

// OGP's value columns, by the value they flag.
struct ValueColumn {
  OgpValue value;
  const char* column;
};
constexpr ValueColumn kValueColumns[] = {
    {OgpValue::AccessToInformation, "OGP Value Access To Information"},
    {OgpValue::CivicParticipation, "OGP Value Civic Participation"},
    {OgpValue::PublicAccountability, "OGP Value Public Accountability"},
    {OgpValue::TechnologyAndInnovation, "OGP Value Technology and Innovation for Transparency and Accountability"},
    {OgpValue::Inclusion, "Inclusion"},
};

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

std::string org_name(const Plan& plan, const std::string& ref, const std::string& lang) {
  const Organisation* o = plan.organisation(ref);
  if (!o) return {};
  return std::string(text_or_fallback(o->name, lang));
}

std::string orgs_in(const Plan& plan, const Commitment& c, Role role, const std::string& lang) {
  std::vector<std::string> names;
  for (const auto* r : c.with_role(role)) {
    std::string n = org_name(plan, r->ref, lang);
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(std::move(n));
  }
  return joined(names);
}

ordered_json text_or_null(std::string_view s) { return s.empty() ? ordered_json(nullptr) : ordered_json(std::string(s)); }

ordered_json date_or_null(const std::optional<Period>& p, bool end) {
  if (!p) return nullptr;
  return text_or_null(end ? p->end.text : p->start.text);
}

}  // namespace

std::vector<std::string> data_languages(const Plan& plan) {
  std::vector<std::string> out;
  for (const auto& l : plan.languages)
    if (l.administrative) out.push_back(l.code);
  for (const auto& l : plan.languages)
    if (std::find(out.begin(), out.end(), l.code) == out.end()) out.push_back(l.code);
  return out;
}

std::vector<std::string> commitment_columns(const std::vector<std::string>& langs) {
  std::vector<std::string> c = {"Renaksi ID", "Commitment Unique Identifier", "Country/Locality", "Action Plan ID",
                                "Action Plan Number", "Stage"};
  for (const auto& l : langs) c.push_back(in_lang("Action Plan", l));
  c.push_back("Commitment Number");
  for (const char* t : kCommitmentTexts)
    if (std::string(t) != "Action Plan")
      for (const auto& l : langs) c.push_back(in_lang(t, l));
  c.push_back("Start Date");
  c.push_back("End Date");
  for (const auto& v : kValueColumns) c.push_back(v.column);
  c.push_back("Milestones");
  return c;
}

std::vector<std::string> milestone_columns(const std::vector<std::string>& langs) {
  std::vector<std::string> c = {"Renaksi ID", "Commitment Renaksi ID", "Commitment Unique Identifier", "Action Plan ID",
                                "Stage", "Commitment Number", "Milestone Number"};
  for (const char* t : kMilestoneTexts)
    for (const auto& l : langs) c.push_back(in_lang(t, l));
  c.push_back("Start Date");
  c.push_back("End Date");
  return c;
}

std::string commitment_key(const Plan& plan, const Commitment& c) { return plan.id + "/" + c.id; }

std::string milestone_key(const Plan& plan, const Commitment& c, size_t index) {
  const Milestone& m = c.milestones.at(index);
  return commitment_key(plan, c) + "/" + (m.id.empty() ? "m" + std::to_string(index + 1) : m.id);
}

std::vector<Row> commitment_rows(const Plan& plan) {
  const std::vector<std::string> langs = data_languages(plan);
  std::vector<Row> rows;
  for (const Commitment& c : plan.commitments) {
    Row r = ordered_json::object();
    r["Renaksi ID"] = commitment_key(plan, c);
    r["Commitment Unique Identifier"] = text_or_null(c.ogp_id);
    r["Country/Locality"] = text_or_null(plan.country);
    r["Action Plan ID"] = plan.id;
    r["Action Plan Number"] = plan.number > 0 ? ordered_json(plan.number) : ordered_json(nullptr);
    r["Stage"] = std::string(stage_id(plan.stage));
    for (const auto& l : langs) r[in_lang("Action Plan", l)] = text_or_null(plan.title.in(l));
    r["Commitment Number"] = c.number;
    for (const auto& l : langs) r[in_lang("Commitment Title", l)] = text_or_null(c.title.in(l));
    for (const auto& l : langs) r[in_lang("Lead Institution", l)] = text_or_null(orgs_in(plan, c, Role::Lead, l));
    for (const auto& l : langs)
      r[in_lang("Supporting Institution(s)", l)] = text_or_null(orgs_in(plan, c, Role::Support, l));
    for (const auto& l : langs) {
      std::vector<std::string> names;
      for (const auto& t : c.themes)
        if (const Theme* th = plan.theme(t.ref)) names.emplace_back(th->name.in(l));
      r[in_lang("Theme", l)] = text_or_null(joined(names));
    }
    for (const auto& l : langs) {
      std::vector<std::string> areas;
      for (const auto& a : c.policy_areas) areas.emplace_back(a.in(l));
      r[in_lang("Policy Areas", l)] = text_or_null(joined(areas));
    }
    r["Start Date"] = date_or_null(c.period, false);
    r["End Date"] = date_or_null(c.period, true);
    for (const auto& v : kValueColumns) {
      auto it = std::find_if(c.values.begin(), c.values.end(), [&](const ValueRelevance& x) { return x.kind == v.value; });
      r[v.column] = it == c.values.end() ? ordered_json(nullptr) : ordered_json(it->relevant);
    }
    r["Milestones"] = c.milestones.size();
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<Row> milestone_rows(const Plan& plan) {
  const std::vector<std::string> langs = data_languages(plan);
  std::vector<Row> rows;
  for (const Commitment& c : plan.commitments)
    for (size_t i = 0; i < c.milestones.size(); ++i) {
      const Milestone& m = c.milestones[i];
      Row r = ordered_json::object();
      r["Renaksi ID"] = milestone_key(plan, c, i);
      r["Commitment Renaksi ID"] = commitment_key(plan, c);
      r["Commitment Unique Identifier"] = text_or_null(c.ogp_id);
      r["Action Plan ID"] = plan.id;
      r["Stage"] = std::string(stage_id(plan.stage));
      r["Commitment Number"] = c.number;
      r["Milestone Number"] = i + 1;
      for (const auto& l : langs) r[in_lang("Commitment Title", l)] = text_or_null(c.title.in(l));
      for (const auto& l : langs) r[in_lang("Milestone", l)] = text_or_null(m.activity.in(l));
      for (const auto& l : langs) r[in_lang("Expected Output", l)] = text_or_null(m.output.in(l));
      for (const auto& l : langs) {
        std::vector<std::string> names;
        for (const auto& a : m.actors) names.push_back(org_name(plan, a, l));
        r[in_lang("Stakeholders", l)] = text_or_null(joined(names));
      }
      r["Start Date"] = date_or_null(m.period, false);
      r["End Date"] = date_or_null(m.period, true);
      rows.push_back(std::move(r));
    }
  return rows;
}

ordered_json plan_facts(const Plan& plan, const Locales& locales) {
  ordered_json p = ordered_json::object();
  p["id"] = plan.id;
  p["country"] = text_or_null(plan.country);
  p["number"] = plan.number > 0 ? ordered_json(plan.number) : ordered_json(nullptr);
  p["stage"] = std::string(stage_id(plan.stage));
  p["start"] = plan.period.start.text;
  p["end"] = plan.period.end.text;
  const std::vector<std::string> langs = data_languages(plan);
  p["languages"] = langs;
  ordered_json title = ordered_json::object(), stage = ordered_json::object();
  for (const auto& l : langs) {
    title[l] = std::string(plan.title.in(l));
    if (auto it = locales.find(l); it != locales.end() && it->second)
      stage[l] = it->second->message("stage." + std::string(stage_id(plan.stage)));
  }
  p["title"] = std::move(title);
  p["stage_name"] = std::move(stage);
  // The date the plan's current stage dates from: its latest co-creation event, which the
  // content records (a plan carries no publication date); else the start of its period.
  std::string updated = plan.period.start.text;
  for (const auto& e : plan.events)
    if (e.when.end.date() && e.when.end.text > updated && (!plan.period.end.date() || e.when.end.text <= plan.period.end.text))
      updated = e.when.end.text;
  p["updated"] = updated;
  return p;
}

}  // namespace renaksi::open_data
