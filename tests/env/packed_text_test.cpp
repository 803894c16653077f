// Text held deflated gives back exactly what it was given, and costs less than it when it repeats.
#include <gtest/gtest.h>

#include <string>

#include "env/packed_text.h"

namespace renaksi {
namespace {

TEST(PackedText, GivesBackWhatItWasGiven) {
  EXPECT_TRUE(PackedText().empty());
  EXPECT_EQ(PackedText().unpack(), "");
  EXPECT_EQ(PackedText("").unpack(), "");
  std::string binary;
  for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
  binary += std::string("\0\0tail", 6);
  for (const std::string& text : {std::string("a"), std::string("kata\t0:3 4:1\nkomitmen\t1:2\n"), binary,
                                  std::string("Pemantauan ✓ — \xF0\x9F\x93\x8A"), std::string(1 << 20, 'x')}) {
    const PackedText p(text);
    EXPECT_EQ(p.unpack(), text);
    EXPECT_EQ(p.size(), text.size());
    EXPECT_FALSE(p.empty());
    EXPECT_EQ(p.packed_size(), PackedText(text).packed_size());  // the same text packs the same way
  }
  EXPECT_NE(PackedText("a").unpack(), PackedText("b").unpack());
}

TEST(PackedText, AWordListCostsAFractionOfItsSize) {
  // A summary's words: sorted, each with its postings.
  std::string words;
  for (int i = 0; i < 5000; ++i)
    words += "kata" + std::to_string(i * 7919 % 100000) + "\t" + std::to_string(i % 25) + ":" + std::to_string(1 + i % 4) + "\n";
  const PackedText p(words);
  EXPECT_EQ(p.unpack(), words);
  EXPECT_LT(p.packed_size(), words.size() / 2) << p.packed_size() << " of " << words.size();
}

}  // namespace
}  // namespace renaksi
