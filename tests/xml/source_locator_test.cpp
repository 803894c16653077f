// Tests of element and attribute columns.
#include "xml/source_locator.h"

#include <gtest/gtest.h>

namespace renaksi {
namespace {

TEST(SourceLocator, FindsSuccessiveTagsOfOneNameOnALine) {
  SourceLocator loc("<a>\n  <title><text xml:lang=\"id\">x</text><text xml:lang=\"en\">y</text></title>\n</a>");
  EXPECT_EQ(loc.element(2, "title"), (std::pair{2, 3}));
  EXPECT_EQ(loc.element(2, "text"), (std::pair{2, 10}));
  EXPECT_EQ(loc.element(2, "text"), (std::pair{2, 38}));
}

TEST(SourceLocator, DoesNotMatchALongerName) {
  SourceLocator loc("<texts><text/>");
  EXPECT_EQ(loc.element(1, "text"), (std::pair{1, 8}));
}

TEST(SourceLocator, StartTagSpanningLinesIsFoundOnItsFirstLine) {
  SourceLocator loc("<plan\n  id=\"x\"\n  stage=\"final\">");
  EXPECT_EQ(loc.element(3, "plan"), (std::pair{1, 1}));
  EXPECT_EQ(loc.attribute(1, 1, "stage"), (std::pair{3, 3}));
}

TEST(SourceLocator, AttributeInsideItsOwnTagOnly) {
  SourceLocator loc("  <period start=\"2019-01-01\" end=\"2019-06-30\"/> <x end=\"1\"/>");
  EXPECT_EQ(loc.attribute(1, 3, "end"), (std::pair{1, 30}));
  EXPECT_EQ(loc.attribute(1, 3, "start"), (std::pair{1, 11}));
  EXPECT_EQ(loc.attribute(1, 3, "missing"), (std::pair{1, 3}));
}

TEST(SourceLocator, UnknownLinesGiveNoColumn) {
  SourceLocator loc("<a/>");
  EXPECT_EQ(loc.element(0, "a").second, 0);
  EXPECT_EQ(loc.element(5, "a").second, 0);
  EXPECT_EQ(loc.first_element(1, "b").second, 0);
}

}  // namespace
}  // namespace renaksi
