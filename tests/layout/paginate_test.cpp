// Tests of the paginator: boxes never below the text area, headings never last on a page,
// table headers repeated, parallel columns.
#include "layout/paginate.h"

#include <gtest/gtest.h>

namespace renaksi::layout {
namespace {

// A box `h` points high holding one glyph named `name` at its baseline.
Box box(double h, const std::string& name, bool keep = false, int table = -1) {
  Box b;
  b.height = h;
  b.keep_with_next = keep;
  b.table = table;
  b.text.push_back({0, h * 0.8, Face::Regular, 10, {}, name, 0});
  return b;
}

std::vector<std::vector<std::string>> names(Paginator& p) {
  std::vector<std::vector<std::string>> out;
  for (auto& page : p.pages()) {
    out.emplace_back();
    for (const auto& g : page.text) out.back().push_back(g.text);
  }
  return out;
}

TEST(Paginator, NothingGoesBelowTheTextArea) {
  Paginator p({0}, 100, 0);
  Column c;
  for (int i = 0; i < 25; ++i) c.boxes.push_back(box(10, "l" + std::to_string(i)));
  p.place({c});
  ASSERT_EQ(p.pages().size(), 3u);
  for (const auto& page : p.pages())
    for (const auto& g : page.text) EXPECT_GE(g.y, 0);
  EXPECT_EQ(p.pages()[0].text.size(), 10u);
}

TEST(Paginator, AHeadingIsNeverTheLastThingOnAPage) {
  Paginator p({0}, 100, 0);
  Column a;
  for (int i = 0; i < 8; ++i) a.boxes.push_back(box(10, "l"));
  p.place({a});
  Column heading;
  heading.boxes.push_back(box(12, "H", true));
  Column after;
  after.boxes.push_back(box(10, "first"));
  p.place({heading}, 10);
  p.place({after});
  auto n = names(p);
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[1].front(), "H");
  EXPECT_EQ(n[1][1], "first");
}

TEST(Paginator, ATableRepeatsItsHeaderRowOnTheNextPage) {
  Paginator p({0}, 100, 0);
  Column t;
  t.headers.push_back(box(15, "HEADER", true));
  t.boxes.push_back(box(15, "HEADER", true));
  for (int i = 0; i < 10; ++i) t.boxes.push_back(box(15, "row" + std::to_string(i), false, 0));
  p.place({t});
  auto n = names(p);
  ASSERT_GE(n.size(), 2u);
  for (const auto& page : n) EXPECT_EQ(page.front(), "HEADER");
  int rows = 0;
  for (const auto& page : n)
    for (const auto& s : page) rows += s.starts_with("row");
  EXPECT_EQ(rows, 10);
}

TEST(Paginator, ParallelColumnsStartLevelAndEachContinues) {
  Paginator p({0, 200}, 100, 0);
  Column left, right;
  for (int i = 0; i < 3; ++i) left.boxes.push_back(box(10, "L"));
  for (int i = 0; i < 15; ++i) right.boxes.push_back(box(10, "R"));
  p.place({left, right});
  ASSERT_EQ(p.pages().size(), 2u);
  double top_left = 0, top_right = 0;
  for (const auto& g : p.pages()[0].text) (g.x == 0 ? top_left : top_right) = std::max(g.x == 0 ? top_left : top_right, g.y);
  EXPECT_EQ(top_left, top_right);
  // The next block starts below the longer column.
  Column next;
  next.boxes.push_back(box(10, "N"));
  p.place({next, next});
  for (const auto& g : p.pages()[1].text) {
    if (g.text == "N") {
      EXPECT_LT(g.y, 100 - 50);
    }
  }
}

TEST(Paginator, SpaceBeforeIsDroppedAtTheTopOfAPage) {
  Paginator p({0}, 100, 0);
  Column c;
  Box b = box(10, "x");
  b.space_before = 30;
  c.boxes.push_back(b);
  p.place({c});
  EXPECT_NEAR(p.pages()[0].text[0].y, 100 - 8, 1e-9);
}

}  // namespace
}  // namespace renaksi::layout
