// A Final plan's life after publication as open data: per reporting period one row per
// commitment and per milestone its report names (completion level, date, narrative in each
// language, evidence), and the IRM's ratings one row each with their source (docs/open-data.md).
#pragma once

#include <string>
#include <vector>

#include "emit/data/plan_tables.h"
#include "model/plan.h"

namespace renaksi::open_data {

std::vector<std::string> progress_columns(const std::vector<std::string>& langs);
// The rows of `report` (one of plan.progress.reports), in the report's order, each commitment
// before its milestones. An entry naming no commitment or milestone of the plan has no row (the
// check reports it: C103).
std::vector<Row> progress_rows(const Plan& plan, const ProgressReport& report);

// The plan's reports for the archive's feed: [{"period", "start", "end", "updated"}], in the
// reports' order (a period the plan does not have gives no dates; the check reports it: C102).
nlohmann::ordered_json report_list(const Plan& plan);

std::vector<std::string> irm_columns();
std::vector<Row> irm_rows(const Plan& plan);

// Whether the plan's progress is published: a Final plan's only (a draft's is C109, and shown
// nowhere), so open data and the site agree.
bool publishes_progress(const Plan& plan);

}  // namespace renaksi::open_data
