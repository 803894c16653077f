// Word's language of a run: Spans with a lang become raw OpenXML runs carrying w:lang.
#include "emit/docx/word_language.h"

#include <gtest/gtest.h>

#include "emit/docx/pandoc_nodes.h"

namespace renaksi::docx {
namespace {

using nlohmann::json;

json span(const std::string& lang, json inlines) {
  return pandoc::node("Span", json::array({pandoc::attr({}, {{"lang", lang}}), std::move(inlines)}));
}

json para_of(json inlines) { return pandoc::document(json::object(), json::array({pandoc::para(std::move(inlines))})); }

// The text of the first RawInline anywhere in `v`.
std::string raw_of(const json& v) {
  if (v.is_object() && v.contains("t") && v.at("t") == "RawInline") {
    EXPECT_EQ(v.at("c").at(0), "openxml");
    return v.at("c").at(1).get<std::string>();
  }
  if (v.is_array() || v.is_object())
    for (const auto& item : v)
      if (std::string r = raw_of(item); !r.empty()) return r;
  return {};
}

TEST(WordLanguage, ATermBecomesRunsWithItsLanguageAndTheEmphasisAroundIt) {
  json doc = para_of(pandoc::concat(pandoc::text("pemilik manfaat "),
                                    json::array({pandoc::emph(json::array({span("en", pandoc::text("beneficial <owner> & co"))}))})));
  mark_languages(doc);
  EXPECT_EQ(raw_of(doc),
            "<w:r><w:rPr><w:i/><w:iCs/><w:lang w:val=\"en\"/></w:rPr>"
            "<w:t xml:space=\"preserve\">beneficial &lt;owner&gt; &amp; co</w:t></w:r>");
  // The text before it is Pandoc's to write.
  EXPECT_EQ(doc.at("blocks").at(0).at("c").at(0).at("t"), "Str");
}

TEST(WordLanguage, StyleChangesInsideTheSpanSplitRunsAndQuotesAreKept) {
  json inner = pandoc::concat(pandoc::text("open "), json::array({pandoc::strong(pandoc::text("data"))}));
  inner.push_back(pandoc::node("Quoted", json::array({pandoc::node("DoubleQuote"), pandoc::text("now")})));
  json doc = para_of(json::array({span("en-GB", inner)}));
  mark_languages(doc);
  EXPECT_EQ(raw_of(doc),
            "<w:r><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr><w:t xml:space=\"preserve\">open </w:t></w:r>"
            "<w:r><w:rPr><w:b/><w:bCs/><w:lang w:val=\"en-GB\"/></w:rPr><w:t xml:space=\"preserve\">data</w:t></w:r>"
            "<w:r><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr><w:t xml:space=\"preserve\">\u201cnow\u201d</w:t></w:r>");
}

TEST(WordLanguage, ASpanWithALinkOrNoLanguageTagIsLeftToPandoc) {
  const json linked = para_of(json::array({span("en", json::array({pandoc::link(pandoc::text("x"), "https://x.example")}))}));
  json doc = linked;
  mark_languages(doc);
  EXPECT_EQ(doc, linked);
  const json bad = para_of(json::array({span("en\"/><w:b/>", pandoc::text("x"))}));
  doc = bad;
  mark_languages(doc);
  EXPECT_EQ(doc, bad);
}

}  // namespace
}  // namespace renaksi::docx
