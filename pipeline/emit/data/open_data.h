// The plans as open data (docs/open-data.md): each plan's commitments and milestones as CSV
// and JSON, written with the plan's own outputs (so cached and rebuilt with it); the archive's
// tables, every plan's rows together, read back from those files (a plan taken from the cache
// runs no step); and the archive's Atom feed of new plans, drafts and progress reports.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostic.h"
#include "emit/data/atom_feed.h"
#include "locale/locale.h"
#include "model/plan.h"
#include "output/open_data_files.h"
#include "output/outputs.h"

namespace renaksi::open_data {

// The plan's four files at their site paths ("site/" + plan_file(...)), in `out`, and for a
// Final plan two per progress report (progress_file) and two of its IRM ratings (irm_file) when
// it has them. `locales`: the plan's catalogues (for its stage's name in each language).
void emit_plan_data(const Plan& plan, const Locales& locales, Outputs& out);

// A plan's two JSON files, as its build wrote them.
struct PlanDataFiles {
  std::string plan_id;
  std::string commitments_json;
  std::string milestones_json;
};

// Where the feed points: the site's address ("" when not known: links relative to the feed) and
// the site path of a plan's page in a language, and of the home page in a language.
struct FeedOptions {
  std::string site_url;
  std::function<std::string(const std::string& plan_id, const std::string& lang)> plan_page;
  std::function<std::string(const std::string& lang)> home_page;
};

// The archive's tables (CSV and JSON, the plans newest first, their languages together) and
// feed, into `out` under "site/". `locales`: the site catalogues of the plans' administrative
// languages. `extra`: further feed entries (progress updates, when there are some). A plan's
// file that does not read is H070; false then.
bool emit_archive_data(const std::vector<PlanDataFiles>& plans, const Locales& locales, const FeedOptions& options,
                       const std::vector<FeedEntry>& extra, Outputs& out, Diagnostics& diags);

// The plan's JSON file (exposed for the tests): {"format", "version", "plan", <table>: rows}.
std::string plan_json(const nlohmann::ordered_json& facts, Table table, const std::vector<nlohmann::ordered_json>& rows);
// The same with the rows under `key` ("progress", "irm").
std::string plan_json(const nlohmann::ordered_json& facts, const std::string& key, const std::vector<nlohmann::ordered_json>& rows);

}  // namespace renaksi::open_data
