// Text held deflated gives back exactly what it was given, and costs less than it when it repeats.
#include <gtest/gtest.h>

#include <optional>

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

// What a PackedText keeps, kept elsewhere (the plan cache) and made into one again: the same
// text, without deflating it again. What cannot be a PackedText's is refused; bytes that are not
// what they claim unpack as nothing, never as other text or past their size.
TEST(PackedText, ItsPackedBytesMakeItAgain) {
  const std::string text = "kata\t0:3 4:1\nkomitmen\t1:2\n" + std::string(5000, 'k');
  const PackedText p(text);
  std::optional<PackedText> again = PackedText::from_packed(p.packed(), p.size(), p.raw());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->unpack(), text);
  EXPECT_EQ(again->packed(), p.packed());
  ASSERT_TRUE(PackedText::from_packed("", 0, false).has_value());
  EXPECT_TRUE(PackedText::from_packed("", 0, false)->empty());
  EXPECT_EQ(PackedText::from_packed("as is", 5, true)->unpack(), "as is");

  EXPECT_FALSE(PackedText::from_packed("as is", 4, true)) << "raw text of another size";
  EXPECT_FALSE(PackedText::from_packed("x", 0, false)) << "bytes for no text";
  EXPECT_FALSE(PackedText::from_packed(p.packed(), PackedText::kMaxSize + 1, false)) << "too large to unpack";
  std::string damaged = p.packed();
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x55);
  EXPECT_EQ(PackedText::from_packed(damaged, p.size(), false)->unpack(), "");
  EXPECT_EQ(PackedText::from_packed(p.packed(), p.size() + 1, false)->unpack(), "") << "inflates to another size";
  EXPECT_EQ(PackedText::from_packed(p.packed(), p.size() - 1, false)->unpack(), "");
}

}  // namespace
}  // namespace renaksi
