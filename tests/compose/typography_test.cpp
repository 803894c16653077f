// Typography of composed texts: no-break spaces inside dates and between a count and its noun,
// and the language's curly quotes in plain texts (table cells, the cover), as in prose.
#include "compose/typography.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "compose/compose.h"
#include "doc/document.h"
#include "driver/pipeline.h"
#include "support/build.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

using testing::replace_once;

// The check fixtures' base plan, with straight quotes in its title and in a milestone's output
// (a table cell), and `language` as its English <language> element.
BuildState composed(const testing::TempDir& dir, const std::string& language = "<language code=\"en\"/>") {
  const fs::path plan = testing::copy_base_plan(dir);
  replace_once(plan / "plan.xml", "<language code=\"en\"/>", language);
  replace_once(plan / "plan.xml", "<text xml:lang=\"en\">Test Plan</text>", "<text xml:lang=\"en\">The \"Open\" citizens' plan</text>");
  replace_once(plan / "plan.xml", "<text xml:lang=\"id\">Rencana Uji</text>", "<text xml:lang=\"id\">Rencana \"Terbuka\"</text>");
  const fs::path c = plan / "commitments" / "01.xml";
  replace_once(c, "<text xml:lang=\"en\">Output</text>", "<text xml:lang=\"en\">The ministry's \"open data\" portal</text>");
  replace_once(c, "<text xml:lang=\"id\">Keluaran</text>", "<text xml:lang=\"id\">Portal \"data terbuka\" kementerian</text>");
  Env env = Env::from_environment();
  env.cache_dir = dir.path() / "cache";
  return testing::plan_through(plan, "compose", env);
}

const doc::Document& edition(const BuildState& s, const std::string& name) {
  for (const auto& d : s.documents)
    if (d.edition == name) return d;
  throw std::runtime_error(name);
}

const doc::TableContent* milestones(const doc::Document& d, size_t part) {
  for (const auto& ch : d.chapters)
    for (const auto& b : ch.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b.content); t && t->kind == "milestones") return &t->parts[part].value;
  return nullptr;
}

TEST(Typography, StraightQuotesCurlByPosition) {
  const QuoteMarks en = quote_marks("en");
  EXPECT_EQ(curly_quotes("the \"open\" citizens' plan", en), "the \u201copen\u201d citizens\u2019 plan");
  EXPECT_EQ(curly_quotes("Indonesia's 'own' (\"plan\")", en), "Indonesia\u2019s \u2018own\u2019 (\u201cplan\u201d)");
  EXPECT_EQ(curly_quotes("\"start", en), "\u201cstart");
  // Addresses are left as they are.
  EXPECT_EQ(curly_quotes("o'brien@example.org", en), "o'brien@example.org");
  EXPECT_EQ(curly_quotes("https://example.org/?q='a'", en), "https://example.org/?q='a'");
  // The marks are the language's: German opens low.
  EXPECT_EQ(curly_quotes("\"Plan\"", quote_marks("de")), "\u201ePlan\u201c");
  EXPECT_EQ(quote_marks("id").open, "\u201c");
}

TEST(Typography, ProseWordsThatLookLikeAddressesKeepTheirQuotesAlone) {
  // The prose reader joins a paragraph's words into one text (prose/join_words.h): the address
  // in it keeps its straight quotes, and the words around it are curled as they were one by one.
  prose::Blocks blocks(1);
  blocks[0].inlines.push_back({prose::Inline::Kind::Text, "see www.data.go.id/'a' and 'the \"plan\"' of kontak@ogi.id's team"});
  curl_quotes(blocks, "en");
  EXPECT_EQ(blocks[0].inlines[0].text, "see www.data.go.id/'a' and \u2018the \u201cplan\u201d\u2019 of kontak@ogi.id's team");
}

TEST(Typography, TableCellsAndTheCoverHaveCurlyQuotes) {
  testing::TempDir dir("compose-quotes");
  BuildState s = composed(dir);
  for (const auto& d : s.diags.all()) ADD_FAILURE() << d.str();
  const doc::Document& en = edition(s, "en");
  const doc::Document& id = edition(s, "id");
  EXPECT_EQ(en.front.front().title, "The \u201cOpen\u201d citizens\u2019 plan");
  EXPECT_EQ(id.front.front().title, "Rencana \u201cTerbuka\u201d");
  const doc::TableContent* t = milestones(en, 0);
  ASSERT_TRUE(t);
  std::string cells;
  for (const auto& r : t->rows)
    for (const auto& c : r) cells += prose::plain_text(c) + "|";
  EXPECT_NE(cells.find("The ministry\u2019s \u201copen data\u201d portal"), std::string::npos) << cells;
  const doc::TableContent* ti = milestones(id, 0);
  ASSERT_TRUE(ti);
  cells.clear();
  for (const auto& r : ti->rows)
    for (const auto& c : r) cells += prose::plain_text(c) + "|";
  EXPECT_NE(cells.find("Portal \u201cdata terbuka\u201d kementerian"), std::string::npos) << cells;
  // No straight quote is left anywhere in the dump of the English edition.
  const std::string dump = doc::dump(en);
  EXPECT_EQ(dump.find("citizens'"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("\"Open\""), std::string::npos);
}

TEST(Typography, DatesAndCountsDoNotBreak) {
  testing::TempDir dir("compose-nbsp");
  BuildState s = composed(dir, "<language code=\"en\" date-style=\"en-US\"/>");
  for (const auto& d : s.diags.all()) ADD_FAILURE() << d.str();
  const std::string en = doc::dump(edition(s, "en")), id = doc::dump(edition(s, "id"));
  // "June 30, 2022" style: every space inside the date is U+00A0.
  EXPECT_NE(en.find("January\u00a01,\u00a02019"), std::string::npos) << en;
  EXPECT_EQ(en.find("January 1"), std::string::npos);
  EXPECT_NE(id.find("1\u00a0Januari\u00a02019"), std::string::npos) << id;
  EXPECT_EQ(id.find("1 Januari"), std::string::npos);
  // A count and its noun.
  EXPECT_NE(en.find("1\u00a0commitment"), std::string::npos) << en;
  EXPECT_NE(id.find("1\u00a0komitmen"), std::string::npos) << id;

  testing::TempDir gb("compose-nbsp-gb");
  const std::string uk = doc::dump(edition(composed(gb), "en"));
  // A range may break after its dash (ICU's thin space there stays), never before it (U+202F)
  // nor inside a date.
  EXPECT_NE(uk.find("1\u00a0January\u00a02019\u202f\u2013\u200931\u00a0December\u00a02020"), std::string::npos) << uk;
}

}  // namespace
}  // namespace renaksi
