// Joining read prose's words: a text, then (space or line end, text)..., becomes one text; every
// other inline, and what the outputs make of the tree, stays as it was.
#include "prose/join_words.h"

#include <gtest/gtest.h>

#include "prose/from_pandoc.h"

namespace renaksi::prose {
namespace {

using K = Inline::Kind;

Inline text(const std::string& s) { return {K::Text, s}; }
Inline space() { return {K::Space}; }
Inline soft() { return {K::SoftBreak}; }
Inline with(K kind, Inlines children) { return {kind, {}, {}, true, std::move(children)}; }
Block para(Inlines inlines) {
  Block b;
  b.inlines = std::move(inlines);
  return b;
}

std::string dumped(const Inlines& in) {
  std::string out;
  for (const auto& i : in) {
    out += "[";
    out += i.kind == K::Text ? "T:" + i.text : i.kind == K::Space ? "_" : i.kind == K::SoftBreak ? "~" : "(";
    if (i.kind != K::Text && i.kind != K::Space && i.kind != K::SoftBreak) out += dumped(i.children) + ")";
    out += "]";
  }
  return out;
}

TEST(JoinWords, WordsAndTheSpacesBetweenThemBecomeOneText) {
  Inlines in{text("Data"), space(), text("terbuka"), soft(), text("untuk"), space(), text("semua.")};
  join_words(in);
  EXPECT_EQ(dumped(in), "[T:Data terbuka untuk semua.]");
  EXPECT_EQ(in.capacity(), 1u);  // what the reader reserved per node is given back
}

TEST(JoinWords, SpacesNotBetweenTwoTextsAreKept) {
  Inlines in{space(), text("a"),  space(), with(K::Emph, {text("b"), space(), text("c"), space()}),
             space(), text("d"), soft(),  with(K::Link, {text("e")}),
             text("f"), text("g"), space()};
  join_words(in);
  // Inside the emphasis the words join too; two texts with nothing between them stay two.
  EXPECT_EQ(dumped(in), "[_][T:a][_][([T:b c][_])][_][T:d][~][([T:e])][T:f][T:g][_]");
}

TEST(JoinWords, NotesListsTablesAndQuotesAreJoinedToo) {
  Inline note{K::Note};
  note.note = Blocks{para({text("catatan"), space(), text("kaki")})};
  Block list;
  list.kind = Block::Kind::BulletList;
  list.items.push_back({{para({text("butir"), space(), text("satu")})}});
  Block table;
  table.kind = Block::Kind::Table;
  table.header.push_back({{para({text("kolom"), space(), text("A")})}});
  table.rows.push_back({{{para({text("isi"), soft(), text("1")})}}});
  Block quote;
  quote.kind = Block::Kind::BlockQuote;
  quote.children.push_back(para({text("kutipan"), space(), text("blok")}));
  Blocks blocks{para({text("teks"), note}), list, table, quote};
  const std::string plain_before = plain_text(blocks);
  join_words(blocks);
  EXPECT_EQ(blocks[0].inlines[1].note.get()[0].inlines[0].text, "catatan kaki");
  EXPECT_EQ(blocks[1].items[0].blocks[0].inlines[0].text, "butir satu");
  EXPECT_EQ(blocks[2].header[0].blocks[0].inlines[0].text, "kolom A");
  EXPECT_EQ(blocks[2].rows[0][0].blocks[0].inlines[0].text, "isi 1");
  EXPECT_EQ(blocks[3].children[0].inlines[0].text, "kutipan blok");
  EXPECT_EQ(plain_text(blocks), plain_before);  // what every output reads is the same text
}

TEST(JoinWords, TheProseReaderGivesJoinedWords) {
  // Pandoc's "Satu *dua tiga* empat\nlima." as JSON: a node per word and per space.
  const auto json = nlohmann::json::parse(R"([{"t":"Para","c":[
      {"t":"Str","c":"Satu"},{"t":"Space"},
      {"t":"Emph","c":[{"t":"Str","c":"dua"},{"t":"Space"},{"t":"Str","c":"tiga"}]},
      {"t":"Space"},{"t":"Str","c":"empat"},{"t":"SoftBreak"},{"t":"Str","c":"lima."}]}])");
  const FromPandoc read = from_pandoc(json, [](const std::string&, const std::string&, bool) {});
  ASSERT_EQ(read.status, FromPandoc::Status::Ok);
  ASSERT_EQ(read.blocks.size(), 1u);
  EXPECT_EQ(dumped(read.blocks[0].inlines), "[T:Satu][_][([T:dua tiga])][_][T:empat lima.]");
}

}  // namespace
}  // namespace renaksi::prose
