// A plan's progress reports and IRM ratings as rows of open data.
#include "emit/data/progress_tables.h"

#include <optional>

namespace renaksi::open_data {

namespace {

using nlohmann::ordered_json;

std::string in_lang(const std::string& column, const std::string& lang) { return column + " (" + lang + ")"; }

ordered_json text_or_null(std::string_view s) { return s.empty() ? ordered_json(nullptr) : ordered_json(std::string(s)); }

// The evidence links, one per line (a cell of several lines; an address has no line break).
ordered_json evidence_of(const ProgressEntry& e) {
  std::string out;
  for (const auto& l : e.evidence) out += (out.empty() ? "" : "\n") + l.href;
  return text_or_null(out);
}

// The period `id` of the plan's reporting periods, or nullopt.
std::optional<Period> period_of(const Plan& plan, const std::string& id) {
  for (const auto& p : reporting_periods(plan.progress, plan.period))
    if (p.id == id) return p.period;
  return std::nullopt;
}

const Commitment* commitment_by_id(const Plan& plan, const std::string& id) {
  for (const auto& c : plan.commitments)
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace

bool publishes_progress(const Plan& plan) { return plan.stage == Stage::Final; }

std::vector<std::string> progress_columns(const std::vector<std::string>& langs) {
  std::vector<std::string> c = {"Renaksi ID",        "Commitment Renaksi ID", "Commitment Unique Identifier",
                                "Action Plan ID",    "Reporting Period",      "Period Start",
                                "Period End",        "Commitment Number",     "Milestone Number",
                                "Completion",        "Updated"};
  for (const auto& l : langs) c.push_back(in_lang("Progress", l));
  c.push_back("Evidence");
  return c;
}

std::vector<Row> progress_rows(const Plan& plan, const ProgressReport& report) {
  const std::vector<std::string> langs = data_languages(plan);
  const std::optional<Period> period = period_of(plan, report.period_id);
  std::vector<Row> rows;
  auto row = [&](const Commitment& c, const ProgressEntry& e, std::optional<size_t> milestone) {
    Row r = ordered_json::object();
    r["Renaksi ID"] = milestone ? milestone_key(plan, c, *milestone) : commitment_key(plan, c);
    r["Commitment Renaksi ID"] = commitment_key(plan, c);
    r["Commitment Unique Identifier"] = text_or_null(c.ogp_id);
    r["Action Plan ID"] = plan.id;
    r["Reporting Period"] = report.period_id;
    r["Period Start"] = period ? text_or_null(period->start.text) : ordered_json(nullptr);
    r["Period End"] = period ? text_or_null(period->end.text) : ordered_json(nullptr);
    r["Commitment Number"] = c.number;
    r["Milestone Number"] = milestone ? ordered_json(*milestone + 1) : ordered_json(nullptr);
    r["Completion"] = std::string(completion_id(e.level));
    r["Updated"] = text_or_null(e.updated.text.empty() ? report.updated.text : e.updated.text);
    for (const auto& l : langs) {
      const ProgressText* t = e.narrative.find(l);
      r[in_lang("Progress", l)] = t ? text_or_null(t->value) : ordered_json(nullptr);
    }
    r["Evidence"] = evidence_of(e);
    rows.push_back(std::move(r));
  };
  for (const auto& cp : report.commitments) {
    const Commitment* c = commitment_by_id(plan, cp.entry.ref);
    if (!c) continue;
    row(*c, cp.entry, std::nullopt);
    for (const auto& m : cp.milestones)
      for (size_t i = 0; i < c->milestones.size(); ++i)
        if (c->milestones[i].id == m.ref) row(*c, m, i);
  }
  return rows;
}

ordered_json report_list(const Plan& plan) {
  ordered_json out = ordered_json::array();
  for (const auto& r : plan.progress.reports) {
    ordered_json e = ordered_json::object();
    e["period"] = r.period_id;
    if (const std::optional<Period> p = period_of(plan, r.period_id)) {
      e["start"] = p->start.text;
      e["end"] = p->end.text;
    }
    e["updated"] = r.updated.text;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> irm_columns() {
  return {"Commitment Renaksi ID", "Commitment Unique Identifier", "Action Plan ID", "Commitment Number",
          "IRM Rating",            "Value",                        "Source",         "IRM Report"};
}

std::vector<Row> irm_rows(const Plan& plan) {
  std::vector<Row> rows;
  for (const auto& ic : plan.progress.irm) {
    const Commitment* c = commitment_by_id(plan, ic.ref);
    if (!c) continue;
    for (const auto& rating : ic.ratings) {
      Row r = ordered_json::object();
      r["Commitment Renaksi ID"] = commitment_key(plan, *c);
      r["Commitment Unique Identifier"] = text_or_null(c->ogp_id);
      r["Action Plan ID"] = plan.id;
      r["Commitment Number"] = c->number;
      r["IRM Rating"] = rating.kind;
      r["Value"] = text_or_null(rating.value);
      r["Source"] = text_or_null(rating.source);
      r["IRM Report"] = text_or_null(rating.report);
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

}  // namespace renaksi::open_data
