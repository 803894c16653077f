// The bar chart the layout draws: a bar per row whose length is its value's share of the
// largest, none for a zero, the labels and values drawn as a table's header and data cells of
// the tagged PDF, and a chart kept on one page.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "layout/block_layout.h"
#include "layout/fixed_measure.h"

namespace renaksi::layout {
namespace {

doc::Block chart_block(std::vector<doc::ChartBar> bars, std::string lang = "en") {
  doc::ChartContent c;
  c.caption = "Commitments by completion level";
  c.value_label = "Commitments";
  c.bars = std::move(bars);
  doc::Chart chart;
  chart.kind = "completion";
  chart.parts.push_back({std::move(lang), std::move(c), std::nullopt, {}, {}});
  return {"summary-chart", {"progress/p2.xml", 3, 1}, std::move(chart)};
}

// The boxes that hold a bar's label: those with a header cell's text.
struct Drawn {
  std::vector<Rect> bars;        // in order of the rows
  std::vector<std::string> labels, values;
};

// Each cell's words joined, in the order of the cells (a label is drawn a word at a time).
Drawn drawn(const Column& col, const std::vector<Element>& elements) {
  Drawn d;
  int last = -1;
  for (const auto& b : col.boxes) {
    for (const auto& r : b.rects) d.bars.push_back(r);
    for (const auto& g : b.text) {
      if (g.elem < 0) continue;
      const Tag tag = elements[static_cast<size_t>(g.elem)].tag;
      if (tag != Tag::TH && tag != Tag::TD) continue;
      auto& list = tag == Tag::TH ? d.labels : d.values;
      if (g.elem == last) list.back() += " " + g.text;
      else list.push_back(g.text);
      last = g.elem;
    }
  }
  return d;
}

TEST(ChartLayout, EachBarIsItsValuesShareOfTheLargest) {
  Style style;
  testing::FixedMeasure measure;
  Diagnostics diags;
  BlockLayout layout(style, measure, diags);
  const auto block = chart_block({{"not-started", "Not started", 1, "1"},
                                  {"limited", "Limited", 0, "0"},
                                  {"substantial", "Substantial", 4, "4"},
                                  {"complete", "Complete", 2, "2"}});
  const Column col = layout.part(block, 0, 300);
  const auto elements = layout.take_elements();
  const Drawn d = drawn(col, elements);
  // A bar for each non-zero value; the zero row draws its value and no bar.
  ASSERT_EQ(d.bars.size(), 3u);
  EXPECT_NEAR(d.bars[0].w * 4, d.bars[1].w, 1e-6);  // 1 : 4
  EXPECT_NEAR(d.bars[2].w * 2, d.bars[1].w, 1e-6);  // 2 : 4
  EXPECT_GT(d.bars[1].w, 100);                      // the largest takes most of what is left of 300 pt
  EXPECT_LE(d.bars[1].x + d.bars[1].w, 300);
  for (const auto& r : d.bars) EXPECT_DOUBLE_EQ(r.x, d.bars[0].x);  // every bar starts at the axis
  EXPECT_EQ(d.labels, (std::vector<std::string>{"Not started", "Limited", "Substantial", "Complete"}));
  EXPECT_EQ(d.values, (std::vector<std::string>{"1", "0", "4", "2"}));
  // Its rows are one table of the structure, and the caption is a paragraph before it.
  EXPECT_EQ(std::count_if(elements.begin(), elements.end(), [](const Element& e) { return e.tag == Tag::Table; }), 1);
  EXPECT_EQ(std::count_if(elements.begin(), elements.end(), [](const Element& e) { return e.tag == Tag::TR; }), 4);
  bool caption = false;
  for (const auto& g : col.boxes.front().text) caption = caption || g.text.find("Commitments") != std::string::npos;
  EXPECT_TRUE(caption);
  // A chart is not split: every box but the last bar's and the space after keeps with the next.
  for (size_t i = 0; i + 2 < col.boxes.size(); ++i) EXPECT_TRUE(col.boxes[i].keep_with_next) << i;
  EXPECT_EQ(diags.all().size(), 0u);
}

TEST(ChartLayout, AllZeroDrawsNoBarAndALongLabelWrapsInItsColumn) {
  Style style;
  testing::FixedMeasure measure;
  Diagnostics diags;
  BlockLayout layout(style, measure, diags);
  const std::string long_label = "A completion level with a label much longer than a third of the chart's width";
  const Column col = layout.part(chart_block({{"a", long_label, 0, "0"}, {"b", "B", 0, "0"}}), 0, 240);
  const auto elements = layout.take_elements();
  const Drawn d = drawn(col, elements);
  EXPECT_TRUE(d.bars.empty());
  // The label's lines stay left of the bars' axis (a third of the width), every word of it drawn.
  std::set<double> lines;
  for (const auto& b : col.boxes)
    for (const auto& g : b.text) {
      if (g.elem < 0 || elements[static_cast<size_t>(g.elem)].tag != Tag::TH) continue;
      EXPECT_LE(g.x + measure.width(g.face, g.size, g.text), 240.0 / 3 + 0.01) << g.text;
      lines.insert(g.y);
    }
  EXPECT_GT(lines.size(), 2u);
  EXPECT_EQ(d.labels.front(), long_label);
  EXPECT_EQ(d.values, (std::vector<std::string>{"0", "0"}));
}

TEST(ChartLayout, AnEmptyChartDrawsNothing) {
  Style style;
  testing::FixedMeasure measure;
  Diagnostics diags;
  BlockLayout layout(style, measure, diags);
  EXPECT_TRUE(layout.part(chart_block({}), 0, 300).boxes.empty());
}

}  // namespace
}  // namespace renaksi::layout
