// Adjacent words and spaces merged into one Str: wherever inlines are, around what is not text,
// and with the same text in the Word document Pandoc writes.
#include "emit/docx/merge_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "emit/docx/docx_pass.h"
#include "emit/docx/editions.h"
#include "emit/docx/pandoc_nodes.h"
#include "emit/docx/word_language.h"
#include "support/command.h"
#include "support/paths.h"

namespace renaksi::docx {
namespace {

using nlohmann::json;

json str(const std::string& s) { return pandoc::node("Str", s); }
json space() { return pandoc::node("Space"); }
json soft() { return pandoc::node("SoftBreak"); }

TEST(MergeText, WordsSpacesAndSoftBreaksBecomeOneStrWhereverInlinesAre) {
  json inlines = json::array({str("Buka"), space(), str("data"), soft(), str("anggaran"), space()});
  json doc = pandoc::document(
      json{{"title", pandoc::meta_inlines(pandoc::text("Rencana Aksi Nasional"))}},
      json::array({pandoc::header(2, "c-1", pandoc::text("Komitmen 1: Keterbukaan")),
                   pandoc::para(inlines),
                   pandoc::table({}, {json::array({pandoc::plain(pandoc::text("Lembaga pelaksana"))})},
                                 {{json::array({pandoc::plain(pandoc::text("Kementerian Keuangan"))})}})}));
  merge_text(doc);
  EXPECT_EQ(doc.at("meta").at("title").at("c"), json::array({str("Rencana Aksi Nasional")}));
  EXPECT_EQ(doc.at("blocks").at(0).at("c").at(2), json::array({str("Komitmen 1: Keterbukaan")}));
  EXPECT_EQ(doc.at("blocks").at(1).at("c"), json::array({str("Buka data anggaran ")}));
  const std::string dumped = doc.dump();
  EXPECT_NE(dumped.find("\"Lembaga pelaksana\""), std::string::npos) << dumped;
  EXPECT_NE(dumped.find("\"Kementerian Keuangan\""), std::string::npos) << dumped;
  EXPECT_EQ(dumped.find("Space"), std::string::npos) << dumped;
}

TEST(MergeText, WhatIsNotTextStaysBetweenTheRunsAndIsMergedInside) {
  json link = pandoc::link(json::array({str("portal"), space(), str("data")}), "https://data.go.id/");
  json raw = pandoc::node("RawInline", json::array({"openxml", "<w:r/>"}));
  json odd = pandoc::node("Str", json::array({1, 2}));  // not text: left, and a run breaks at it
  json doc = pandoc::document(json::object(), json::array({pandoc::para(json::array(
                                                  {space(), str("lihat"), space(), link, space(), raw, odd, str("a"), space(),
                                                   pandoc::emph(json::array({str("b"), soft(), str("c")})), pandoc::node("LineBreak"),
                                                   str("d")}))}));
  merge_text(doc);
  const json expected = json::array(
      {str(" lihat "), pandoc::link(json::array({str("portal data")}), "https://data.go.id/"), str(" "), raw, odd, str("a "),
       pandoc::emph(json::array({str("b c")})), pandoc::node("LineBreak"), str("d")});
  EXPECT_EQ(doc.at("blocks").at(0).at("c"), expected) << doc.dump();
}

TEST(MergeText, AnAstWithoutTextIsUnchanged) {
  json doc = pandoc::document(json::object(), json::array({pandoc::para(json::array({pandoc::node("LineBreak")})),
                                                          pandoc::node("HorizontalRule")}));
  const json before = doc;
  merge_text(doc);
  EXPECT_EQ(doc, before);
  json deep = json::array({str("x")});
  for (int i = 0; i < 400; ++i) deep = json::array({pandoc::emph(std::move(deep))});
  merge_text(deep);  // past 256 levels the rest is left: no stack to exhaust
  SUCCEED();
}

// The text of each paragraph of word/document.xml, runs joined.
std::vector<std::string> paragraph_texts(const std::string& xml) {
  std::vector<std::string> out;
  static const std::regex para("<w:p>.*?</w:p>|<w:p .*?</w:p>"), text("<w:t[^>]*>([^<]*)</w:t>");
  for (auto p = std::sregex_iterator(xml.begin(), xml.end(), para); p != std::sregex_iterator(); ++p) {
    const std::string body = p->str();
    std::string joined;
    for (auto t = std::sregex_iterator(body.begin(), body.end(), text); t != std::sregex_iterator(); ++t) joined += (*t)[1];
    out.push_back(joined);
  }
  return out;
}

// Each block of a Word edition is merged (and its languages marked) as it is written, so the
// edition never holds a node per word: in every edition of every plan of content/ no Space or
// SoftBreak and no Span with a language is left in the blocks, and the passes over the whole
// tree that follow change nothing there.
TEST(MergeText, EveryBlockOfAWordEditionIsMergedAsItIsWritten) {
  int editions = 0;
  for (const auto& plan : testing::composed_archive().plans)
    for (const auto& d : plan->documents) {
      if (!has_docx(d)) continue;
      ++editions;
      const json written = to_pandoc(d, {});
      const std::string blocks = written.at("blocks").dump();
      EXPECT_EQ(blocks.find("{\"t\":\"Space\"}"), std::string::npos) << d.plan_id << " " << d.edition;
      EXPECT_EQ(blocks.find("{\"t\":\"SoftBreak\"}"), std::string::npos) << d.plan_id << " " << d.edition;
      EXPECT_EQ(blocks.find("[\"lang\","), std::string::npos) << d.plan_id << " " << d.edition;
      json again = written;
      mark_languages(again);
      merge_text(again);
      EXPECT_EQ(again.at("blocks"), written.at("blocks")) << d.plan_id << " " << d.edition;
    }
  EXPECT_GE(editions, 6);
}

TEST(MergeText, PandocWritesTheSameTextIntoWord) {
  json inlines = pandoc::concat(pandoc::text("Pemerintah membuka  data "),
                                json::array({soft(), pandoc::strong(pandoc::text("anggaran desa")), space(),
                                             pandoc::emph(json::array({str("secara"), soft(), str("berkala")})),
                                             str("."), space(), str("\u201cTerbuka\u201d & <bersih>")}));
  json doc = pandoc::document(json{{"title", pandoc::meta_inlines(pandoc::text("Rencana Aksi"))}},
                              json::array({pandoc::header(1, "satu", pandoc::text("Bab satu")), pandoc::para(inlines),
                                           pandoc::table({}, {json::array({pandoc::plain(pandoc::text("Tanggal mulai"))})},
                                                         {{json::array({pandoc::plain(pandoc::text("1 Juli 2024"))})}})}));
  json merged = doc;
  merge_text(merged);
  ASSERT_NE(merged, doc);
  testing::TempDir dir("merge-text");
  std::vector<std::vector<std::string>> texts;
  for (const json* ast : {&doc, &merged}) {
    const auto name = (dir.path() / std::to_string(texts.size())).string();
    std::ofstream(name + ".json") << ast->dump();
    auto r = testing::run_shell("pandoc -f json -t docx -o " + testing::shell_quote(name + ".docx") + " " +
                                testing::shell_quote(name + ".json") + " && unzip -p " + testing::shell_quote(name + ".docx") +
                                " word/document.xml");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    texts.push_back(paragraph_texts(r.out));
  }
  EXPECT_GE(texts[0].size(), 4u);
  EXPECT_EQ(texts[0], texts[1]);
  bool found = false;
  for (const auto& t : texts[1]) found = found || t == "Pemerintah membuka  data  anggaran desa secara berkala. \u201cTerbuka\u201d &amp; &lt;bersih&gt;";
  EXPECT_TRUE(found) << ::testing::PrintToString(texts[1]);
}

}  // namespace
}  // namespace renaksi::docx
