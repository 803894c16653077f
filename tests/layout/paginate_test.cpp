// Tests of the paginator: boxes never below the text area, headings never last on a page,
// chains of keeping boxes, no widow or orphan, table headers repeated, parallel columns and
// their paragraphs in pairs, space that gives.
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

TEST(Languages, EachLanguageIsHeldOnceAndTheEmptyOneIsZero) {
  Languages langs;
  EXPECT_EQ(langs.id(""), 0u);
  const uint32_t id = langs.id("id"), en = langs.id("en");
  EXPECT_NE(id, en);
  EXPECT_NE(id, 0u);
  EXPECT_EQ(langs.id("id"), id);
  EXPECT_EQ(langs[id], "id");
  EXPECT_EQ(langs[en], "en");
  EXPECT_EQ(langs[0], "");
  EXPECT_EQ(langs[12345], "");  // an index never given out names no language
  Languages moved = std::move(langs);
  EXPECT_EQ(moved[en], "en");
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

// The lines of a paragraph of `n` lines of 10 points named "<name><i>", kept as BlockLayout
// keeps them: the first with the second, the last-but-one with the last, all of two or three.
std::vector<Box> para(int n, const std::string& name, double space_before = 0, int pair = -1) {
  std::vector<Box> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(box(10, name + std::to_string(i), i + 1 < n && (n <= 3 || i == 0 || i + 2 == n)));
  }
  out.front().space_before = space_before;
  out.front().pair = pair;
  return out;
}

Column filler(int lines) {
  Column c;
  for (int i = 0; i < lines; ++i) c.boxes.push_back(box(10, "f"));
  return c;
}

// The names on page `page`, without the filler.
std::vector<std::string> on(Paginator& p, size_t page) {
  std::vector<std::string> out;
  for (const auto& g : p.pages().at(page).text)
    if (g.text != "f") out.push_back(g.text);
  return out;
}

TEST(Paginator, AChainOfHeadingsAtAPageFootMovesWhole) {
  // Before: the heading's own check saw the subheading only, and the subheading went on alone.
  Paginator p({0}, 100, 0);
  p.place({filler(6)});
  Column h1, h2, text;
  h1.boxes.push_back(box(12, "H1", true));
  h2.boxes.push_back(box(12, "H2", true));
  for (auto& b : para(5, "t")) text.boxes.push_back(b);
  std::vector<std::vector<Column>> blocks{{h1}, {h2}, {text}};
  std::vector<double> lead(4, 0);
  for (size_t i = 3; i-- > 0;) lead[i] = lead_height(blocks[i], lead[i + 1]);
  EXPECT_EQ(lead[0], 12 + 12 + 20);
  for (size_t i = 0; i < 3; ++i) EXPECT_TRUE(p.place(blocks[i], lead[i + 1]));
  ASSERT_EQ(p.pages().size(), 2u);
  EXPECT_TRUE(on(p, 0).empty());
  EXPECT_EQ(on(p, 1).front(), "H1");
}

TEST(Paginator, AHeadingWithRoomForOneLineBelowItMoves) {
  Paginator p({0}, 100, 0);
  p.place({filler(7)});  // 30 left: the heading and one line fit, not two
  Column h, text;
  h.boxes.push_back(box(12, "H", true));
  h.boxes.back().space_before = 8;
  for (auto& b : para(6, "t")) text.boxes.push_back(b);
  EXPECT_TRUE(p.place({h}, lead_height({text}, 0)));
  EXPECT_TRUE(p.place({text}));
  EXPECT_TRUE(on(p, 0).empty());
  EXPECT_EQ(on(p, 1).front(), "H");
}

TEST(Paginator, AParagraphNeverLeavesOneLineAtAPageFoot) {
  Paginator p({0}, 100, 0);
  p.place({filler(9)});
  Column text;
  text.boxes = para(5, "t");
  p.place({text});
  EXPECT_TRUE(on(p, 0).empty());
  EXPECT_EQ(on(p, 1).size(), 5u);
}

TEST(Paginator, AParagraphNeverLeavesOneLineAtAPageTop) {
  Paginator p({0}, 100, 0);
  p.place({filler(5)});
  Column text;
  text.boxes = para(6, "t");
  p.place({text});
  // Five would fit, the sixth would be a widow: four and two.
  EXPECT_EQ(on(p, 0), (std::vector<std::string>{"t0", "t1", "t2", "t3"}));
  EXPECT_EQ(on(p, 1), (std::vector<std::string>{"t4", "t5"}));
}

TEST(Paginator, AThreeLineParagraphIsNotSplit) {
  Paginator p({0}, 100, 0);
  p.place({filler(8)});
  Column text;
  text.boxes = para(3, "t");
  p.place({text});
  EXPECT_TRUE(on(p, 0).empty());
  EXPECT_EQ(on(p, 1).size(), 3u);
}

TEST(Paginator, ABoxOfLinesIsSplitWithTwoLinesOnEachSide) {
  for (int lines : {7, 8, 9}) {
    Paginator p({0}, 100, 0);
    p.place({filler(lines)});
    Column t;
    t.boxes.push_back(tall_row(5, -1));
    p.place({t});
    const size_t first = on(p, 0).size(), second = p.pages().size() > 1 ? on(p, 1).size() : 0;
    EXPECT_EQ(first + second, 5u) << lines;
    EXPECT_NE(first, 1u) << lines;
    EXPECT_NE(second, 1u) << lines;
    EXPECT_EQ(first, lines == 7 ? 3u : lines == 8 ? 2u : 0u) << lines;
  }
}

TEST(Paginator, ATableStartsWithItsHeaderAndTwoRows) {
  Paginator p({0}, 100, 0);
  p.place({filler(7)});  // 30 left: the header and one row of two
  Column t;
  t.headers.push_back(box(10, "HEADER", true));
  t.boxes.push_back(box(10, "HEADER", true));
  t.boxes.push_back(box(10, "row0", true, 0));  // BlockLayout keeps the first row with the second
  t.boxes.push_back(tall_row(2, 0));
  p.place({t});
  EXPECT_TRUE(on(p, 0).empty());
  EXPECT_EQ(on(p, 1).front(), "HEADER");
}

// The first glyph named `name` on `page`.
const Glyphs& glyph(Paginator& p, size_t page, const std::string& name) {
  for (const auto& g : p.pages().at(page).text)
    if (g.text == name) return g;
  ADD_FAILURE() << name << " not on page " << page;
  static Glyphs none;
  return none;
}

TEST(Paginator, BilingualParagraphsStartLevelInPairs) {
  Paginator p({0, 200}, 200, 0);
  Column left, right;
  for (auto& b : para(1, "La", 0, 0)) left.boxes.push_back(b);
  for (auto& b : para(2, "Lb", 5, 1)) left.boxes.push_back(b);
  for (auto& b : para(4, "Ra", 0, 0)) right.boxes.push_back(b);
  for (auto& b : para(1, "Rb", 5, 1)) right.boxes.push_back(b);
  p.place({left, right});
  // Before: "Lb0" 25 points higher than "Rb0", beside the middle of the other paragraph.
  EXPECT_EQ(glyph(p, 0, "Lb0").y, glyph(p, 0, "Rb0").y);
  EXPECT_EQ(glyph(p, 0, "Lb0").y, 200 - 40 - 5 - 8);
}

TEST(Paginator, BilingualColumnsBreakBetweenPairsAndTogether) {
  Paginator p({0, 200}, 100, 0);
  p.place({filler(3)});
  Column left, right;
  for (auto& b : para(3, "La", 0, 0)) left.boxes.push_back(b);
  for (auto& b : para(5, "Ra", 0, 0)) right.boxes.push_back(b);
  for (auto& b : para(3, "Lb", 0, 1)) left.boxes.push_back(b);
  for (auto& b : para(3, "Rb", 0, 1)) right.boxes.push_back(b);
  p.place({left, right});
  // 70 left: the first pair (50) fits, the second (30) does not and keeps whole: both move.
  ASSERT_EQ(p.pages().size(), 2u);
  EXPECT_EQ(on(p, 1).size(), 6u);
  EXPECT_EQ(glyph(p, 1, "Lb0").y, glyph(p, 1, "Rb0").y);
  EXPECT_EQ(glyph(p, 1, "Lb0").y, 100 - 8);
}

TEST(Paginator, UnpairedColumnsAreOneBlockAsBefore) {
  Paginator p({0, 200}, 200, 0);
  Column left, right;
  for (auto& b : para(1, "La", 0, 0)) left.boxes.push_back(b);
  for (auto& b : para(2, "Lb", 5, 1)) left.boxes.push_back(b);
  for (auto& b : para(4, "Ra", 0, 0)) right.boxes.push_back(b);  // one paragraph only
  p.place({left, right});
  EXPECT_EQ(glyph(p, 0, "Lb0").y, 200 - 10 - 5 - 8);
}

TEST(Paginator, SpaceGivesSoThatAShortTableFitsWhereItBelongs) {
  Paginator p({0}, 100, 0);
  for (int i = 0; i < 4; ++i) {
    Column c;
    c.boxes.push_back(box(10, "f"));
    c.boxes.back().space_before = 10;
    p.place({c});  // 30 left, 15 of space that may give
  }
  Column t;
  t.headers.push_back(box(10, "HEADER", true));
  t.boxes.push_back(box(10, "HEADER", true));
  t.boxes.back().space_before = 4;
  t.boxes.push_back(box(10, "row0", true, 0));
  t.boxes.push_back(box(10, "row1", false, 0));
  Box end;  // the space after a table
  end.height = 8;
  t.boxes.push_back(end);
  EXPECT_TRUE(p.place({t}));
  ASSERT_EQ(p.pages().size(), 1u);  // before: the table alone on a second page
  for (const auto& g : p.pages()[0].text) EXPECT_GE(g.y, 0);
  EXPECT_EQ(on(p, 0), (std::vector<std::string>{"HEADER", "row0", "row1"}));
  // The gaps gave 4 points in all, evenly: the first line did not move, the last moved most.
  EXPECT_NEAR(glyph(p, 0, "f").y, 92, 1e-9);
  EXPECT_NEAR(p.pages()[0].text[3].y, 32 + 4, 1e-9);  // the fourth line, below all three gaps
  EXPECT_NEAR(glyph(p, 0, "row1").y, 2, 1e-9);        // the table ends at the foot
}

TEST(Paginator, SpaceGivesNoMoreThanItsShare) {
  Paginator p({0}, 100, 0);
  for (int i = 0; i < 4; ++i) {
    Column c;
    c.boxes.push_back(box(10, "f"));
    c.boxes.back().space_before = 10;
    p.place({c});
  }
  Column big;
  big.boxes = para(5, "t");  // 50 > 30 + 15: it is split as before, nothing gives
  p.place({big});
  EXPECT_EQ(on(p, 0), (std::vector<std::string>{"t0", "t1", "t2"}));
  EXPECT_NEAR(glyph(p, 0, "t0").y, 30 - 8, 1e-9);
}

TEST(Paginator, AChainTallerThanAPageEnds) {
  Paginator p({0}, 100, 0);
  p.place({filler(5)});
  Column h;
  for (int i = 0; i < 30; ++i) h.boxes.push_back(box(10, "H" + std::to_string(i), true));
  for (auto& b : para(4, "t")) h.boxes.push_back(b);
  EXPECT_TRUE(p.place({h}, 1e9));
  int n = 0;
  for (auto& page : p.pages())
    for (const auto& g : page.text) {
      n += g.text != "f";
      EXPECT_GE(g.y, 0);
    }
  EXPECT_EQ(n, 34);
  EXPECT_LE(p.pages().size(), 5u);
}

TEST(Paginator, AHeadingOverAOneLineParagraphKeepsWithWhatFollowsIt) {
  Paginator p({0}, 100, 0);
  p.place({filler(6)});  // 40 left: the heading and its one line fit, the next paragraph does not
  Column c;
  c.boxes.push_back(box(12, "H", true));
  c.boxes.back().heading = true;
  for (auto& b : para(1, "a")) c.boxes.push_back(b);
  for (auto& b : para(4, "b")) c.boxes.push_back(b);
  p.place({c});
  EXPECT_TRUE(on(p, 0).empty());
  EXPECT_EQ(on(p, 1).front(), "H");
  // Across blocks: the one-line paragraph is a block of its own.
  Paginator q({0}, 100, 0);
  q.place({filler(6)});
  Column h, one, more;
  h.boxes.push_back(box(12, "H", true));
  h.boxes.back().heading = true;
  one.boxes = para(1, "a");
  more.boxes = para(4, "b");
  std::vector<std::vector<Column>> blocks{{h}, {one}, {more}};
  const auto lead = next_leads(blocks);
  EXPECT_EQ(lead[0], 10 + 20);
  for (size_t i = 0; i < blocks.size(); ++i) q.place(blocks[i], lead[i]);
  EXPECT_TRUE(on(q, 0).empty());
  EXPECT_EQ(on(q, 1).front(), "H");
}

TEST(Paginator, IndexEntriesOfOneLineDoNotChainTogether) {
  Paginator p({0}, 100, 0);
  Column c;
  for (int i = 0; i < 20; ++i) {
    c.boxes.push_back(box(10, "N" + std::to_string(i), true));
    c.boxes.back().heading = true;
    c.boxes.push_back(box(10, "r" + std::to_string(i)));
  }
  p.place({c});
  ASSERT_EQ(p.pages().size(), 4u);
  for (const auto& page : p.pages()) EXPECT_EQ(page.text.size(), 10u);  // five entries a page
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
