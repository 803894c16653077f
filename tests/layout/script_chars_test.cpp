// Tests of super- and subscript characters on the page: used only when every character has
// one and the font shows it.
#include "layout/script_chars.h"

#include <gtest/gtest.h>

namespace renaksi::layout {
namespace {

const auto all = [](char32_t) { return true; };

TEST(ScriptChars, DigitsAndSignsHaveForms) {
  EXPECT_EQ(script_chars("2", true, all), "\u00b2");
  EXPECT_EQ(script_chars("10", true, all), "\u00b9\u2070");
  EXPECT_EQ(script_chars("-3", true, all), "\u207b\u00b3");
  EXPECT_EQ(script_chars("2", false, all), "\u2082");
  EXPECT_EQ(script_chars("(4)", false, all), "\u208d\u2084\u208e");
}

TEST(ScriptChars, OtherwiseNothing) {
  EXPECT_FALSE(script_chars("st", true, all));  // "1<sup>st</sup>" is printed as "1st"
  EXPECT_FALSE(script_chars("", true, all));
  EXPECT_FALSE(script_chars("2", false, [](char32_t c) { return c != U'\u2082'; }));
}

}  // namespace
}  // namespace renaksi::layout
