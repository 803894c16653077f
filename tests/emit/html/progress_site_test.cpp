// The site shows a plan's life after Final, from a fixture plan with synthetic progress data
// (tests/fixtures/progress/plan): the commitment list's current level (never the stage on every
// row), the commitment page's history with escaped, rel=nofollow evidence links and the IRM's
// ratings with their source, and the home page's progress line; a draft shows none of it.
#include <gtest/gtest.h>

#include <fstream>

#include "driver/pipeline.h"
#include "emit/html/site.h"
#include "support/build.h"
#include "support/paths.h"
#include "support/progress_fixture.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

Outputs emit(const BuildState& plan, Diagnostics& diags) {
  std::vector<html::SitePlanSource> sources{{&plan.documents, &plan.outputs}};
  Locales locales;
  for (const auto& lang : html::site_languages(sources)) {
    auto c = Catalogue::load(catalogue_path(testing::source_dir(), lang), lang, diags);
    if (c) locales[lang] = std::make_unique<Locale>(lang, std::move(*c));
  }
  Outputs out;
  const html::SiteOptions options{testing::source_dir() / "layouts" / "html", "", year_month_day{year{2020} / March / 1}};
  html::emit_site(sources, locales, options, out, diags);
  return out;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.str() + "\n";
  return s;
}

// The part of `page` from `from` to the next `to` (or the end).
std::string between(const std::string& page, const std::string& from, const std::string& to) {
  const size_t a = page.find(from);
  if (a == std::string::npos) return {};
  const size_t b = page.find(to, a + from.size());
  return page.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

class ProgressSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>("progress-site");
    Env env = Env::from_environment();
    env.cache_dir = dir_->path() / "cache";
    env.data_dir = testing::source_dir();
    // The fixture plan, and the same plan as a draft.
    plan_ = std::make_unique<BuildState>(testing::plan_through(testing::fixtures_dir() / "progress" / "plan", "compose", env));
    final_ = std::make_unique<Outputs>(emit(*plan_, diags_));
    const fs::path draft = testing::progress_fixture_as_draft(*dir_);
    draft_plan_ = std::make_unique<BuildState>(testing::plan_through(draft, "compose", env));
    draft_ = std::make_unique<Outputs>(emit(*draft_plan_, diags_));
  }
  static void TearDownTestSuite() {
    final_.reset();
    draft_.reset();
    plan_.reset();
    draft_plan_.reset();
    dir_.reset();
  }
  static std::string page(const Outputs& out, const std::string& path) {
    const std::string* p = out.find("site/" + path);
    if (!p) throw std::runtime_error("no page " + path);
    return *p;
  }
  static std::string commitment_page(const Outputs& out, const std::string& lang, int number) {
    for (const auto& path : out.paths("site/" + lang + "/fixture-plan/"))
      if (path.find("/" + std::to_string(number) + "-") != std::string::npos && path.ends_with("index.html"))
        return *out.find(path);
    throw std::runtime_error("no page of commitment " + std::to_string(number));
  }
  static inline std::unique_ptr<testing::TempDir> dir_;
  static inline std::unique_ptr<BuildState> plan_, draft_plan_;
  static inline Diagnostics diags_;
  static inline std::unique_ptr<Outputs> final_, draft_;
};

TEST_F(ProgressSite, BuildsWithoutErrors) {
  EXPECT_FALSE(plan_->diags.has_errors()) << all(plan_->diags);
  EXPECT_FALSE(diags_.has_errors()) << all(diags_);
}

TEST_F(ProgressSite, ThePlansListShowsTheCurrentLevelAndNeverTheStageOnEachRow) {
  const std::string en = page(*final_, "en/fixture-plan/index.html");
  const std::string list = between(en, "commitment-index", "</ol>");
  EXPECT_TRUE(has(list, "<span class=\"commitment-status\">Substantial</span>")) << list;
  EXPECT_TRUE(has(list, "<span class=\"commitment-status\">Not started</span>")) << list;
  EXPECT_FALSE(has(list, "Final")) << list;
  const std::string id = page(*final_, "id/fixture-plan/index.html");
  EXPECT_TRUE(has(between(id, "commitment-index", "</ol>"), ">Substansial</span>"));
}

TEST_F(ProgressSite, TheCommitmentPageShowsItsLevelHistoryAndEvidence) {
  const std::string en = commitment_page(*final_, "en", 1);
  EXPECT_TRUE(has(en, "<dd>Substantial</dd>")) << between(en, "summary-facts", "</dl>");
  const std::string progress = between(en, "<section id=\"progress\"", "</section>");
  ASSERT_FALSE(progress.empty());
  // Newest period first, each with its level and date.
  const size_t p2 = progress.find("id=\"progress-p2\""), p1 = progress.find("id=\"progress-p1\"");
  ASSERT_NE(p2, std::string::npos);
  ASSERT_NE(p1, std::string::npos);
  EXPECT_LT(p2, p1);
  EXPECT_TRUE(has(progress, "<time datetime=\"2020-01-20\">"));
  EXPECT_TRUE(has(progress, "level-limited"));
  // What changed since the period before: the commitment and its milestone went up from limited.
  EXPECT_TRUE(has(between(progress, "id=\"progress-p2\"", "id=\"progress-p1\""),
                  "<span class=\"progress-level level-substantial\">Substantial</span><span class=\"progress-change\"> (previously Limited)</span>"))
      << progress;
  EXPECT_FALSE(has(between(progress, "id=\"progress-p1\"", "</ol>"), "progress-change")) << "the first period changed from nothing";
  // The narrative's markup-like text is text, escaped; the evidence link is escaped and nofollow.
  EXPECT_TRUE(has(progress, "Fixture: mostly done &lt;b&gt;."));
  EXPECT_TRUE(has(progress, "href=\"https://example.org/fixture/report?a=1&amp;b=%22x%22\" rel=\"nofollow noopener noreferrer external\""))
      << progress;
  EXPECT_TRUE(has(progress, ">Meeting minutes</a>"));
  // Milestones: their activity and level.
  EXPECT_TRUE(has(progress, "Fixture: published."));
  // The contents list it.
  EXPECT_TRUE(has(en, "<a href=\"#progress\">Progress</a>"));
  EXPECT_TRUE(has(en, "<a href=\"#irm\">"));
  // And the Indonesian page in Indonesian.
  const std::string id = commitment_page(*final_, "id", 1);
  EXPECT_TRUE(has(id, "Fiktif: sebagian besar selesai"));
  EXPECT_TRUE(has(id, ">Notulen rapat</a>"));
}

TEST_F(ProgressSite, TheIrmRatingsCarryTheirSource) {
  const std::string en = commitment_page(*final_, "en", 1);
  const std::string irm = between(en, "<section id=\"irm\"", "</section>");
  ASSERT_FALSE(irm.empty());
  EXPECT_TRUE(has(irm, "<dt>Verifiable</dt>"));
  EXPECT_TRUE(has(irm, "Yes <a href=\"https://example.org/fixture/irm\""));
  EXPECT_TRUE(has(irm, "(source: Fixture Design Report)"));
  EXPECT_TRUE(has(irm, "Access to information, Civic participation"));
  EXPECT_TRUE(has(irm, "<dt>Potential impact</dt><dd>Moderate "));
}

TEST_F(ProgressSite, ACommitmentWithoutDataShowsNoEmptyLabel) {
  const std::string en = commitment_page(*final_, "en", 2);
  EXPECT_FALSE(has(en, "<section id=\"irm\""));  // no IRM ratings of commitment 2
  EXPECT_TRUE(has(en, "<section id=\"progress\""));
}

TEST_F(ProgressSite, TheHomePageHasTheProgressLine) {
  const std::string en = page(*final_, "en/index.html");
  // The date's spaces are no-break spaces (compose/date_text.h).
  EXPECT_TRUE(has(en, "<li class=\"plan-progress\">1 of 2 commitments substantial or complete, as of 20\u00a0January\u00a02020</li>")) << en;
  const std::string id = page(*final_, "id/index.html");
  EXPECT_TRUE(has(id, "1 dari 2 komitmen substansial atau selesai, per 20\u00a0Januari\u00a02020")) << id;
}

TEST_F(ProgressSite, SearchFiltersByTheCurrentCompletionLevel) {
  // The search page offers the levels some commitment is at, in OGP's order, labelled.
  const std::string en = page(*final_, "en/search/index.html");
  const std::string select = between(en, "<select id=\"search-completion\"", "</select>");
  ASSERT_FALSE(select.empty()) << en;
  const size_t not_started = select.find("<option value=\"not-started\">Not started</option>");
  const size_t substantial = select.find("<option value=\"substantial\">Substantial</option>");
  ASSERT_NE(not_started, std::string::npos) << select;
  ASSERT_NE(substantial, std::string::npos) << select;
  EXPECT_LT(not_started, substantial);
  EXPECT_FALSE(has(select, "\"limited\"")) << "a level no commitment is at now";
  EXPECT_TRUE(has(page(*final_, "id/search/index.html"), "<option value=\"substantial\">Substansial</option>"));
  // The facets give each commitment its current level, in plan order (theme;lead;level).
  const std::string facets = page(*final_, "assets/search/en/facets.js");
  EXPECT_TRUE(has(facets, ";substantial|")) << facets;
  EXPECT_TRUE(has(facets, ";not-started\"")) << facets;
}

TEST_F(ProgressSite, ADraftShowsNoProgressAtAll) {
  EXPECT_FALSE(draft_plan_->diags.has_errors()) << all(draft_plan_->diags);
  for (const auto& path : draft_->paths("site/")) {
    if (!path.ends_with(".html")) continue;
    const std::string& p = *draft_->find(path);
    EXPECT_FALSE(has(p, "plan-progress")) << path;
    EXPECT_FALSE(has(p, "commitment-status")) << path;
    EXPECT_FALSE(has(p, "id=\"progress\"")) << path;
    EXPECT_FALSE(has(p, "id=\"irm\"")) << path;
    EXPECT_FALSE(has(p, "search-completion")) << path;  // no filter with nothing to choose
  }
}

}  // namespace
}  // namespace renaksi
