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
  b.text.push_back({0, h * 0.8, Face::Regular, 10, {}, name, 0, {}});
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

// A table row of `lines` lines of 10 points, splittable between them, each line a glyph "r<i>".
Box tall_row(int lines, int table = 0) {
  Box b;
  b.height = lines * 10.0;
  b.table = table;
  b.rects.push_back({0, 0, 50, b.height, {}});
  for (int i = 0; i < lines; ++i) {
    b.text.push_back({0, i * 10.0 + 8, Face::Regular, 10, {}, "r" + std::to_string(i), 0, {}});
    if (i > 0) b.breaks.push_back(i * 10.0);
  }
  b.rules.push_back({0, b.height, 50, b.height, 0.5, {}});
  return b;
}

TEST(Paginator, ARowTallerThanAPageIsSplitAtItsLinesWithTheHeaderRepeated) {
  Paginator p({0}, 100, 0);
  Column t;
  t.headers.push_back(box(15, "HEADER", true));
  t.boxes.push_back(box(15, "HEADER", true));
  t.boxes.push_back(tall_row(40));
  p.place({t});
  auto n = names(p);
  // 15 + 8 lines on each page: 40 lines on 5 pages.
  ASSERT_EQ(n.size(), 5u);
  std::vector<std::string> rows;
  for (const auto& page : n) {
    EXPECT_EQ(page.front(), "HEADER");
    for (const auto& s : page)
      if (s != "HEADER") rows.push_back(s);
  }
  ASSERT_EQ(rows.size(), 40u);
  for (int i = 0; i < 40; ++i) EXPECT_EQ(rows[static_cast<size_t>(i)], "r" + std::to_string(i));
  for (const auto& page : p.pages()) {
    for (const auto& g : page.text) EXPECT_GE(g.y, 0);
    for (const auto& r : page.rects) EXPECT_GE(r.y, 0 - 1e-9);
  }
  EXPECT_EQ(p.pages().back().rules.size(), 1u);  // the row's bottom rule ends the last piece
}

TEST(Paginator, ARowThatCannotBeSplitAndFitsNowhereIsPlacedAnywayOnce) {
  // Before: the header went on a new page, the row did not fit under it, another page …
  Paginator p({0}, 100, 0);
  Column t;
  t.headers.push_back(box(15, "HEADER", true));
  t.boxes.push_back(box(15, "HEADER", true));
  t.boxes.push_back(box(300, "huge", false, 0));
  t.boxes.push_back(box(10, "after", false, 0));
  EXPECT_TRUE(p.place({t}));
  auto n = names(p);
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0], (std::vector<std::string>{"HEADER"}));
  EXPECT_EQ(n[1], (std::vector<std::string>{"HEADER", "huge"}));
  EXPECT_EQ(n[2], (std::vector<std::string>{"HEADER", "after"}));
  Column more;
  more.boxes.push_back(box(10, "next"));
  EXPECT_TRUE(p.place({more}));
  EXPECT_EQ(p.pages().size(), 3u);
}

TEST(Paginator, AHeadingTallerThanAPageEnds) {
  Paginator p({0}, 100, 0);
  Column h;
  for (int i = 0; i < 3; ++i) h.boxes.push_back(box(150, "H" + std::to_string(i), true));
  h.boxes.push_back(box(10, "text"));
  EXPECT_TRUE(p.place({h}));
  EXPECT_EQ(p.pages().size(), 4u);
}

TEST(Paginator, ItStopsAtItsPageLimit) {
  Paginator p({0}, 100, 0, 3);
  Column c;
  for (int i = 0; i < 100; ++i) c.boxes.push_back(box(10, "l"));
  EXPECT_FALSE(p.place({c}));
  EXPECT_TRUE(p.full());
  EXPECT_EQ(p.pages().size(), 3u);
  EXPECT_FALSE(p.new_page());
  EXPECT_FALSE(p.place({c}));
  EXPECT_EQ(p.pages().size(), 3u);
  // A row split over more pages than the limit stops there too.
  Paginator q({0}, 100, 0, 3);
  Column t;
  t.boxes.push_back(tall_row(100000, -1));
  EXPECT_FALSE(q.place({t}));
  EXPECT_EQ(q.pages().size(), 3u);
}

TEST(SplitBox, TextByBaselineRectsAndVerticalRulesClipped) {
  Box b = tall_row(3);
  b.space_before = 7;
  b.keep_with_next = true;
  b.rules.push_back({2, 0, 2, 30, 1, {}});
  b.links.push_back({0, 10, 20, 10, "#x"});
  auto parts = split_box(b, {10, 20});
  ASSERT_EQ(parts.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(parts[i].height, 10);
    ASSERT_EQ(parts[i].text.size(), 1u);
    EXPECT_EQ(parts[i].text[0].text, "r" + std::to_string(i));
    EXPECT_EQ(parts[i].text[0].y, 8);
    ASSERT_EQ(parts[i].rects.size(), 1u);
    EXPECT_EQ(parts[i].rects[0].h, 10);
    EXPECT_EQ(parts[i].table, 0);
    EXPECT_TRUE(parts[i].breaks.empty());
  }
  EXPECT_EQ(parts[0].space_before, 7);
  EXPECT_EQ(parts[1].space_before, 0);
  EXPECT_FALSE(parts[0].keep_with_next);
  EXPECT_TRUE(parts[2].keep_with_next);
  EXPECT_EQ(parts[1].links.size(), 1u);
  EXPECT_EQ(parts[1].links[0].y, 0);
  EXPECT_EQ(parts[0].rules.size(), 1u);  // the vertical rule's first third
  EXPECT_EQ(parts[2].rules.size(), 2u);  // its last third and the bottom rule
}

}  // namespace
}  // namespace renaksi::layout
