// Golden dumps of the composed document, table-driven: each case is a small input (files laid
// over the check base plan, tests/fixtures/check/base) and the expected dump of one edition's
// chosen chapters, side by side in tests/golden/compose/<case>/<edition>.txt. One whole-plan
// dump of a real plan stays as a smoke test. `make goldens` rewrites them all.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "driver/pipeline.h"
#include "support/golden.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string name;                  // tests/golden/compose/<name>/input/ holds the files laid over the base
  std::string edition;               // "id", "en" or "bilingual"
  std::vector<std::string> chapters; // the anchors of the chapters dumped; "front" for the cover texts
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name << " (" << c.edition << ")"; }

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"every-section", "en", {"commitment-1"}},
      {"missing-translation", "bilingual", {"front", "commitment-1"}},
      {"missing-translation", "en", {"commitment-1"}},
      {"tables", "id", {"commitment-1"}},
      {"budget-sdgs-notes", "en", {"commitment-1"}},
      {"organisation-index", "id", {"index"}},
      {"cocreation", "en", {"cocreation"}},
      {"bilingual", "bilingual", {"front", "foreword", "commitment-1", "index"}},
  };
  return all;
}

fs::path golden_dir() { return testing::source_dir() / "tests" / "golden" / "compose"; }

// `doc` with only the chosen chapters (and its cover texts only when "front" is chosen).
doc::Document only(doc::Document doc, const std::vector<std::string>& chosen) {
  auto is_chosen = [&](const std::string& anchor) { return std::find(chosen.begin(), chosen.end(), anchor) != chosen.end(); };
  if (!is_chosen("front")) doc.front.clear();
  std::erase_if(doc.chapters, [&](const doc::Chapter& c) { return !is_chosen(c.anchor); });
  return doc;
}

// Every case composed in one build (one Pandoc run for all their prose): each a copy of the base
// plan with the case's files laid over it, under the case's name as its plan id.
class ComposeGolden : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>("compose-golden");
    std::vector<fs::path> folders;
    for (const auto& c : cases()) {
      const fs::path folder = dir_->path() / c.name;
      if (fs::exists(folder)) continue;  // a case with another edition of the same input
      fs::copy(testing::fixtures_dir() / "check" / "base", folder, fs::copy_options::recursive);
      if (fs::exists(golden_dir() / c.name / "input"))
        fs::copy(golden_dir() / c.name / "input", folder, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
      std::stringstream plan;
      plan << std::ifstream(folder / "plan.xml", std::ios::binary).rdbuf();
      std::string text = plan.str();
      const std::string id = " id=\"fixture-plan\"";
      if (text.find(id) != std::string::npos) text.replace(text.find(id), id.size(), " id=\"" + c.name + "\"");
      std::ofstream(folder / "plan.xml", std::ios::binary) << text;
      folders.push_back(folder);
    }
    Env env = Env::from_environment();
    env.cache_dir = dir_->path() / "cache";
    archive_ = std::make_unique<ArchiveBuild>(build_plans(folders, env, {.stop_after = "compose"}));
  }
  static void TearDownTestSuite() {
    archive_.reset();
    dir_.reset();
  }
  static const BuildState& plan(const std::string& id) {
    for (const auto& p : archive_->plans)
      if (p->loaded.plan.id == id) return *p;
    throw std::runtime_error("no plan " + id);
  }
  static inline std::unique_ptr<testing::TempDir> dir_;
  static inline std::unique_ptr<ArchiveBuild> archive_;
};

TEST_P(ComposeGolden, DumpOfTheChosenChapters) {
  const Case& c = GetParam();
  for (const auto& d : archive_->diags.all()) ADD_FAILURE() << d.str();
  const BuildState& state = plan(c.name);
  for (const auto& d : state.diags.all())
    if (d.severity == Severity::Error) ADD_FAILURE() << d.str();
  const doc::Document* edition = nullptr;
  for (const auto& d : state.documents)
    if (d.edition == c.edition) edition = &d;
  ASSERT_NE(edition, nullptr) << "no edition " << c.edition;
  for (const auto& anchor : c.chapters) {
    bool found = anchor == "front";
    for (const auto& ch : edition->chapters) found = found || ch.anchor == anchor;
    EXPECT_TRUE(found) << "no chapter #" << anchor;
  }
  testing::expect_golden("compose/" + c.name + "/" + c.edition + ".txt", doc::dump(only(*edition, c.chapters)));
}

INSTANTIATE_TEST_SUITE_P(Cases, ComposeGolden, ::testing::ValuesIn(cases()), [](const auto& info) {
  std::string n = info.param.name + "_" + info.param.edition;
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
});

// The smoke test: the whole bilingual edition of the real draft plan.
TEST(ComposeGoldenSmoke, WholeBilingualEditionOfARealPlan) {
  testing::TempDir dir("compose-golden-smoke");
  Env env = Env::from_environment();
  env.cache_dir = dir.path() / "cache";
  const ArchiveBuild a = build_archive(testing::content_dir() / "nap-2020-2022", env, {.stop_after = "compose"});
  ASSERT_EQ(a.error_count(), 0u);
  ASSERT_EQ(a.plans.size(), 1u);
  for (const auto& d : a.plans[0]->documents)
    if (d.edition == "bilingual") return testing::expect_golden("compose/nap-2020-2022.bilingual.txt", doc::dump(d));
  ADD_FAILURE() << "no bilingual edition";
}

}  // namespace
}  // namespace renaksi
