// The Document as the contract of the presentation outputs: every block knows where in the
// content it came from, the plan's facts are there for the site, and the translation-fallback
// decision (stand-ins) is made by compose, once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "doc/document.h"
#include "support/build.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

class DocumentContract : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>("document-contract");
    Env env = Env::from_environment();
    env.cache_dir = dir_->path() / "cache";
    final_ = std::make_unique<BuildState>(testing::plan_through(testing::content_dir() / "nap-2018-2020", "compose", env));
    draft_ = std::make_unique<BuildState>(testing::plan_through(testing::content_dir() / "nap-2020-2022", "compose", env));
  }
  static void TearDownTestSuite() {
    final_.reset();
    draft_.reset();
    dir_.reset();
  }
  static const doc::Document& edition(const BuildState& s, const std::string& name) {
    for (const auto& d : s.documents)
      if (d.edition == name) return d;
    throw std::runtime_error("no edition " + name);
  }
  // Line `line` (1-based) of `file`.
  static std::string line_of(const std::string& file, int line) {
    std::ifstream in(file);
    std::string s;
    for (int i = 0; i < line && std::getline(in, s); ++i) {
    }
    return s;
  }
  static inline std::unique_ptr<testing::TempDir> dir_;
  static inline std::unique_ptr<BuildState> final_, draft_;
};

TEST_F(DocumentContract, EveryChapterAndBlockKnowsWhereInTheContentItCameFrom) {
  for (const BuildState* s : {final_.get(), draft_.get()}) {
    ASSERT_FALSE(s->diags.has_errors());
    for (const auto& d : s->documents) {
      EXPECT_EQ(d.version, doc::kDocumentVersion);
      EXPECT_TRUE(fs::is_regular_file(d.facts.loc.file)) << d.facts.loc.str();
      size_t blocks = 0;
      for (const auto& c : d.chapters) {
        EXPECT_TRUE(fs::is_regular_file(c.loc.file)) << c.anchor << ": " << c.loc.str();
        EXPECT_GT(c.loc.line, 0) << c.anchor;
        for (const auto& b : c.blocks) {
          ++blocks;
          EXPECT_TRUE(fs::is_regular_file(b.loc.file)) << c.anchor << " " << b.anchor << ": '" << b.loc.str() << "'";
          EXPECT_GT(b.loc.line, 0) << c.anchor << " " << b.anchor;
          EXPECT_GT(b.loc.col, 0) << c.anchor << " " << b.anchor;
          // A prose part with its own place is that language's <text> element.
          if (const auto* p = std::get_if<doc::Prose>(&b.content))
            for (const auto& part : p->parts) {
              if (part.loc.file.empty()) continue;
              const std::string at = line_of(part.loc.file, part.loc.line).substr(static_cast<size_t>(part.loc.col - 1));
              EXPECT_TRUE(at.starts_with("<text xml:lang=\"" + part.lang + "\"")) << part.loc.str() << ": " << at;
            }
        }
      }
      EXPECT_GT(blocks, 50u) << d.edition;
    }
  }
  // A commitment's chapter comes from its own file.
  const doc::Chapter* ten = edition(*final_, "en").chapter(doc::Chapter::Kind::Commitment, 10);
  ASSERT_TRUE(ten);
  EXPECT_NE(ten->loc.file.find("commitments/10-"), std::string::npos) << ten->loc.str();
}

TEST_F(DocumentContract, TheFactsHoldWhatTheSiteShowsInTheEditionsLanguage) {
  const Plan& plan = final_->loaded.plan;
  const doc::Document& en = edition(*final_, "en");
  const doc::Facts& f = en.facts;
  EXPECT_EQ(f.stage, "final");
  EXPECT_TRUE(f.final_stage);
  EXPECT_FALSE(f.consultation);
  EXPECT_EQ(f.country, "ID");
  EXPECT_EQ(f.number, plan.number);
  EXPECT_EQ(f.admin_lang, "id");
  EXPECT_EQ(f.issuer_name, "Open Government Indonesia National Secretariat");
  ASSERT_EQ(f.commitments.size(), plan.commitments.size());
  ASSERT_EQ(f.themes.size(), plan.themes.size());
  for (size_t i = 0; i < f.commitments.size(); ++i) {
    const auto& ref = f.commitments[i];
    EXPECT_EQ(ref.number, plan.commitments[i].number);
    EXPECT_EQ(ref.title, plan.commitments[i].title.in("en"));
    // Every reference is to a chapter of the same document.
    EXPECT_TRUE(en.chapter(doc::Chapter::Kind::Commitment, ref.number)) << ref.anchor;
    EXPECT_EQ(ref.anchor, "commitment-" + std::to_string(ref.number));
  }
  // The organisations are the index's, in its order, each naming commitments of the plan.
  const doc::Chapter* index = en.chapter(doc::Chapter::Kind::Index);
  ASSERT_TRUE(index);
  std::vector<std::string> anchors;
  for (const auto& b : index->blocks)
    if (std::holds_alternative<doc::Fields>(b.content)) anchors.push_back(b.anchor);
  std::vector<std::string> listed;
  for (const auto& o : f.organisations) {
    listed.push_back(o.anchor);
    EXPECT_FALSE(o.roles.empty()) << o.anchor;
    for (const auto& r : o.roles)
      for (const auto& m : r.commitments) EXPECT_TRUE(en.chapter(doc::Chapter::Kind::Commitment, m.number)) << o.anchor;
  }
  EXPECT_EQ(listed, anchors);
  // The Indonesian edition has them in Indonesian.
  EXPECT_EQ(edition(*final_, "id").facts.issuer_name, "Sekretariat Nasional Open Government Indonesia");
}

TEST_F(DocumentContract, ComposeDecidesWhereTheAdministrativeLanguageStandsIn) {
  // The draft lacks three English texts (content_test: C012 warnings): commitment 1's causes,
  // commitment 2's civic-participation value, commitment 3's milestone m2 output.
  const doc::Document& en = edition(*draft_, "en");
  const doc::Document& id = edition(*draft_, "id");
  auto prose_after = [](const doc::Document& d, int number, const std::string& anchor) -> const doc::Localized<prose::SharedBlocks>* {
    const doc::Chapter* c = d.chapter(doc::Chapter::Kind::Commitment, number);
    for (size_t i = 0; c && i + 1 < c->blocks.size(); ++i)
      if (c->blocks[i].anchor == anchor)
        if (const auto* p = std::get_if<doc::Prose>(&c->blocks[i + 1].content)) return &p->parts.front();
    return nullptr;
  };
  const auto* causes = prose_after(en, 1, "commitment-1-causes");
  const auto* causes_id = prose_after(id, 1, "commitment-1-causes");
  ASSERT_TRUE(causes && causes_id);
  EXPECT_TRUE(causes->value.empty());
  ASSERT_TRUE(causes->stand_in.has_value());
  EXPECT_EQ(prose::plain_text(*causes->stand_in), prose::plain_text(causes_id->value));
  EXPECT_FALSE(causes_id->stand_in.has_value());

  // The milestone output: a stand-in for that cell only.
  const doc::Chapter* three = en.chapter(doc::Chapter::Kind::Commitment, 3);
  ASSERT_TRUE(three);
  size_t stand_in_cells = 0;
  for (const auto& b : three->blocks)
    if (const auto* t = std::get_if<doc::Table>(&b.content); t && t->kind == "milestones") {
      const auto& part = t->parts.front();
      ASSERT_FALSE(part.value.rows.empty());
      ASSERT_TRUE(part.stand_in.has_value());
      for (size_t r = 0; r < part.stand_in->rows.size(); ++r)
        for (size_t c = 0; c < part.stand_in->rows[r].size(); ++c)
          if (!doc::is_empty(part.stand_in->rows[r][c])) {
            ++stand_in_cells;
            EXPECT_TRUE(doc::is_empty(part.value.rows[r][c])) << r << "," << c;
          }
    }
  EXPECT_EQ(stand_in_cells, 1u);

  // No stand-in anywhere in the administrative and the bilingual editions, nor in a Final plan.
  auto count = [](const doc::Document& d) {
    size_t n = 0;
    for (const auto& c : d.chapters)
      for (const auto& b : c.blocks)
        std::visit(
            [&](const auto& content) {
              for (const auto& p : content.parts) n += p.stand_in ? 1 : 0;
            },
            b.content);
    return n;
  };
  EXPECT_EQ(count(id), 0u);
  EXPECT_EQ(count(edition(*draft_, "bilingual")), 0u);
  for (const auto& d : final_->documents) EXPECT_EQ(count(d), 0u) << d.edition;
  EXPECT_GE(count(en), 3u);
}

TEST_F(DocumentContract, ThePageLabelIsDataFormattedByIcu) {
  const doc::Front& id = edition(*final_, "id").front_for("id");
  const doc::Front& en = edition(*final_, "en").front_for("en");
  EXPECT_EQ(doc::format_page_label(id.page_label, 3, 40), "Halaman 3 dari 40");
  EXPECT_EQ(doc::format_page_label(en.page_label, 3, 40), "Page 3 of 40");
  // Numbers in the language's format, by ICU.
  EXPECT_EQ(doc::format_page_label(id.page_label, 1200, 1500), "Halaman 1.200 dari 1.500");
  EXPECT_EQ(doc::format_page_label(en.page_label, 1200, 1500), "Page 1,200 of 1,500");
  EXPECT_EQ(doc::format_page_label({}, 1, 2), "");
  EXPECT_EQ(doc::format_page_label({"Page {page", "en"}, 1, 2), "");  // a broken pattern prints nothing
}

}  // namespace
}  // namespace renaksi
