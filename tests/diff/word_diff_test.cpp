// diff/word_diff: ICU word tokens and Myers' difference over them, and its bounds.
#include <gtest/gtest.h>

#include <chrono>

#include "diff/diff_text.h"
#include "diff/word_diff.h"

namespace renaksi::diff {
namespace {

// The pieces in the plain markers: "a [-b-]{+c+} d".
std::string marked(const WordDiff& d) {
  std::string out;
  for (const auto& p : d.pieces)
    out += p.op == Op::Same ? p.text : p.op == Op::Delete ? "[-" + p.text + "-]" : "{+" + p.text + "+}";
  return out;
}

// The old text (Same + Delete) and the new (Same + Insert) given back by the pieces.
std::pair<std::string, std::string> sides(const WordDiff& d) {
  std::string a, b;
  for (const auto& p : d.pieces) {
    if (p.op != Op::Insert) a += p.text;
    if (p.op != Op::Delete) b += p.text;
  }
  return {a, b};
}

TEST(WordDiff, TokensAreWordsSpacesAndPunctuationAndGiveTheTextBack) {
  const auto t = word_tokens("Data pemilik manfaat, 2021–2022.", "id");
  std::string joined;
  for (const auto& s : t) joined += s;
  EXPECT_EQ(joined, "Data pemilik manfaat, 2021–2022.");
  EXPECT_EQ(t.front(), "Data");
  EXPECT_NE(std::find(t.begin(), t.end(), ","), t.end());
  EXPECT_TRUE(word_tokens("", "en").empty());
}

TEST(WordDiff, AChangedWordIsDeletedThenInserted) {
  const WordDiff d = diff_words("A compliance monitoring report", "A compliance audit report", "en");
  EXPECT_EQ(marked(d), "A compliance [-monitoring-]{+audit+} report");
  EXPECT_FALSE(d.whole);
  EXPECT_TRUE(d.changed());
}

TEST(WordDiff, InsertionsAndDeletionsKeepTheRestInPlace) {
  EXPECT_EQ(marked(diff_words("one two three", "one two three four", "en")), "one two three{+ four+}");
  EXPECT_EQ(marked(diff_words("one two three", "two three", "en")), "[-one -]two three");
  EXPECT_EQ(marked(diff_words("same", "same", "en")), "same");
  EXPECT_FALSE(diff_words("same", "same", "en").changed());
  EXPECT_EQ(marked(diff_words("", "new text", "en")), "{+new text+}");
  EXPECT_EQ(marked(diff_words("old text", "", "en")), "[-old text-]");
}

TEST(WordDiff, NeighbouringChangesAreOneChange) {
  // Two changed words with one space between them read as one change, not two.
  EXPECT_EQ(marked(diff_words("we draft the update of rules", "we update the rules", "en")),
            "we [-draft the -]update [-of-]{+the+} rules");
  EXPECT_EQ(marked(diff_words("a b c d", "a x y d", "en")), "a [-b c-]{+x y+} d");
}

TEST(WordDiff, EveryResultGivesBothTextsBack) {
  const std::string a = "Menyusun pembaruan peraturan Komisi Informasi tentang standar layanan informasi publik";
  const std::string b = "Memperbarui peraturan Komisi Informasi tentang standar layanan informasi publik agar memuat kontrak";
  const WordDiff d = diff_words(a, b, "id");
  EXPECT_EQ(sides(d), std::make_pair(a, b));
  EXPECT_EQ(marked(d), "[-Menyusun pembaruan -]{+Memperbarui +}peraturan Komisi Informasi tentang standar layanan informasi "
                       "publik{+ agar memuat kontrak+}");
}

TEST(WordDiff, AHundredCharacterWordIsOneToken) {
  const std::string word(100, 'x');
  const WordDiff d = diff_words("before " + word + " after", "before " + word + "y after", "en");
  EXPECT_EQ(marked(d), "before [-" + word + "-]{+" + word + "y+} after");
  EXPECT_EQ(word_tokens(word, "en").size(), 1u);
}

TEST(WordDiff, ASixHundredWordFieldIsDiffedWordByWordAndQuickly) {
  std::string a, b;
  for (int i = 0; i < 600; ++i) {
    a += (i ? " " : "") + std::string("word") + std::to_string(i);
    b += (i ? " " : "") + std::string(i % 50 == 7 ? "changed" : "word") + std::to_string(i);
  }
  const auto start = std::chrono::steady_clock::now();
  const WordDiff d = diff_words(a, b, "en");
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(2));
  EXPECT_FALSE(d.whole);
  EXPECT_EQ(sides(d), std::make_pair(a, b));
  int changes = 0;
  for (const auto& p : d.pieces) changes += p.op == Op::Insert;
  EXPECT_EQ(changes, 12);  // words 7, 57, … 557
}

TEST(WordDiff, PastTheEditBoundTheMiddleIsReplacedWhole) {
  // Every word differs: more edits than kMaxEdits, so the field is shown replaced, not diffed.
  std::string a, b;
  for (std::size_t i = 0; i < kMaxEdits; ++i) {
    a += "a" + std::to_string(i) + " ";
    b += "b" + std::to_string(i) + " ";
  }
  a = "Start " + a + "end";
  b = "Start " + b + "end";
  const WordDiff d = diff_words(a, b, "en");
  EXPECT_TRUE(d.whole);
  EXPECT_EQ(sides(d), std::make_pair(a, b));
  ASSERT_EQ(d.pieces.size(), 4u);
  EXPECT_EQ(d.pieces.front().text, "Start ");
  EXPECT_EQ(d.pieces.back().text, " end");
}

TEST(WordDiff, LongUnchangedTextIsCutToItsEdgesBesideAChange) {
  std::string same;
  for (int i = 0; i < 100; ++i) same += "word ";
  const WordDiff d = with_context(diff_words(same + "old", same + "new", "en"));
  ASSERT_EQ(d.pieces.size(), 3u);
  EXPECT_LT(d.pieces.front().text.size(), 100u);
  EXPECT_EQ(d.pieces.front().text.rfind("\u2026 ", 0), 0u);
  EXPECT_EQ(d.pieces[1].text, "old");
}

}  // namespace
}  // namespace renaksi::diff
