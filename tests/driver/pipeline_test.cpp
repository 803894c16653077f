// The pipeline table: every step in one list, walked by one driver; what --stop-after does
// with a plan step and an archive step; and a layout problem found late in the pipeline
// reported at the content's file, line and column.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "driver/pipeline.h"
#include "publish/output_folder.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

TEST(PipelineTable, EveryStepOnceInOrderWithItsScope) {
  std::vector<std::string> names;
  std::string scopes;
  for (const Step& s : steps()) {
    names.emplace_back(s.name);
    scopes += s.scope == Scope::Plan ? 'P' : s.scope == Scope::Batch ? 'B' : 'A';
    EXPECT_FALSE(s.description.empty()) << s.name;
    EXPECT_EQ(find_step(s.name), &s);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"load", "check", "ids", "prose", "locale", "compose", "style", "pdf", "docx",
                                             "ogp", "data", "pages", "open-data", "site", "gather", "publish"}));
  EXPECT_EQ(scopes, "PPBBPPBPPPPPAAAA");
  EXPECT_EQ(find_step("nothing"), nullptr);
}

class PipelineWalk : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<testing::TempDir>("pipeline-walk");
    env_ = Env::from_environment();
    env_.cache_dir = dir_->path() / "cache";
    env_.source_date_epoch = 1543536000;
  }
  std::unique_ptr<testing::TempDir> dir_;
  Env env_;
};

TEST_F(PipelineWalk, StoppingAfterAPlanStepLeavesEveryLaterStepUnrun) {
  ArchiveBuild a = build_archive(testing::content_dir(), env_, {.stop_after = "compose"});
  EXPECT_EQ(a.error_count(), 0u);
  EXPECT_FALSE(a.completed);
  ASSERT_EQ(a.plans.size(), 3u);
  for (const auto& p : a.plans) {
    EXPECT_FALSE(p->documents.empty());
    EXPECT_EQ(p->outputs.size(), 0u);  // no pdf, docx or ogp yet
  }
  std::vector<std::string> timed;
  for (const auto& t : a.timings) timed.emplace_back(t.name);
  EXPECT_EQ(timed, (std::vector<std::string>{"load", "check", "ids", "prose", "locale", "compose"}));
  EXPECT_FALSE(a.style.has_value());
}

TEST_F(PipelineWalk, StoppingAfterAnArchiveStepLeavesTheLaterOnesUnrun) {
  ArchiveBuild a = build_archive(testing::content_dir(), env_, {.stop_after = "site"});
  EXPECT_EQ(a.error_count(), 0u);
  EXPECT_FALSE(a.completed);
  // The site is built; the plans' own files are not gathered into the archive's yet.
  EXPECT_TRUE(a.outputs.has("site/index.html"));
  EXPECT_FALSE(a.outputs.has("nap-2018-2020/nap-2018-2020.en.pdf"));
  for (const auto& p : a.plans) EXPECT_GT(p->outputs.artifacts().size(), 0u);
  // Nothing was published: there was no output folder, and publish did not run.
  EXPECT_FALSE(a.published);
  ArchiveBuild all = build_archive(testing::content_dir(), env_);
  EXPECT_TRUE(all.completed);
  EXPECT_TRUE(all.outputs.has("nap-2018-2020/nap-2018-2020.en.pdf"));
  EXPECT_FALSE(all.published);  // still no output folder
}

TEST_F(PipelineWalk, AnArchiveStepWaitsForEveryPlanButIdsRunsAfterErrors) {
  // Two copies of one plan, one of them broken: the ids step still reports B001 beside the
  // broken plan's errors, and stops the build: the prose step (which needs every plan) does
  // not run.
  const fs::path root = dir_->path() / "content";
  fs::create_directories(root);
  fs::copy(testing::fixtures_dir() / "check" / "base", root / "a", fs::copy_options::recursive);
  fs::copy(testing::fixtures_dir() / "check" / "base", root / "b", fs::copy_options::recursive);
  std::ofstream(root / "b" / "commitments" / "02.xml") << "<commitment";  // not well-formed
  ArchiveBuild a = build_archive(root, env_);
  ASSERT_EQ(a.plans.size(), 2u);
  std::set<Code> codes;
  for (const auto& p : a.plans)
    for (const auto& d : p->diags.all()) codes.insert(d.code);
  EXPECT_TRUE(codes.count(Code::L002)) << "the broken file";
  EXPECT_TRUE(codes.count(Code::B001)) << "the second plan's id";
  EXPECT_EQ(a.prose_stats.fragments, 0);
  std::vector<std::string> timed;
  for (const auto& t : a.timings) timed.emplace_back(t.name);
  EXPECT_EQ(timed, (std::vector<std::string>{"load", "check", "ids"}));
  EXPECT_FALSE(a.completed);
  // With distinct ids the broken plan alone keeps the prose step from running.
  std::string plan_xml;
  {
    std::stringstream in;
    in << std::ifstream(root / "b" / "plan.xml").rdbuf();
    plan_xml = in.str();
  }
  const size_t id = plan_xml.find(" id=\"");
  ASSERT_NE(id, std::string::npos);
  plan_xml.insert(id + 5, "other-");
  std::ofstream(root / "b" / "plan.xml", std::ios::trunc) << plan_xml;
  ArchiveBuild b = build_archive(root, env_);
  timed.clear();
  for (const auto& t : b.timings) timed.emplace_back(t.name);
  EXPECT_EQ(timed, (std::vector<std::string>{"load", "check", "ids"}));
  for (const auto& p : b.plans)
    for (const auto& d : p->diags.all()) EXPECT_NE(d.code, Code::B001) << d.str();
  EXPECT_EQ(b.plans[0]->diags.error_count(), 0u);
  EXPECT_GT(b.plans[1]->diags.error_count(), 0u);
}

// The data a build reads (layouts, catalogues, templates, schemas) copied, for a test that edits it.
fs::path copy_data_dir(const testing::TempDir& dir) {
  const fs::path data = dir.path() / "data";
  fs::create_directories(data);
  for (const char* part : {"layouts", "locales", "templates", "schemas"})
    fs::copy(testing::source_dir() / part, data / part, fs::copy_options::recursive);
  return data;
}

TEST_F(PipelineWalk, EachPlansLocalesAndTheSiteCataloguesAreMadeWhilePandocRuns) {
  ArchiveBuild a = build_archive(testing::content_dir(), env_, {.stop_after = "prose"});
  EXPECT_EQ(a.error_count(), 0u);
  ASSERT_EQ(a.plans.size(), 3u);
  for (const auto& p : a.plans) {
    EXPECT_TRUE(p->locales_ready) << p->folder;
    for (const auto& lang : p->loaded.plan.language_codes()) {
      EXPECT_TRUE(p->locales.count(lang)) << p->folder << " " << lang;
      EXPECT_TRUE(a.site_locales.count(lang)) << lang;
    }
  }
  EXPECT_EQ(a.site_locales.size(), 2u);
  // A whole build goes on from there (the locale step has nothing left to do).
  ArchiveBuild whole = build_archive(testing::content_dir() / "nap-2018-2020", env_);
  EXPECT_EQ(whole.error_count(), 0u);
  EXPECT_TRUE(whole.completed);
  EXPECT_EQ(whole.site_locales.size(), 2u);
}

TEST_F(PipelineWalk, ACatalogueThatDoesNotReadIsReportedByItsStepAsBefore) {
  // Made beside Pandoc only when it loads cleanly: a broken catalogue is left to the locale step,
  // which reports it once for each plan that needs it, as it did when nothing was made early.
  env_.data_dir = copy_data_dir(*dir_);
  std::ofstream(env_.data_dir / "locales" / "id.json", std::ios::trunc) << "{\"edition.single\": ";
  ArchiveBuild a = build_archive(testing::content_dir(), env_, {.stop_after = "locale"});
  size_t broken = 0;
  for (const auto& p : a.plans) {
    EXPECT_FALSE(p->locales_ready) << p->folder;
    for (const auto& d : p->diags.all())
      if (d.loc.file.find("id.json") != std::string::npos) ++broken;
  }
  EXPECT_EQ(broken, a.plans.size());
  EXPECT_FALSE(a.site_locales.count("id"));
  EXPECT_TRUE(a.site_locales.count("en"));
}

TEST_F(PipelineWalk, ASiteLabelMissingFromItsCatalogueFailsTheBuild) {
  // The label of a commitment page's pager, gone from the English catalogue: the pages show
  // "[site.pager]", and the build says so (F003) and publishes nothing. Before, each plan's pages
  // step read the site catalogues again, and the problem met while writing the pages went with
  // the catalogue it was kept in.
  env_.data_dir = copy_data_dir(*dir_);
  testing::replace_once(env_.data_dir / "locales" / "en.json", "\"site.pager\"", "\"site.pager-gone\"");
  const fs::path out = dir_->path() / "out";
  Diagnostics claimed;
  std::optional<OutputFolder> folder = OutputFolder::claim(out, {testing::content_dir(), env_.cache_dir}, claimed);
  ASSERT_TRUE(folder.has_value());
  ArchiveBuild a = build_archive(testing::content_dir() / "nap-2018-2020", env_, {.stop_after = {}, .out_folder = &*folder});

  bool reported = false;
  for (const auto& d : a.diags.all())
    reported = reported || (d.code == Code::F003 && d.message.find("'site.pager'") != std::string::npos);
  EXPECT_TRUE(reported);
  EXPECT_GT(a.error_count(), 0u);
  EXPECT_FALSE(a.published);
  EXPECT_FALSE(fs::exists(out / "site"));
}

TEST_F(PipelineWalk, ALayoutProblemNamesTheContentFileLineAndColumn) {
  // Characters the fonts cannot show, in one commitment's English problem statement: the PDF
  // step's E002 points at that <text> element, not at the PDF.
  const fs::path plan = dir_->path() / "plan";
  fs::copy(testing::fixtures_dir() / "check" / "base", plan, fs::copy_options::recursive);
  const fs::path file = plan / "commitments" / "01.xml";
  std::stringstream text;
  text << std::ifstream(file).rdbuf();
  std::string xml = text.str();
  const std::string was = "<text xml:lang=\"en\">The problem.</text>";
  const size_t at = xml.find(was);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, was.size(), "<text xml:lang=\"en\">The problem \xE6\xBC\xA2\xE5\xAD\x97.</text>");
  std::ofstream(file, std::ios::trunc) << xml;
  const int line = 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<long>(at), '\n'));
  const int col = static_cast<int>(at - xml.rfind('\n', at));

  ArchiveBuild a = build_archive(plan, env_, {.stop_after = "pdf"});
  EXPECT_EQ(a.error_count(), 0u);
  std::vector<const Diagnostic*> e002;
  for (const auto& d : a.plans.front()->diags.all())
    if (d.code == Code::E002) e002.push_back(&d);
  // The English and the bilingual editions show it; the Indonesian one does not.
  ASSERT_EQ(e002.size(), 2u);
  for (const Diagnostic* d : e002) {
    EXPECT_EQ(d->loc.file, file.string()) << d->str();
    EXPECT_EQ(d->loc.line, line) << d->str();
    EXPECT_EQ(d->loc.col, col) << d->str();
    EXPECT_NE(d->message.find("U+6F22"), std::string::npos) << d->str();
  }
  EXPECT_NE(e002[0]->message.find(".en.pdf"), std::string::npos) << e002[0]->str();
  EXPECT_NE(e002[1]->message.find(".bilingual.pdf"), std::string::npos) << e002[1]->str();
}

}  // namespace
}  // namespace renaksi
