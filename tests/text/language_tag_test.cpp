// Which language tags renaksi writes into HTML, PDF and Word.
#include "text/language_tag.h"

#include <gtest/gtest.h>

#include <string>

namespace renaksi {
namespace {

TEST(LanguageTag, WellFormedTagsOfKnownLanguagesPass) {
  for (const char* tag : {"en", "id", "en-GB", "es-MX", "zh-Hant-TW", "ace", "sr-Latn", "EN"})
    EXPECT_TRUE(is_language_tag(tag)) << tag;
}

TEST(LanguageTag, WordsUnderscoresSpacesAndInjectionsFail) {
  for (const char* tag : {"", "english", "en_GB", "e n", "x", "en-", "123", "zz", "en)>> BDC", "en\"onload=", "id\n"})
    EXPECT_FALSE(is_language_tag(tag)) << tag;
  EXPECT_FALSE(is_language_tag(std::string(36, 'a')));
  EXPECT_FALSE(is_language_tag("en-" + std::string(40, 'a')));
}

}  // namespace
}  // namespace renaksi
