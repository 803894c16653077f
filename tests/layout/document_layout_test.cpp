// The edition's furniture as laid out: contents entries with their leaders and numbers on their
// last line, numbers aligned; the index's page numbers; running heads shortened by rule; the
// draft mark under the text.
#include "layout/document_layout.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>

#include "driver/pipeline.h"
#include "emit/pdf/pdf_document.h"
#include "support/command.h"
#include "support/paths.h"
#include "support/shared_archive.h"
#include "support/text.h"

namespace renaksi {
namespace {

using testing::run_shell;

const BuildState& plan(const std::string& id) {
  for (const auto& p : testing::shared_archive().plans)
    if (p->loaded.plan.id == id) return *p;
  throw std::runtime_error(id);
}

struct Laid {
  const doc::Document* doc = nullptr;
  layout::Pages pages;
};

Laid laid(const std::string& id, const std::string& edition) {
  const auto& archive = testing::shared_archive();
  for (const auto& d : plan(id).documents)
    if (d.edition == edition) {
      Diagnostics diags;
      pdf::PdfDocument measure(*archive.style, diags);
      return {&d, layout::layout_document(d, *archive.style, measure, diags)};
    }
  throw std::runtime_error(edition);
}

bool digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// On every contents page, each entry's number sits on the entry's last line (the lowest of its
// glyphs), its leaders on the same line, and every number ends at the same right edge.
TEST(DocumentLayout, ContentsNumbersOnTheLastLineOfTheirEntryAndAligned) {
  const auto& style = *testing::shared_archive().style;
  for (const char* edition : {"en", "id", "bilingual"}) {
    Laid l = laid("nap-2018-2020", edition);
    pdf::PdfDocument measure(style, const_cast<Diagnostics&>(plan("nap-2018-2020").diags));
    size_t numbers = 0, multi = 0;
    size_t body = 0;  // the first chapter's page: the contents end before it
    for (size_t p = 0; p < l.pages.pages.size() && body == 0; ++p)
      for (const auto& a : l.pages.pages[p].anchors)
        if (a.id == l.doc->chapters.front().anchor) body = p;
    ASSERT_GT(body, 1u);
    for (size_t p = 1; p < body; ++p) {
      const auto& page = l.pages.pages[p];
      double lowest = 1e9, highest = -1e9;
      for (size_t g = 0; g < page.text.size(); ++g) {
        const auto& glyph = page.text[g];
        const double right = glyph.x + measure.width(glyph.face, glyph.size, glyph.text);
        if (digits(glyph.text) && std::abs(right - (style.margin_left + style.text_width())) < 0.01 && lowest < 1e9) {
          ++numbers;
          if (highest - lowest > 1) ++multi;
          EXPECT_DOUBLE_EQ(glyph.y, lowest) << edition << " page " << p + 1 << ": number " << glyph.text << " not on its entry's last line";
          bool leader = false;
          for (const auto& r : page.rules) leader = leader || (r.dotted && std::abs(r.y1 - glyph.y) < 0.01);
          EXPECT_TRUE(leader) << edition << " page " << p + 1 << ": no leaders beside " << glyph.text;
          lowest = 1e9, highest = -1e9;
          continue;
        }
        if (glyph.y < style.page_height - style.header_baseline_from_top - 1 && glyph.y > style.footer_baseline_from_bottom + 1) {
          lowest = std::min(lowest, glyph.y);
          highest = std::max(highest, glyph.y);
        }
      }
    }
    EXPECT_GE(numbers, plan("nap-2018-2020").loaded.plan.commitments.size()) << edition;
    if (std::string(edition) == "bilingual") {
      EXPECT_GT(multi, 0u);  // two languages: every entry has two lines
    }
  }
}

// Each commitment an index entry names is followed, on its last line, by the page it starts on.
TEST(DocumentLayout, TheIndexGivesTheCommitmentsPages) {
  for (const char* edition : {"en", "bilingual"}) {
    Laid l = laid("nap-2018-2020", edition);
    std::map<std::string, int> page_of;
    size_t index_from = 0;
    for (size_t p = 0; p < l.pages.pages.size(); ++p)
      for (const auto& a : l.pages.pages[p].anchors) {
        page_of.emplace(a.id, static_cast<int>(p) + 1);
        if (a.id == "index") index_from = p;
      }
    ASSERT_GT(index_from, 0u);
    size_t checked = 0;
    for (size_t p = index_from; p < l.pages.pages.size(); ++p) {
      const auto& page = l.pages.pages[p];
      for (const auto& g : page.text) EXPECT_EQ(g.text.find('\x01'), std::string::npos) << "a placeholder left on page " << p + 1;
      for (const auto& link : page.links) {
        if (!link.target.starts_with("#commitment-")) continue;
        const int expected = page_of.at(link.target.substr(1));
        // A number on the line of the link's text, or on a later line of the same mention (which
        // may be on the next page).
        bool found = false;
        for (const auto& g : page.text)
          if (g.text == std::to_string(expected) && g.x > link.x + link.w && g.y <= link.y + link.h) found = true;
        if (p + 1 < l.pages.pages.size())
          for (const auto& g : l.pages.pages[p + 1].text)
            if (g.text == std::to_string(expected) && g.x > link.x + link.w) found = true;
        EXPECT_TRUE(found) << edition << " page " << p + 1 << ": no page " << expected << " after the link to " << link.target;
        ++checked;
      }
    }
    EXPECT_GT(checked, 10u) << edition;
  }
}

// A link set over several words is one area per line it is on (one PDF annotation per line, not
// one per word), and that area covers every word of the link on its line.
TEST(DocumentLayout, ALinkIsOneAreaPerLineCoveringItsWords) {
  const auto& style = *testing::shared_archive().style;
  pdf::PdfDocument measure(style, const_cast<Diagnostics&>(plan("nap-2018-2020").diags));
  for (const char* edition : {"en", "bilingual"}) {
    Laid l = laid("nap-2018-2020", edition);
    size_t words_in_links = 0, areas = 0;
    for (size_t p = 0; p < l.pages.pages.size(); ++p) {
      const auto& page = l.pages.pages[p];
      std::map<std::pair<int, double>, int> per_line;  // (element, bottom) -> areas
      for (const auto& link : page.links) {
        if (link.elem < 0) continue;
        ++areas;
        EXPECT_EQ(++per_line[std::make_pair(link.elem, link.y)], 1) << edition << " page " << p + 1 << ": " << link.target << " split on one line";
        for (const auto& g : page.text) {
          if (g.elem != link.elem || g.y < link.y || g.y > link.y + link.h) continue;
          ++words_in_links;
          EXPECT_GE(g.x, link.x - 0.01) << edition << " page " << p + 1 << ": '" << g.text << "' left of its link";
          EXPECT_LE(g.x + measure.width(g.face, g.size, g.text), link.x + link.w + 0.01)
              << edition << " page " << p + 1 << ": '" << g.text << "' right of its link";
        }
      }
    }
    EXPECT_GT(areas, 100u) << edition;
    EXPECT_GT(words_in_links, 2 * areas) << edition;  // the index's titles: several words per area
  }
}

// The running head of the draft's bilingual edition: too long for half the width, it is
// shortened by rule and keeps the plan's years, never cut.
TEST(DocumentLayout, ARunningHeadIsShortenedByRuleNeverCut) {
  const auto& style = *testing::shared_archive().style;
  Laid l = laid("nap-2020-2022", "bilingual");
  ASSERT_GT(l.pages.pages.size(), 3u);
  const auto& page = l.pages.pages[2];
  const double head_y = style.page_height - style.header_baseline_from_top;
  std::string left, right;
  for (const auto& g : page.text)
    if (std::abs(g.y - head_y) < 0.01) (g.x < style.page_width / 2 ? left : right) += g.text + " ";
  EXPECT_NE(left.find("2022"), std::string::npos) << left;
  EXPECT_NE(right.find("2022"), std::string::npos) << right;
  // The single-language editions have room for the whole title.
  Laid id = laid("nap-2020-2022", "id");
  std::string head;
  for (const auto& g : id.pages.pages[2].text)
    if (std::abs(g.y - head_y) < 0.01) head += g.text + " ";
  EXPECT_NE(head.find("Keterbukaan"), std::string::npos) << head;
  EXPECT_NE(head.find("2020\u20132022"), std::string::npos) << head;
}

// The draft mark is drawn before the page's text, so the text lies over it: in every page's
// content stream the translucent graphics state is set before the first text object.
TEST(DocumentLayout, TheDraftMarkIsUnderTheText) {
  testing::TempDir dir("draft-mark");
  const std::string* bytes = testing::shared_archive().outputs.find("nap-2020-2022/nap-2020-2022.en.pdf");
  ASSERT_TRUE(bytes);
  const std::string in = (dir.path() / "in.pdf").string(), out = (dir.path() / "qdf.pdf").string();
  std::ofstream(in, std::ios::binary) << *bytes;
  auto r = run_shell("qpdf --qdf --object-streams=disable '" + in + "' '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string qdf = testing::file_bytes(out);
  size_t pages = 0;
  for (size_t at = qdf.find("%% Contents for page "); at != std::string::npos; at = qdf.find("%% Contents for page ", at + 1)) {
    const size_t stream = qdf.find("stream\n", at);
    const size_t end = qdf.find("endstream", stream);
    ASSERT_NE(end, std::string::npos);
    const std::string content = qdf.substr(stream, end - stream);
    const size_t gs = content.find(" gs"), bt = content.find("BT");
    ASSERT_NE(gs, std::string::npos);
    EXPECT_LT(gs, bt) << "page " << pages + 1;
    ++pages;
  }
  EXPECT_GT(pages, 3u);
}

}  // namespace
}  // namespace renaksi
