// The metadata box's label column: wide enough for its labels' longest word, so that no word is
// cut between its letters; a label whose word would need more than the layout allows goes above
// its value.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "layout/block_layout.h"
#include "layout/fixed_measure.h"
#include "support/small_document.h"

namespace renaksi::layout {
namespace {

doc::Block fields_block(std::vector<doc::FieldRow> rows) {
  doc::FieldList list;
  list.rows = std::move(rows);
  return {"", {"commitments/1-p.xml", 3, 1}, doc::Fields{{{"en", list, std::nullopt, {}, {}}}}};
}

// Every word drawn in the column, as drawn (a cut word shows as two pieces).
std::multiset<std::string> drawn_words(const Column& col) {
  std::multiset<std::string> out;
  for (const auto& b : col.boxes)
    for (const auto& g : b.text) {
      std::istringstream in(g.text);
      for (std::string w; in >> w;) out.insert(w);
    }
  return out;
}

// The smallest x of the glyphs whose text contains `word`.
double x_of(const Column& col, const std::string& word, double* y = nullptr) {
  for (const auto& b : col.boxes)
    for (const auto& g : b.text)
      if (g.text.find(word) != std::string::npos) {
        if (y) *y = g.y;
        return g.x;
      }
  ADD_FAILURE() << word << " is not drawn";
  return -1;
}

TEST(FieldsLayout, TheLabelColumnFitsItsLongestWord) {
  Style style;
  style.fields_label_share = 0.2;
  style.fields_label_max_share = 0.45;
  testing::FixedMeasure measure;
  Diagnostics diags;
  BlockLayout layout(style, measure, diags);
  // 200 pt wide: the label column would be 40 pt, but "implementing" is 12 characters of
  // 0.5 em at the fields' size, wider than that.
  const auto block = fields_block({{"Lead implementing institution", renaksi::testing::text_run("Ministry of Energy")},
                                   {"Number", renaksi::testing::text_run("1")}});
  const Column col = layout.part(block, 0, 200);
  const auto words = drawn_words(col);
  for (const std::string w : {"Lead", "implementing", "institution", "Number", "Ministry", "Energy"})
    EXPECT_EQ(words.count(w), 1u) << w << " is cut or missing";
  // The values start right of the widest label word, on the label's first line.
  const double word_w = measure.width(Face::Bold, style.fields.size, "implementing");
  double label_y = 0, value_y = 0;
  x_of(col, "Lead", &label_y);
  EXPECT_GT(x_of(col, "Ministry", &value_y), x_of(col, "implementing") + word_w);
  EXPECT_EQ(label_y, value_y);
}

TEST(FieldsLayout, ALabelWiderThanTheMostTheLayoutAllowsGoesAboveItsValue) {
  Style style;
  style.fields_label_share = 0.2;
  style.fields_label_max_share = 0.3;
  testing::FixedMeasure measure;
  Diagnostics diags;
  BlockLayout layout(style, measure, diags);
  // "Penanggungjawaban" needs more than 30 % of 150 pt.
  const auto block = fields_block({{"Penanggungjawaban kegiatan", renaksi::testing::text_run("Kementerian Dalam Negeri")}});
  const Column col = layout.part(block, 0, 150);
  const auto words = drawn_words(col);
  for (const std::string w : {"Penanggungjawaban", "kegiatan", "Kementerian", "Dalam", "Negeri"})
    EXPECT_EQ(words.count(w), 1u) << w << " is cut or missing";
  double label_y = 0, value_y = 0;
  const double label_x = x_of(col, "Penanggungjawaban", &label_y);
  const double value_x = x_of(col, "Kementerian", &value_y);
  EXPECT_EQ(label_x, value_x);  // the value under its label, at the same indent
  EXPECT_GT(value_y, label_y);
  ASSERT_FALSE(col.boxes.empty());
  EXPECT_FALSE(col.boxes.front().breaks.empty());  // label and value lines may part at a page end
}

}  // namespace
}  // namespace renaksi::layout
