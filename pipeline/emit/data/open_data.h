// The plans as open data (docs/open-data.md): each plan's commitments and milestones as CSV
// and JSON, written with the plan's own outputs (so cached and rebuilt with it); the archive's
// tables, every plan's rows together, read back from those files (a plan taken from the cache
// runs no step); and the archive's Atom feed of new plans, drafts and progress reports.
#pragma once

#include <functional>
#include <optional>
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

// Where one plan's two JSON files are read from, when they are needed: the archive's tables are
// written a plan at a time, so that only one plan's rows are in memory, never the archive's.
struct PlanDataSource {
  std::string plan_id;
  // The file's bytes as the plan's build wrote them; "" when the plan has none (no step made its
  // open data): the plan is left out. Called for several plans at once, from several threads: it
  // may only read.
  std::function<std::string(Table)> read;
  // The plan's CSV file of the table, the same way (may be empty: the archive's CSV is then
  // made from the JSON's rows). Used as it is when its columns are the archive's.
  std::function<std::string(Table)> read_csv;
};

// Where the feed points: the site's address ("" when not known: links relative to the feed) and
// the site path of a plan's page in a language, and of the home page in a language.
struct FeedOptions {
  std::string site_url;
  std::function<std::string(const std::string& plan_id, const std::string& lang)> plan_page;
  std::function<std::string(const std::string& lang)> home_page;
};

// What the archive's data knows of its plans before their rows are read: each plan's facts (its
// commitments file's "plan"), newest first (by start date, then id), and the languages of them
// all, each plan's administrative language first.
struct ArchiveFacts {
  struct PlanFacts {
    nlohmann::ordered_json facts;
    size_t source = 0;  // index into the sources
  };
  std::vector<PlanFacts> plans;
  std::vector<std::string> langs;
};

// Reads every plan's facts. A plan's file that does not read is H070, reported for each; nullopt then.
std::optional<ArchiveFacts> read_archive_facts(const std::vector<PlanDataSource>& sources, Diagnostics& diags);

// The archive's tables (CSV and JSON, the plans newest first, their languages together) and
// feed, into `out` under "site/", each table written a plan at a time (Outputs::append).
// `locales`: the site catalogues of `facts.langs`. `extra`: further feed entries (progress
// updates, when there are some). A plan's file that does not read is H070; false then.
bool emit_archive_data(const ArchiveFacts& facts, const std::vector<PlanDataSource>& sources, const Locales& locales,
                       const FeedOptions& options, const std::vector<FeedEntry>& extra, Outputs& out,
                       Diagnostics& diags);

// The plan's JSON file (exposed for the tests): {"format", "version", "plan", <table>: rows}.
std::string plan_json(const nlohmann::ordered_json& facts, Table table, const std::vector<nlohmann::ordered_json>& rows);
// The same with the rows under `key` ("progress", "irm").
std::string plan_json(const nlohmann::ordered_json& facts, const std::string& key, const std::vector<nlohmann::ordered_json>& rows);

}  // namespace renaksi::open_data
