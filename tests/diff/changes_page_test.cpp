// The change report on the site (emit/html/changes_page.cpp) and as the editions' last chapter
// (compose/changes_chapter.cpp), from the real archive: nap-2020-2022 at Draft 3 with Draft 2
// recorded in history/draft-2/.
#include <gtest/gtest.h>

#include "doc/prose_ast.h"
#include "support/shared_archive.h"

namespace renaksi {
namespace {

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

const std::string& page(const std::string& path) {
  static const std::string none;
  const std::string* p = testing::shared_archive().outputs.find(path);
  return p ? *p : none;
}

const BuildState* plan(const std::string& id) {
  for (const auto& p : testing::shared_archive().plans)
    if (p->plan_id == id) return p.get();
  return nullptr;
}

TEST(ChangesPage, TheDraftShowsWhatChangedSinceDraft2) {
  ASSERT_EQ(testing::shared_archive().error_count(), 0u);
  const std::string& en = page("site/en/nap-2020-2022/changes/index.html");
  ASSERT_FALSE(en.empty());
  EXPECT_TRUE(has(en, "<h1 id=\"changes\">Changes since Draft 2</h1>")) << en.substr(0, 2000);
  EXPECT_TRUE(has(en, "<del>[-Drafting an update of -]</del><ins>{+Updating +}</ins>the Information")) << en;
  EXPECT_TRUE(has(en, "Milestone m5 (new)")) << en;
  EXPECT_TRUE(has(en, "href=\"#changes-procurement-information\"")) << en;
  const std::string& id = page("site/id/nap-2020-2022/changes/index.html");
  EXPECT_TRUE(has(id, "<h1 id=\"changes\">Perubahan sejak Draf 2</h1>")) << id.substr(0, 2000);
  EXPECT_TRUE(has(id, "<del>[-Menyusun pembaruan -]</del><ins>{+Memperbarui +}</ins>peraturan")) << id;
  // The plan's page links to it.
  EXPECT_TRUE(has(page("site/en/nap-2020-2022/index.html"),
                  "<p class=\"changes-link\"><a href=\"changes/index.html\">Changes since Draft 2</a></p>"));
}

TEST(ChangesPage, OnlyAPlanWithARecordedDraftHasOne) {
  for (const char* id : {"nap-2018-2020", "nap-2023-2024"}) {
    EXPECT_EQ(testing::shared_archive().outputs.find("site/en/" + std::string(id) + "/changes/index.html"), nullptr);
    const BuildState* p = plan(id);
    ASSERT_NE(p, nullptr);
    for (const auto& d : p->documents) EXPECT_EQ(d.chapter(doc::Chapter::Kind::Changes), nullptr);
  }
}

TEST(ChangesPage, EveryEditionEndsWithTheReportMarkedWithoutColour) {
  const BuildState* p = plan("nap-2020-2022");
  ASSERT_NE(p, nullptr);
  ASSERT_FALSE(p->documents.empty());
  for (const auto& d : p->documents) {
    ASSERT_FALSE(d.chapters.empty());
    const doc::Chapter& last = d.chapters.back();
    EXPECT_EQ(last.kind, doc::Chapter::Kind::Changes);
    EXPECT_EQ(last.title.size(), d.langs.size());
    // Every Deleted/Inserted run carries its markers in its text, for print.
    int runs = 0;
    for (const auto& b : last.blocks)
      if (const auto* prose = std::get_if<doc::Prose>(&b.content))
        for (const auto& part : prose->parts)
          for (const auto& block : part.value)
            for (const auto& i : block.inlines)
              if (i.kind == prose::Inline::Kind::Deleted || i.kind == prose::Inline::Kind::Inserted) {
                ++runs;
                const std::string t = prose::plain_text(i.children);
                EXPECT_TRUE(t.rfind(i.kind == prose::Inline::Kind::Deleted ? "[-" : "{+", 0) == 0) << t;
              }
    EXPECT_GT(runs, 10);
  }
}

}  // namespace
}  // namespace renaksi
