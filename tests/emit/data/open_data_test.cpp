// Each plan's open data read back against the plan it came from; the archive's tables hold every
// plan's rows; the same plan gives the same bytes.
#include <gtest/gtest.h>

#include <set>

#include "emit/data/csv_reader.h"
#include "emit/data/open_data.h"
#include "emit/data/plan_tables.h"
#include "emit/data/csv.h"
#include "support/paths.h"
#include "support/shared_archive.h"

namespace renaksi::open_data {
namespace {

using nlohmann::ordered_json;

const std::string* file(const std::string& site_path) {
  return testing::shared_archive().outputs.find(std::string(kSitePrefix) + site_path);
}

TEST(OpenData, EveryPlansCsvReadsBackAsItsPlan) {
  const ArchiveBuild& a = testing::shared_archive();
  ASSERT_EQ(a.error_count(), 0u);
  ASSERT_FALSE(a.plans.empty());
  for (const auto& s : a.plans) {
    const Plan& plan = s->loaded.plan;
    SCOPED_TRACE(plan.id);
    const std::vector<std::string> langs = data_languages(plan);
    ASSERT_GE(langs.size(), 1u);
    const std::string* csv = file(plan_file(plan.id, Table::Commitments, Format::Csv));
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->substr(0, 3), "\xEF\xBB\xBF");
    const auto rows = testing::records_of(*csv, commitment_columns(langs));
    ASSERT_EQ(rows.size(), plan.commitments.size());
    std::set<std::string> ids;
    size_t milestones = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      const Commitment& c = plan.commitments[i];
      const auto& r = rows[i];
      EXPECT_EQ(r.at("Renaksi ID"), plan.id + "/" + c.id);
      EXPECT_TRUE(ids.insert(r.at("Renaksi ID")).second);
      EXPECT_EQ(r.at("Commitment Number"), std::to_string(c.number));
      EXPECT_EQ(r.at("Commitment Unique Identifier"), c.ogp_id);
      EXPECT_EQ(r.at("Stage"), stage_id(plan.stage));
      for (const auto& l : langs) {
        EXPECT_EQ(r.at("Commitment Title (" + l + ")"), c.title.in(l)) << l;
        EXPECT_EQ(r.at("Action Plan (" + l + ")"), plan.title.in(l)) << l;
      }
      if (c.period) {
        EXPECT_EQ(r.at("Start Date"), c.period->start.text);
        EXPECT_EQ(r.at("End Date"), c.period->end.text);
      }
      EXPECT_EQ(r.at("Milestones"), std::to_string(c.milestones.size()));
      milestones += c.milestones.size();
    }
    const std::string* mcsv = file(plan_file(plan.id, Table::Milestones, Format::Csv));
    ASSERT_TRUE(mcsv);
    const auto mrows = testing::records_of(*mcsv, milestone_columns(langs));
    ASSERT_EQ(mrows.size(), milestones);
    size_t k = 0;
    for (const Commitment& c : plan.commitments)
      for (size_t i = 0; i < c.milestones.size(); ++i, ++k) {
        EXPECT_EQ(mrows[k].at("Renaksi ID"), milestone_key(plan, c, i));
        EXPECT_EQ(mrows[k].at("Milestone Number"), std::to_string(i + 1));
        for (const auto& l : langs) EXPECT_EQ(mrows[k].at("Milestone (" + l + ")"), c.milestones[i].activity.in(l));
      }
  }
}

TEST(OpenData, JsonHoldsThePlanAndItsRows) {
  const ArchiveBuild& a = testing::shared_archive();
  for (const auto& s : a.plans) {
    const Plan& plan = s->loaded.plan;
    const std::string* json = file(plan_file(plan.id, Table::Commitments, Format::Json));
    ASSERT_TRUE(json);
    const ordered_json j = ordered_json::parse(*json);
    EXPECT_EQ(j["format"], "renaksi-open-data");
    EXPECT_EQ(j["plan"]["id"], plan.id);
    EXPECT_EQ(j["plan"]["stage"], stage_id(plan.stage));
    ASSERT_EQ(j["commitments"].size(), plan.commitments.size());
    EXPECT_EQ(j["commitments"][0].begin().key(), "Renaksi ID");  // the columns' order is kept
    EXPECT_EQ(j["commitments"][0]["Commitment Number"], plan.commitments.front().number);
  }
}

TEST(OpenData, TheArchivesTablesHoldEveryPlansRows) {
  const ArchiveBuild& a = testing::shared_archive();
  size_t commitments = 0, milestones = 0;
  for (const auto& s : a.plans)
    for (const auto& c : s->loaded.plan.commitments) {
      ++commitments;
      milestones += c.milestones.size();
    }
  const std::string* json = file(archive_file(Table::Commitments, Format::Json));
  ASSERT_TRUE(json);
  const ordered_json j = ordered_json::parse(*json);
  EXPECT_EQ(j["plans"].size(), a.plans.size());
  EXPECT_EQ(j["commitments"].size(), commitments);
  const std::string* csv = file(archive_file(Table::Milestones, Format::Csv));
  ASSERT_TRUE(csv);
  const auto records = testing::read_csv(*csv);
  ASSERT_TRUE(records);
  EXPECT_EQ(records->size(), milestones + 1);
}

// A plan's two JSON files as its build writes them, by hand: facts and rows.
std::string plan_file_json(const ordered_json& facts, const char* table, const ordered_json& rows) {
  return plan_json(facts, table, rows.get<std::vector<ordered_json>>());
}

struct HandPlan {
  std::string id;
  ordered_json facts, commitments, milestones;
};

// Each plan's JSON files, and (`with_csv`) its CSV files with the columns of its own languages,
// as its build writes them.
std::vector<PlanDataSource> sources_of(const std::vector<HandPlan>& plans, bool with_csv = true) {
  std::vector<PlanDataSource> out;
  for (const auto& p : plans) {
    PlanDataSource s{p.id, [p](Table t) {
                       if (p.facts.is_null()) return std::string();  // a plan without open data
                       return t == Table::Commitments ? plan_file_json(p.facts, "commitments", p.commitments)
                                                      : plan_file_json(p.facts, "milestones", p.milestones);
                     },
                     {}};
    if (with_csv)
      s.read_csv = [p](Table t) {
        if (p.facts.is_null()) return std::string();
        const auto langs = p.facts["languages"].get<std::vector<std::string>>();
        return t == Table::Commitments ? write_csv(commitment_columns(langs), p.commitments.get<std::vector<ordered_json>>())
                                       : write_csv(milestone_columns(langs), p.milestones.get<std::vector<ordered_json>>());
      };
    out.push_back(std::move(s));
  }
  return out;
}

TEST(OpenData, TheArchivesTablesAreWrittenAPlanAtATimeAsOneDocument) {
  // Two plans with data (the later one listed first), one without; text with a line break, a
  // quote, a tab and non-Latin letters; a plan with no milestones.
  const std::vector<HandPlan> plans{
      {"older",
       {{"id", "older"}, {"start", "2018-09-01"}, {"languages", {"id", "en"}}, {"title", {{"id", "Lama"}, {"en", "Old"}}}},
       ordered_json::array({{{"Commitment Renaksi ID", "older/a"}, {"Commitment Title (en)", "line\nbreak \"q\"\tтаб ✓"}},
                            {{"Commitment Renaksi ID", "older/b"}, {"Commitment Number", 2}, {"Nested", {{"x", {1, 2}}}}}}),
       ordered_json::array()},
      {"none", nullptr, {}, {}},
      {"newer",
       {{"id", "newer"}, {"start", "2024-01-01"}, {"languages", {"fr"}}, {"empty", ordered_json::object()}},
       ordered_json::array({{{"Commitment Renaksi ID", "newer/1"}, {"Commitment Title (fr)", "=1+1"}}}),
       ordered_json::array({{{"Milestone Renaksi ID", "newer/1/m1"}, {"Milestone (fr)", "étape"}}})},
  };
  const std::vector<PlanDataSource> sources = sources_of(plans);
  Diagnostics diags;
  const auto facts = read_archive_facts(sources, diags);
  ASSERT_TRUE(facts);
  ASSERT_EQ(facts->plans.size(), 2u);
  EXPECT_EQ(facts->plans[0].facts["id"], "newer");
  EXPECT_EQ(facts->langs, (std::vector<std::string>{"fr", "id", "en"}));
  testing::TempDir dir("open-data-archive");
  Outputs folder(dir.path()), memory;
  FeedOptions options;
  for (Outputs* out : {&folder, &memory}) ASSERT_TRUE(emit_archive_data(*facts, sources, {}, options, {}, *out, diags));
  EXPECT_FALSE(diags.has_errors());
  EXPECT_TRUE(folder.write_errors().empty());

  // What the tables must be: every plan's rows together, newest plan first, as one dump().
  for (const Table table : {Table::Commitments, Table::Milestones}) {
    const char* key = table == Table::Commitments ? "commitments" : "milestones";
    ordered_json whole = ordered_json::object();
    whole["format"] = "renaksi-open-data";
    whole["version"] = 1;
    whole["plans"] = ordered_json::array({plans[2].facts, plans[0].facts});
    whole[key] = ordered_json::array();
    std::vector<ordered_json> rows;
    for (const HandPlan* p : {&plans[2], &plans[0]})
      for (const auto& r : table == Table::Commitments ? p->commitments : p->milestones) {
        whole[key].push_back(r);
        rows.push_back(r);
      }
    const std::string json = whole.dump(1, '\t') + "\n";
    const std::vector<std::string> columns =
        table == Table::Commitments ? commitment_columns(facts->langs) : milestone_columns(facts->langs);
    const std::string csv = write_csv(columns, rows);
    const std::string json_path = std::string(kSitePrefix) + archive_file(table, Format::Json);
    const std::string csv_path = std::string(kSitePrefix) + archive_file(table, Format::Csv);
    ASSERT_TRUE(memory.find(json_path));
    EXPECT_EQ(*memory.find(json_path), json) << key;
    EXPECT_EQ(testing::file_bytes(dir.path() / json_path), json) << key;
    ASSERT_TRUE(memory.find(csv_path));
    EXPECT_EQ(*memory.find(csv_path), csv) << key;
    EXPECT_EQ(testing::file_bytes(dir.path() / csv_path), csv) << key;
  }

  // No plan at all: the tables are still whole documents.
  const auto nothing = read_archive_facts({}, diags);
  ASSERT_TRUE(nothing);
  Outputs empty;
  ASSERT_TRUE(emit_archive_data(*nothing, {}, {}, options, {}, empty, diags));
  const std::string* json = empty.find(std::string(kSitePrefix) + archive_file(Table::Milestones, Format::Json));
  ASSERT_TRUE(json);
  EXPECT_EQ(*json, "{\n\t\"format\": \"renaksi-open-data\",\n\t\"version\": 1,\n\t\"plans\": [],\n\t\"milestones\": []\n}\n");
}

TEST(OpenData, ManyPlansReadAtOnceKeepTheirOrderAndEveryRow) {
  // More plans than are read at once (a window per core count), newest first by start date: plans
  // without rows at the windows' edges, one without data, rows of different counts.
  std::vector<HandPlan> plans;
  for (int i = 0; i < 37; ++i) {
    const std::string id = "plan-" + std::to_string(100 + i);
    if (i == 9) {
      plans.push_back({id, nullptr, {}, {}});
      continue;
    }
    HandPlan p{id, {{"id", id}, {"start", std::to_string(2000 + i % 20) + "-01-01"}, {"languages", {"en"}}}, ordered_json::array(),
               ordered_json::array()};
    for (int r = 0; r < (i % 4 == 0 ? 0 : i % 5 + 1); ++r) {
      p.commitments.push_back({{"Commitment Renaksi ID", id + "/" + std::to_string(r)}, {"Commitment Title (en)", "t\n" + id}});
      p.milestones.push_back({{"Milestone Renaksi ID", id + "/" + std::to_string(r) + "/m"}});
    }
    plans.push_back(std::move(p));
  }
  const std::vector<PlanDataSource> sources = sources_of(plans);
  Diagnostics diags;
  const auto facts = read_archive_facts(sources, diags);
  ASSERT_TRUE(facts);
  ASSERT_EQ(facts->plans.size(), 36u);
  Outputs memory;
  ASSERT_TRUE(emit_archive_data(*facts, sources, {}, FeedOptions{}, {}, memory, diags));
  EXPECT_FALSE(diags.has_errors());
  for (const Table table : {Table::Commitments, Table::Milestones}) {
    const char* key = table == Table::Commitments ? "commitments" : "milestones";
    ordered_json whole = ordered_json::object();
    whole["format"] = "renaksi-open-data";
    whole["version"] = 1;
    whole["plans"] = ordered_json::array();
    whole[key] = ordered_json::array();
    std::vector<ordered_json> rows;
    for (const auto& f : facts->plans) {  // the order read_archive_facts gives: checked below
      const HandPlan& p = plans[f.source];
      whole["plans"].push_back(p.facts);
      for (const auto& r : table == Table::Commitments ? p.commitments : p.milestones) {
        whole[key].push_back(r);
        rows.push_back(r);
      }
    }
    const std::string* json = memory.find(std::string(kSitePrefix) + archive_file(table, Format::Json));
    ASSERT_TRUE(json);
    EXPECT_EQ(*json, whole.dump(1, '\t') + "\n") << key;
    const std::vector<std::string> columns = table == Table::Commitments ? commitment_columns(facts->langs) : milestone_columns(facts->langs);
    const std::string* csv = memory.find(std::string(kSitePrefix) + archive_file(Table(table), Format::Csv));
    ASSERT_TRUE(csv);
    EXPECT_EQ(*csv, write_csv(columns, rows)) << key;
  }
  // The same bytes when every plan's rows are parsed and written again (no CSV files to take
  // records from, and JSON files not framed as a build writes them).
  Outputs parsed, reframed;
  ASSERT_TRUE(emit_archive_data(*facts, sources_of(plans, false), {}, FeedOptions{}, {}, parsed, diags));
  std::vector<PlanDataSource> respaced = sources_of(plans);
  for (auto& s : respaced)
    s.read = [read = s.read](Table t) {
      const std::string bytes = read(t);
      return bytes.empty() ? bytes : ordered_json::parse(bytes).dump() + "\n";  // one line: not framed
    };
  ASSERT_TRUE(emit_archive_data(*facts, respaced, {}, FeedOptions{}, {}, reframed, diags));
  EXPECT_EQ(parsed.files(), memory.files());
  EXPECT_EQ(reframed.files(), memory.files());
  EXPECT_FALSE(diags.has_errors());
  // Newest first, then by id; every plan with data once.
  for (size_t i = 1; i < facts->plans.size(); ++i) {
    const auto& a = facts->plans[i - 1].facts;
    const auto& b = facts->plans[i].facts;
    EXPECT_TRUE(a["start"] > b["start"] || (a["start"] == b["start"] && a["id"] < b["id"])) << i;
  }
}

TEST(OpenData, EveryPlanWhoseDataDoesNotReadBackIsReported) {
  std::vector<PlanDataSource> sources{
      {"torn", [](Table) { return std::string("{\"format\": \"renaksi-open-data\", \"plan\": {"); }, {}},
      {"good", [](Table t) {
         const ordered_json facts{{"id", "good"}, {"languages", {"en"}}};
         return t == Table::Commitments ? plan_json(facts, Table::Commitments, {}) : plan_json(facts, Table::Milestones, {});
       },
       {}},
      {"foreign", [](Table) { return std::string("{\"format\": \"something-else\"}"); }, {}},
  };
  Diagnostics diags;
  EXPECT_FALSE(read_archive_facts(sources, diags));
  ASSERT_EQ(diags.error_count(), 2u);
  // A plan whose milestones alone do not read is found when its rows are: reported, false.
  sources[0].read = sources[2].read = sources[1].read;
  sources.push_back({"half", [](Table t) {
                       const ordered_json facts{{"id", "half"}, {"languages", {"en"}}};
                       return t == Table::Commitments ? plan_json(facts, Table::Commitments, {}) : std::string("[1]");
                     },
                     {}});
  Diagnostics later;
  const auto facts = read_archive_facts(sources, later);
  ASSERT_TRUE(facts);
  Outputs out;
  EXPECT_FALSE(emit_archive_data(*facts, sources, {}, FeedOptions{}, {}, out, later));
  ASSERT_EQ(later.error_count(), 1u);
  EXPECT_NE(later.all()[0].message.find("'half'"), std::string::npos);
}

TEST(OpenData, SamePlanSameBytes) {
  const BuildState& s = *testing::shared_archive().plans.front();
  Outputs one, two;
  emit_plan_data(s.loaded.plan, s.locales, one);
  emit_plan_data(s.loaded.plan, s.locales, two);
  EXPECT_EQ(one.files(), two.files());
  // Its four tables, and a Final plan's two files per progress report and of its IRM ratings.
  const Plan& plan = s.loaded.plan;
  const bool progress = plan.stage == Stage::Final;
  EXPECT_EQ(one.files().size(),
            4u + (progress ? 2 * plan.progress.reports.size() + (plan.progress.irm.empty() ? 0 : 2) : 0));
}

}  // namespace
}  // namespace renaksi::open_data
