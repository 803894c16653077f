// Builds small composed Documents for layout and PDF tests.
#include "support/small_document.h"

namespace renaksi::testing {

prose::Inlines text_run(const std::string& s) { return {{prose::Inline::Kind::Text, s, {}, true, {}, {}}}; }

doc::Document one_chapter(const std::string& anchor, const std::string& title, std::vector<doc::Block> blocks) {
  doc::Document d;
  d.plan_id = "p";
  d.edition = "en";
  d.langs = {"en"};
  doc::Front f;
  f.lang = "en";
  f.title = "Title";
  f.toc_title = "Contents";
  d.front.push_back(f);
  doc::Chapter ch;
  ch.anchor = anchor;
  doc::Part t;
  t.lang = "en";
  t.text = text_run(title);
  ch.title.push_back(t);
  ch.blocks = std::move(blocks);
  d.chapters.push_back(std::move(ch));
  return d;
}

doc::Block paragraph(const std::string& body, const std::string& anchor) {
  doc::Block b;
  b.kind = doc::Block::Kind::Paragraph;
  b.anchor = anchor;
  doc::Part p;
  p.lang = "en";
  p.text = text_run(body);
  b.parts.push_back(std::move(p));
  return b;
}

}  // namespace renaksi::testing
