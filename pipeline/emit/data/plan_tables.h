// A plan as open data: one row per commitment and one per milestone, each row an ordered JSON
// object whose keys are the table's columns (OGP's published column names where OGP has one,
// docs/open-data.md), every text in each language of the plan in its own column
// ("Commitment Title (id)", "Commitment Title (en)"), ids stable across builds.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "locale/locale.h"
#include "model/plan.h"

namespace renaksi::open_data {

using Row = nlohmann::ordered_json;  // an object: column -> string, number, bool or null

// The columns of each table for plans in `langs` (in that order), as the rows have them.
std::vector<std::string> commitment_columns(const std::vector<std::string>& langs);
std::vector<std::string> milestone_columns(const std::vector<std::string>& langs);

// The plan's languages, its administrative language first, then as declared.
std::vector<std::string> data_languages(const Plan& plan);

// "nap-2018-2020/lapor": the plan's id and the commitment's (C006: unique in its plan; the
// secretariat's name for it, kept when it is renumbered or retitled).
std::string commitment_key(const Plan& plan, const Commitment& c);
// "nap-2018-2020/lapor/m2": its milestone's id, or its place ("m2") when it has none.
std::string milestone_key(const Plan& plan, const Commitment& c, size_t index);

std::vector<Row> commitment_rows(const Plan& plan);
std::vector<Row> milestone_rows(const Plan& plan);

// What the tables say of the plan itself (the "plan" object of its JSON, and what the archive's
// feed needs): id, country, number, stage, period, languages, its title and stage's name per
// language (`locales`: the plan's catalogues; a missing one leaves the name out), and the date
// of its latest co-creation event (else its start): the date its current stage dates from.
nlohmann::ordered_json plan_facts(const Plan& plan, const Locales& locales);

}  // namespace renaksi::open_data
