// The composed document of the default plan's editions: golden dumps, and the properties
// every edition must have whatever its wording.
#include "compose/compose.h"

#include <gtest/gtest.h>

#include "driver/pipeline.h"
#include "support/golden.h"
#include "support/build.h"
#include "support/paths.h"

#include <fstream>
#include <sstream>

namespace renaksi {
namespace {

class Composed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir("compose");
    state_ = build("nap-2018-2020");
    draft_ = build("nap-2020-2022");
  }
  static void TearDownTestSuite() {
    delete state_;
    delete draft_;
    delete dir_;
  }
  static BuildState* build(const char* plan) {
    Env env = Env::from_environment();
    env.cache_dir = dir_->path() / "cache";
    return new BuildState(testing::plan_through(testing::content_dir() / plan, "compose", env));
  }
  static const doc::Document& edition(const BuildState& s, const std::string& name) {
    for (const auto& d : s.documents)
      if (d.edition == name) return d;
    throw std::runtime_error("no edition " + name);
  }
  static inline testing::TempDir* dir_ = nullptr;
  static inline BuildState* state_ = nullptr;
  static inline BuildState* draft_ = nullptr;
};

TEST_F(Composed, BuildsWithoutDiagnostics) {
  for (const auto& d : state_->diags.all()) ADD_FAILURE() << d.str();
  ASSERT_EQ(state_->documents.size(), 3u);
  EXPECT_EQ(state_->documents[0].edition, "id");
  EXPECT_EQ(state_->documents[1].edition, "en");
  EXPECT_EQ(state_->documents[2].edition, "bilingual");
}

TEST_F(Composed, EveryBlockHasOnePartPerLanguageOfItsEdition) {
  for (const auto& d : state_->documents)
    for (const auto& c : d.chapters) {
      ASSERT_EQ(c.title.size(), d.langs.size());
      for (const auto& b : c.blocks)
        std::visit(
            [&](const auto& content) {
              ASSERT_EQ(content.parts.size(), d.langs.size()) << c.anchor;
              for (size_t i = 0; i < content.parts.size(); ++i) EXPECT_EQ(content.parts[i].lang, d.langs[i]);
            },
            b.content);
    }
}

TEST_F(Composed, OneChapterPerCommitmentInOrderWithStableAnchors) {
  const auto& d = edition(*state_, "en");
  std::vector<int> numbers;
  for (const auto& c : d.chapters)
    if (c.kind == doc::Chapter::Kind::Commitment) {
      numbers.push_back(c.commitment_number);
      EXPECT_EQ(c.anchor, "commitment-" + std::to_string(c.commitment_number));
    }
  ASSERT_EQ(numbers.size(), state_->loaded.plan.commitments.size());
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end()));
  EXPECT_EQ(d.chapters.front().anchor, "foreword");
  EXPECT_EQ(d.chapters[1].anchor, "cocreation");
  EXPECT_EQ(d.chapters.back().anchor, "index");
}

TEST_F(Composed, IndexIsSortedByTheEditionsCollation) {
  for (const auto& d : state_->documents) {
    const Locale& l = *state_->locales.at(d.langs.front());
    const auto& index = d.chapters.back();
    std::vector<std::string> names;
    for (const auto& b : index.blocks)
      if (const auto* f = std::get_if<doc::Fields>(&b.content)) names.push_back(prose::plain_text(f->parts.front().value.title));
    ASSERT_GT(names.size(), 20u);
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end(), [&](const auto& a, const auto& b) { return l.less(a, b); }))
        << d.edition;
  }
}

TEST_F(Composed, DraftEditionsCarryTheirStageMark) {
  for (const auto& d : draft_->documents) {
    EXPECT_FALSE(d.final_stage());
    for (const auto& f : d.front) EXPECT_EQ(f.draft_mark, f.lang == "id" ? "DRAF 3" : "DRAFT 3");
  }
  for (const auto& d : state_->documents) EXPECT_EQ(d.front.front().draft_mark, "");
}

// A contact's name in each language where the content gives it; a name in one language only is
// shown as it is, marked with its language, in the other editions.
TEST_F(Composed, ContactNamesAreInTheEditionsLanguageOrMarkedWithTheirOwn) {
  const std::string id = doc::dump(edition(*state_, "id")), en = doc::dump(edition(*state_, "en"));
  EXPECT_NE(id.find("PPID Kementerian Sosial"), std::string::npos);
  EXPECT_EQ(en.find("PPID Kementerian Sosial"), std::string::npos);
  EXPECT_NE(en.find("PPID of the Ministry of Social Affairs"), std::string::npos);
  EXPECT_NE(id.find("[lang en Indonesian Center for Environmental Law]"), std::string::npos);
  EXPECT_NE(en.find("Indonesian Center for Environmental Law"), std::string::npos);
  EXPECT_EQ(en.find("[lang en Indonesian Center"), std::string::npos);  // its own language: unmarked
}

TEST(Editions, AdministrativeLanguageFirstThenBilingual) {
  Plan p;
  p.languages = {{"en", false, {}}, {"es", true, {}}};
  auto e = editions_of(p);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].name, "es");
  EXPECT_EQ(e[1].name, "en");
  EXPECT_EQ(e[2].name, "bilingual");
  EXPECT_EQ(e[2].langs, (std::vector<std::string>{"es", "en"}));
  p.languages = {{"fr", true, {}}};
  EXPECT_EQ(editions_of(p).size(), 1u);
}

}  // namespace
}  // namespace renaksi

namespace renaksi {
namespace {

// Adding a language takes a catalogue and the plan's texts, and no code: the fixture plan with
// its Indonesian texts relabelled Spanish, and a Spanish catalogue in a data folder of its own.
TEST(NewLanguage, ASpanishEnglishPlanNeedsNoCode) {
  namespace fs = std::filesystem;
  testing::TempDir dir("spanish");
  const fs::path plan = dir.path() / "plan", data = dir.path() / "data";
  fs::copy(testing::fixtures_dir() / "check" / "base", plan, fs::copy_options::recursive);
  for (const auto& e : fs::recursive_directory_iterator(plan)) {
    if (!e.is_regular_file()) continue;
    std::stringstream ss;
    ss << std::ifstream(e.path()).rdbuf();
    std::string s = ss.str();
    for (size_t p; (p = s.find("\"id\"")) != std::string::npos;) s.replace(p, 4, "\"es\"");
    std::ofstream(e.path()) << s;
  }
  fs::create_directories(data / "locales");
  fs::copy(testing::source_dir() / "locales" / "en.json", data / "locales" / "es.json");
  fs::copy(testing::source_dir() / "locales" / "en.json", data / "locales" / "en.json");
  fs::copy(testing::source_dir() / "templates", data / "templates", fs::copy_options::recursive);
  fs::copy(testing::source_dir() / "layouts", data / "layouts", fs::copy_options::recursive);

  Env env = Env::from_environment();
  env.data_dir = data;
  env.cache_dir = dir.path() / "cache";
  BuildState s = testing::plan_through(plan, "ogp", env);
  for (const auto& d : s.diags.all()) ADD_FAILURE() << d.str();
  ASSERT_EQ(s.documents.size(), 3u);
  EXPECT_EQ(s.documents[0].edition, "es");
  EXPECT_EQ(s.documents[2].langs, (std::vector<std::string>{"es", "en"}));
  // Spanish dates and numbers come from ICU, not from the catalogue (a date's spaces no-break).
  EXPECT_NE(doc::dump(s.documents[0]).find("8\u00a0de\u00a0agosto\u00a0de\u00a02018"), std::string::npos);
  EXPECT_TRUE(s.outputs.has("fixture-plan/fixture-plan.es.pdf"));
  EXPECT_TRUE(s.outputs.has("fixture-plan/fixture-plan.bilingual.pdf"));
}

}  // namespace
}  // namespace renaksi
