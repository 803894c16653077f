// Builds small composed Documents for layout and PDF tests.
#include "support/small_document.h"

#include <gtest/gtest.h>

#include "diag/diagnostic.h"
#include "support/paths.h"

namespace renaksi::testing {

layout::Style a4_style() {
  Diagnostics diags;
  auto style = layout::Style::load(source_dir() / "layouts" / "a4.json", diags);
  EXPECT_TRUE(style.has_value());
  return style ? *style : layout::Style{};
}

prose::Inlines text_run(const std::string& s) { return {{prose::Inline::Kind::Text, s, {}, true, {}, {}, {}}}; }

doc::Document one_chapter(const std::string& anchor, const std::string& title, std::vector<doc::Block> blocks) {
  doc::Document d;
  d.plan_id = "p";
  d.edition = "en";
  d.langs = {"en"};
  d.facts.loc = {"plan.xml", 1, 1};
  doc::Front f;
  f.lang = "en";
  f.title = "Title";
  f.toc_title = "Contents";
  d.front.push_back(f);
  doc::Chapter ch;
  ch.anchor = anchor;
  ch.loc = {"commitments/1-p.xml", 1, 1};
  ch.title.push_back({"en", text_run(title), std::nullopt, {}, {}});
  ch.blocks = std::move(blocks);
  d.chapters.push_back(std::move(ch));
  return d;
}

doc::Block paragraph(const std::string& body, const std::string& anchor, int line) {
  return {anchor, {"commitments/1-p.xml", line, 3}, doc::Paragraph{{{"en", text_run(body), std::nullopt, {}, {}}}}};
}

}  // namespace renaksi::testing
