// No blank output: a draft whose texts are missing in one language shows the other language's,
// marked "[belum diterjemahkan]", in every output (the composed Documents, the PDF, the Word
// document, the site), and a label with nothing to label is left out. Fixtures:
// tests/fixtures/blanks/all-missing (no Indonesian text at all, Indonesian administrative) and
// some-missing (the subtitle, commitment 1's title and problem, and BPHN's name; no issuer).
#include <gtest/gtest.h>

#include <regex>

#include <filesystem>

#include "compose/fallback.h"
#include "doc/document.h"
#include "support/build.h"
#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::run_shell;
using testing::shell_quote;

constexpr const char* kMarkId = "[belum diterjemahkan]";

// Every stand-in inline under `inlines`.
void stand_ins(const prose::Inlines& inlines, std::vector<const prose::Inline*>& out) {
  for (const auto& i : inlines) {
    if (i.kind == prose::Inline::Kind::StandIn) out.push_back(&i);
    stand_ins(i.children, out);
  }
}

class Blanks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>("blanks");
    Env env = Env::from_environment();
    env.cache_dir = dir_->path() / "cache";
    all_ = std::make_unique<BuildState>(testing::plan_through(testing::fixtures_dir() / "blanks" / "all-missing", "compose", env));
    some_ = std::make_unique<BuildState>(testing::plan_through(testing::fixtures_dir() / "blanks" / "some-missing", "compose", env));
    // The whole build of both fixtures, for the PDF, Word and site outputs.
    const fs::path content = dir_->path() / "content";
    fs::create_directories(content);
    fs::copy(testing::fixtures_dir() / "blanks", content, fs::copy_options::recursive);
    out_ = dir_->path() / "dist";
    built_ = testing::run_renaksi("build " + shell_quote(content.string()) + " --out " + shell_quote(out_.string()));
  }
  static void TearDownTestSuite() {
    all_.reset();
    some_.reset();
    dir_.reset();
  }
  static const doc::Document& edition(const BuildState& s, const std::string& name) {
    for (const auto& d : s.documents)
      if (d.edition == name) return d;
    throw std::runtime_error("no edition " + name);
  }
  static std::string pdf_text(const std::string& plan, const std::string& edition) {
    auto r = run_shell("pdftotext -enc UTF-8 " + shell_quote((out_ / plan / (plan + "." + edition + ".pdf")).string()) + " - 2>/dev/null");
    EXPECT_EQ(r.exit_code, 0);
    std::string s;  // words joined by single spaces: a line break is a space
    for (char c : r.out) {
      if (c == '\n' || c == '\f') c = ' ';
      if (c == ' ' && !s.empty() && s.back() == ' ') continue;
      s += c;
    }
    return s;
  }
  static std::string pdf_info(const std::string& plan, const std::string& edition) {
    return run_shell("pdfinfo " + shell_quote((out_ / plan / (plan + "." + edition + ".pdf")).string()) + " 2>/dev/null").out;
  }
  static std::string docx_xml(const std::string& plan, const std::string& edition, const std::string& part) {
    return run_shell("unzip -p " + shell_quote((out_ / plan / (plan + "." + edition + ".docx")).string()) + " " + part).out;
  }
  static std::string page(const std::string& path) { return testing::file_bytes(out_ / "site" / path); }

  static inline std::unique_ptr<testing::TempDir> dir_;
  static inline std::unique_ptr<BuildState> all_, some_;
  static inline fs::path out_;
  static inline testing::CommandResult built_;
};

TEST_F(Blanks, TheFixturesBuild) {
  EXPECT_FALSE(all_->diags.has_errors());
  EXPECT_FALSE(some_->diags.has_errors());
  EXPECT_EQ(built_.exit_code, 0) << built_.err;
}

TEST_F(Blanks, TheAdministrativeEditionFallsBackToEnglishOnTheCover) {
  const doc::Document& id = edition(*all_, "id");
  const doc::Front& f = id.front_for("id");
  EXPECT_EQ(f.title, "Open Government Indonesia National Action Plan 2020–2022");
  EXPECT_EQ(f.title_lang, "en");
  EXPECT_EQ(f.subtitle_lang, "en");
  EXPECT_NE(f.issuer.find("Open Government Indonesia National Secretariat"), std::string::npos) << f.issuer;
  EXPECT_EQ(f.issuer_lang, "en");
  EXPECT_EQ(f.untranslated, kMarkId);
  EXPECT_EQ(id.issuer_name, "Open Government Indonesia National Secretariat");
}

TEST_F(Blanks, HeadingsIndexAndFactsHaveNoEmptyName) {
  const doc::Document& id = edition(*all_, "id");
  const doc::Chapter* c = id.chapter(doc::Chapter::Kind::Commitment, 1);
  ASSERT_NE(c, nullptr);
  std::vector<const prose::Inline*> marks;
  stand_ins(c->title.front().value, marks);
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks.front()->lang, "en");
  EXPECT_EQ(marks.front()->text, kMarkId);
  EXPECT_EQ(doc::plain_text_marked(c->title.front().value),
            std::string("Komitmen 1: Expanding Access to and Capacity of Legal Aid Services ") + kMarkId);

  const doc::Chapter* index = id.chapter(doc::Chapter::Kind::Index);
  ASSERT_NE(index, nullptr);
  size_t entries = 0;
  for (const auto& b : index->blocks)
    if (const auto* f = std::get_if<doc::Fields>(&b.content)) {
      ++entries;
      const auto& title = f->parts.front().value.title;
      EXPECT_FALSE(prose::plain_text(title).empty()) << b.anchor;
      std::vector<const prose::Inline*> m;
      stand_ins(title, m);
      EXPECT_EQ(m.size(), 1u) << b.anchor;
    }
  EXPECT_EQ(entries, 2u);
  for (const auto& o : id.facts.organisations) EXPECT_FALSE(o.name.empty()) << o.anchor;
  for (const auto& r : id.facts.commitments) EXPECT_FALSE(r.title.empty());
  EXPECT_FALSE(id.facts.issuer_name.empty());
}

TEST_F(Blanks, ProseSectionsGetTheOtherLanguagesTextAsStandIn) {
  const doc::Document& id = edition(*all_, "id");
  const doc::Chapter* c = id.chapter(doc::Chapter::Kind::Commitment, 1);
  ASSERT_NE(c, nullptr);
  size_t prose_parts = 0;
  for (const auto& b : c->blocks)
    if (const auto* p = std::get_if<doc::Prose>(&b.content))
      if (doc::is_empty(p->parts.front().value)) {
        ++prose_parts;
        ASSERT_TRUE(p->parts.front().stand_in.has_value()) << b.loc.str();
        EXPECT_EQ(p->parts.front().stand_in_lang, "en");
      }
  EXPECT_GE(prose_parts, 3u);  // problem, description, contribution, values …
}

TEST_F(Blanks, SomeMissingMarksOnlyWhatIsMissing) {
  const doc::Document& id = edition(*some_, "id");
  const doc::Front& f = id.front_for("id");
  EXPECT_TRUE(f.title_lang.empty());
  EXPECT_EQ(f.subtitle_lang, "en");
  const doc::Chapter* c = id.chapter(doc::Chapter::Kind::Commitment, 1);
  ASSERT_NE(c, nullptr);
  EXPECT_NE(doc::plain_text_marked(c->title.front().value).find(kMarkId), std::string::npos);
  // The English edition has everything: no stand-in anywhere.
  const doc::Document& en = edition(*some_, "en");
  EXPECT_TRUE(en.front_for("en").subtitle_lang.empty());
  EXPECT_EQ(doc::plain_text_marked(en.chapter(doc::Chapter::Kind::Commitment, 1)->title.front().value),
            "Commitment 1: Expanding Access to and Capacity of Legal Aid Services");
}

TEST_F(Blanks, TheBilingualEditionMarksTheEmptyColumnWithoutACopy) {
  const doc::Document& bi = edition(*all_, "bilingual");
  const doc::Chapter* c = bi.chapter(doc::Chapter::Kind::Commitment, 1);
  ASSERT_NE(c, nullptr);
  std::vector<const prose::Inline*> marks;
  stand_ins(c->title.front().value, marks);
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_TRUE(marks.front()->children.empty());  // the English is in the next column
  const doc::Document shown = doc::with_stand_ins_shown(bi);
  for (const auto& ch : shown.chapters)
    for (const auto& b : ch.blocks)
      if (const auto* p = std::get_if<doc::Prose>(&b.content)) {
        EXPECT_FALSE(doc::is_empty(p->parts[0].value)) << b.loc.str();
        EXPECT_EQ(prose::plain_text(p->parts[0].value).find("Law 16/2011"), std::string::npos);
      }
}

// The PDF and Word writers lay out the composed document itself, not a copy, when showing its
// stand-ins would change nothing: the test says so exactly when the shown copy differs.
TEST_F(Blanks, ADocumentIsCopiedToShowItsStandInsOnlyWhenThatChangesIt) {
  size_t shown = 0, same = 0;
  for (const BuildState* s : {all_.get(), some_.get()})
    for (const auto& d : s->documents) {
      const bool differs = doc::dump(doc::with_stand_ins_shown(d)) != doc::dump(d);
      EXPECT_EQ(doc::has_stand_ins_to_show(d), differs) << d.plan_id << " " << d.edition;
      ++(differs ? shown : same);
    }
  EXPECT_GT(shown, 0u);
  EXPECT_GT(same, 0u);  // the complete English edition of some-missing
  // A bilingual table with one cell empty beside a filled one, and nothing else to show.
  doc::Document d = edition(*some_, "en");
  doc::TableContent filled;
  filled.rows = {{text_inlines("a"), text_inlines("b")}};
  doc::TableContent gap = filled;
  gap.rows[0][1].clear();
  doc::Table t;
  t.parts.push_back({"en", filled, std::nullopt, {}, {}});
  t.parts.push_back({"id", filled, std::nullopt, {}, {}});
  d.chapters.front().blocks.push_back({{}, SourceLoc{}, t});
  EXPECT_FALSE(doc::has_stand_ins_to_show(d));
  std::get<doc::Table>(d.chapters.front().blocks.back().content).parts[1].value = gap;
  EXPECT_TRUE(doc::has_stand_ins_to_show(d));
  EXPECT_NE(doc::dump(doc::with_stand_ins_shown(d)), doc::dump(d));
}

TEST_F(Blanks, ThePdfShowsTheFallbackMarkedAndHasATitle) {
  const std::string text = pdf_text("blanks-all-missing", "id");
  EXPECT_NE(text.find("Open Government Indonesia National Action Plan 2020–2022"), std::string::npos);
  EXPECT_NE(text.find(std::string("Komitmen 1: Expanding Access to and Capacity of Legal Aid Services ") + kMarkId),
            std::string::npos);  // the heading (the contents wrap the mark around the page number)
  EXPECT_NE(text.find("Law 16/2011 on Legal Aid"), std::string::npos);
  EXPECT_NE(text.find(kMarkId), std::string::npos);
  EXPECT_EQ(text.find("Komitmen 1: Indeks"), std::string::npos);
  const std::string info = pdf_info("blanks-all-missing", "id");
  EXPECT_NE(info.find("Title:           Open Government Indonesia National Action Plan 2020–2022"), std::string::npos) << info;
  EXPECT_EQ(info.find("Author:          \n"), std::string::npos) << info;
  const std::string bi = pdf_text("blanks-all-missing", "bilingual");
  EXPECT_NE(bi.find(std::string("Komitmen 1: ") + kMarkId), std::string::npos);
}

TEST_F(Blanks, TheWordDocumentShowsTheFallbackMarked) {
  const std::string xml = docx_xml("blanks-all-missing", "id", "word/document.xml");
  EXPECT_NE(xml.find(kMarkId), std::string::npos);
  EXPECT_NE(xml.find("Law 16/2011 on Legal Aid"), std::string::npos);
  // The mark in italics, and the stand-in's text in its own language (Word checks its
  // spelling as English).
  EXPECT_NE(xml.find(std::string("<w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">") + kMarkId), std::string::npos);
  EXPECT_TRUE(std::regex_search(
      xml, std::regex("<w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">[^<]*Law 16/2011 on Legal Aid")));
  const std::string core = docx_xml("blanks-all-missing", "id", "docProps/core.xml");
  EXPECT_NE(core.find("Open Government Indonesia National Action Plan 2020–2022</dc:title>"), std::string::npos) << core;
}

TEST_F(Blanks, TheSiteShowsTheFallbackMarkedInItsLanguage) {
  const std::string plan = page("id/blanks-all-missing/index.html");
  EXPECT_EQ(plan.find("<title> \u00b7"), std::string::npos);
  EXPECT_NE(plan.find("<title>Open Government Indonesia National Action Plan 2020–2022 \u00b7"), std::string::npos);
  EXPECT_NE(plan.find("<span class=\"stand-in\" lang=\"en\""), std::string::npos);
  EXPECT_NE(plan.find(std::string("<span class=\"stand-in-mark\">") + kMarkId + "</span>"), std::string::npos);
  EXPECT_EQ(plan.find("kepada ."), std::string::npos);
  const std::string commitment = page("id/blanks-all-missing/1-legal-aid-capacity/index.html");
  EXPECT_NE(commitment.find("Komitmen 1: <span class=\"stand-in\" lang=\"en\""), std::string::npos);
  EXPECT_NE(commitment.find("<div lang=\"en\""), std::string::npos);  // a whole section's stand-in
}

// Labels: "Email / Phone" names only what some contact has, and no column when none has either.
TEST_F(Blanks, TheContactsColumnIsLeftOutWhenNoContactHasEmailOrPhone) {
  const doc::Document& id = edition(*all_, "id");
  const doc::Chapter* c = id.chapter(doc::Chapter::Kind::Commitment, 1);
  ASSERT_NE(c, nullptr);
  const doc::Table* contacts = nullptr;
  for (const auto& b : c->blocks)
    if (const auto* t = std::get_if<doc::Table>(&b.content); t && t->kind == "contacts") contacts = t;
  ASSERT_NE(contacts, nullptr);
  const auto& t = contacts->parts.front().value;
  EXPECT_EQ(t.header.size(), 3u);
  for (const auto& h : t.header) EXPECT_EQ(h.find("Email"), std::string::npos) << h;
  for (const auto& r : t.rows) EXPECT_EQ(r.size(), 3u);
}

// Labels: the site's invitation to send comments needs someone to send them to; the cover's
// "Diterbitkan oleh" likewise.
TEST_F(Blanks, NoInvitationToSendCommentsToNobody) {
  const doc::Document& id = edition(*some_, "id");
  EXPECT_TRUE(id.facts.issuer_name.empty());
  EXPECT_TRUE(id.front_for("id").issuer.empty());
  EXPECT_EQ(page("id/blanks-some-missing/index.html").find("Sampaikan kepada"), std::string::npos);
  EXPECT_NE(page("id/blanks-all-missing/index.html").find("Sampaikan kepada Open Government"), std::string::npos);
  for (const char* path : {"id/blanks-all-missing/index.html", "en/blanks-all-missing/index.html",
                           "id/blanks-some-missing/index.html"}) {
    const std::string html = page(path);
    EXPECT_EQ(html.find("kepada ."), std::string::npos) << path;
    EXPECT_EQ(html.find("to ."), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace renaksi
