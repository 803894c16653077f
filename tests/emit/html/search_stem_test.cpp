// The search's terms in C++: the stems search.js gives (browser.stem_parity checks every word
// of content/ against search.js itself; these are the issue's examples and the edges).
#include "emit/html/search_stem.h"

#include <gtest/gtest.h>

namespace renaksi::html {
namespace {

TEST(SearchStem, IndonesianRootsOfTheIssue) {
  EXPECT_EQ(stem_indonesian("pengaduan"), "adu");
  EXPECT_EQ(stem_indonesian("aduan"), "adu");
  EXPECT_EQ(stem_indonesian("penganggaran"), "anggar");
  EXPECT_EQ(stem_indonesian("anggaran"), "anggar");
  EXPECT_EQ(stem_indonesian("kesehatan"), "sehat");
  EXPECT_EQ(stem_indonesian("pelayanan"), "layan");
  EXPECT_EQ(stem_indonesian("data"), "data");  // two vowels: left alone
}

TEST(SearchStem, EnglishInflections) {
  EXPECT_EQ(stem_english("complaints"), "complaint");
  EXPECT_EQ(stem_english("complaint"), "complaint");
  EXPECT_EQ(stem_english("planned"), "plan");
  EXPECT_EQ(stem_english("policies"), "policy");
  EXPECT_EQ(stem_english("status"), "status");
  EXPECT_EQ(stem_english("ing"), "ing");
}

TEST(SearchStem, OtherLanguagesKeepTheWord) { EXPECT_EQ(search_stem("fr", "publiques"), "publiques"); }

TEST(SearchStem, TermsAreFoldedRunsOfLettersAndDigits) {
  const std::vector<std::string> want{"adu", "lapor", "sp4n", "sehat", "ecole", "istanbul", "2020"};
  EXPECT_EQ(search_terms("id", "Pengaduan LAPOR!-SP4N, Kesehatan ÉCOLE İstanbul 2020"), want);
  // ASCII words take a shorter way to the same folding as the others: every ASCII letter and
  // digit, in both cases, beside the same words with marks and in other scripts.
  std::string ascii;
  for (char c = 0x21; c < 0x7F; ++c) ascii += c;
  EXPECT_EQ(search_terms("", ascii), (std::vector<std::string>{"0123456789", "abcdefghijklmnopqrstuvwxyz",
                                                                "abcdefghijklmnopqrstuvwxyz"}));
  EXPECT_EQ(search_terms("", "MiXeD Ñandú STRASSE Straße ΑΘΗΝΑ Москва"),
            (std::vector<std::string>{"mixed", "nandu", "strasse", "straße", "αθηνα", "москва"}));
  EXPECT_TRUE(search_terms("en", " ,.;!? ").empty());
  EXPECT_TRUE(search_terms("en", "").empty());
}

}  // namespace
}  // namespace renaksi::html
