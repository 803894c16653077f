// The Pandoc JSON AST renaksi writes: the API version of the Pandoc installed, node shapes that
// Pandoc reads back unchanged, prose that survives the trip out and back, and an edition's
// document with its title block, contents, anchors and styles.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "emit/docx/document_to_pandoc.h"
#include "emit/docx/editions.h"
#include "emit/docx/merge_text.h"
#include "emit/docx/pandoc_nodes.h"
#include "emit/docx/prose_to_pandoc.h"
#include "emit/docx/word_language.h"
#include "env/process.h"
#include "prose/from_pandoc.h"

namespace renaksi {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

// Pandoc reads `document` as JSON and writes it back as JSON.
json through_pandoc(const json& document) {
  ProcessResult r = run_process({"pandoc", "-f", "json", "-t", "json"}, document.dump(), 30000ms);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

TEST(PandocNodes, ApiVersionIsTheInstalledPandocs) {
  ProcessResult r = run_process({"pandoc", "-f", "markdown", "-t", "json"}, "x", 30000ms);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("pandoc-api-version"), pandoc::api_version());
}

TEST(PandocNodes, TextSplitsAtAsciiSpacesOnly) {
  json t = pandoc::text("Rp\u00a01.000  per  orang ");
  EXPECT_EQ(t, json::parse(R"([{"t":"Str","c":"Rp\u00a01.000"},{"t":"Space"},{"t":"Space"},{"t":"Str","c":"per"},
                               {"t":"Space"},{"t":"Space"},{"t":"Str","c":"orang"},{"t":"Space"}])"));
  EXPECT_TRUE(pandoc::text("").empty());
}

TEST(PandocNodes, PandocReadsEveryNodeShapeBackUnchanged) {
  using namespace pandoc;
  json cell = json::array({plain(text("a"))});
  json blocks = json::array({
      header(1, "h", text("Title")),
      div("d", "Cover Line", json::array({para(concat(text("x y"), json::array({strong(text("b")), emph(text("i"))})))})),
      para(json::array({link(text("to h"), "#h"), node("Space"), link(text("site"), "https://ogi.example")})),
      table({0.25, 0.75}, {cell, cell}, {{cell, cell}, {cell, cell}}),
      table({}, {}, {{cell}}),
  });
  json meta = {{"title", meta_inlines(text("T"))}, {"lang", meta_string("id")},
               {"author", meta_list({meta_inlines(text("A B"))})}};
  json doc = document(meta, blocks);
  EXPECT_EQ(through_pandoc(doc), doc);
}

// Every prose block of both plans' editions: out to Pandoc's AST and back through the reader
// the prose pass uses, it is the same prose (headings written at their own level). All the
// blocks go through one Pandoc run, each in a Div of its own numbered id.
TEST(ProseToPandoc, EveryProseBlockOfThePlansSurvivesTheRoundTrip) {
  struct Sent {
    const prose::Blocks* prose;
    std::string where;
  };
  std::vector<Sent> sent;
  json divs = json::array();
  for (const auto& plan : testing::composed_archive().plans)
    for (const auto& d : plan->documents)
      for (const auto& c : d.chapters) {
        // The change report is not prose: its inserted and deleted words are written as Word's
        // underline and strike-through, which the prose reader does not take back (by design).
        if (c.kind == doc::Chapter::Kind::Changes) continue;
        for (const auto& b : c.blocks)
          if (const auto* p = std::get_if<doc::Prose>(&b.content))
            for (const auto& part : p->parts) {
              divs.push_back(pandoc::div("b" + std::to_string(sent.size()), "", pandoc::to_pandoc(part.value, 1)));
              sent.push_back({&part.value.get(), d.plan_id + " " + d.edition + " " + c.anchor});
            }
      }
  ASSERT_GT(sent.size(), 300u);
  const json back = through_pandoc(pandoc::document(json::object(), divs)).at("blocks");
  ASSERT_EQ(back.size(), sent.size());
  for (size_t i = 0; i < sent.size(); ++i) {
    ASSERT_EQ(back[i].at("t"), "Div") << i;
    ASSERT_EQ(back[i].at("c").at(0).at(0), "b" + std::to_string(i));
    prose::FromPandoc read = prose::from_pandoc(back[i].at("c").at(1), [&](const std::string& what, const std::string&, bool) {
      ADD_FAILURE() << "unexpected " << what << " in " << sent[i].where;
    });
    ASSERT_EQ(read.status, prose::FromPandoc::Status::Ok) << read.message << " in " << sent[i].where;
    std::string want, got;
    prose::dump(*sent[i].prose, want, 0);
    prose::dump(read.blocks, got, 0);
    EXPECT_EQ(got, want) << sent[i].where;
  }
}

TEST(ProseToPandoc, HeadingsSitBelowTheDocumentsAndListsAreTight) {
  prose::Block h;
  h.kind = prose::Block::Kind::Heading;
  h.level = 1;
  h.inlines = {{prose::Inline::Kind::Text, "Sub", {}, true, {}, {}, {}}};
  prose::Block item;
  item.inlines = {{prose::Inline::Kind::Text, "one", {}, true, {}, {}, {}}};
  prose::Block list;
  list.kind = prose::Block::Kind::BulletList;
  list.items.push_back({{item}});
  json out = pandoc::to_pandoc(prose::Blocks{h, list});
  EXPECT_EQ(out[0]["c"][0], 4);
  EXPECT_EQ(out[1]["c"][0][0]["t"], "Plain");
}

TEST(ProseToPandoc, WordsAndSpacesGoOutJoinedAsMergeTextWouldJoinThem) {
  using K = prose::Inline::Kind;
  const prose::Inlines in = {
      {K::Space},
      {K::Text, "Buka"},
      {K::Space},
      {K::Text, "data"},
      {K::SoftBreak},
      {K::Text, ""},
      {K::Emph, {}, {}, true, {{K::Text, "anggaran"}, {K::Space}, {K::Text, "daerah"}}},
      {K::Text, "a  b"},
      {K::LineBreak},
      {K::Code, "x  y"},
      {K::Space},
      {K::Link, {}, "https://data.go.id/", true, {{K::Text, "portal"}, {K::SoftBreak}, {K::Text, "data"}}},
      {K::Lang, {}, {}, true, {{K::Text, "beneficial"}, {K::Space}, {K::Text, "ownership"}}, {}, "en"},
      {K::Text, "."},
  };
  const json joined = pandoc::to_pandoc(in);
  EXPECT_EQ(joined.dump().find("Space"), std::string::npos) << joined.dump();
  EXPECT_EQ(joined.at(0), pandoc::node("Str", " Buka data "));
  EXPECT_EQ(joined.at(2), pandoc::node("Str", "a  b"));
  // The same inlines a node per word and per space, as they were written before: once Word's
  // languages are marked and merge_text has joined them, the two are the same document.
  json per_word = json::array();
  for (const auto& i : in) {
    json nodes = i.kind == K::Text        ? pandoc::text(i.text)
                 : i.kind == K::Space     ? json::array({pandoc::node("Space")})
                 : i.kind == K::SoftBreak ? json::array({pandoc::node("SoftBreak")})
                                          : pandoc::to_pandoc(prose::Inlines{i});
    for (auto& n : nodes) per_word.push_back(std::move(n));
  }
  json a = json::array({pandoc::para(joined)}), b = json::array({pandoc::para(per_word)});
  for (json* blocks : {&a, &b}) {
    docx::mark_languages(*blocks);
    docx::merge_text(*blocks);
  }
  EXPECT_EQ(a, b) << a.dump() << "\n" << b.dump();
}

// Visits every node of a JSON tree.
void walk(const json& node, const std::function<void(const json&)>& visit) {
  visit(node);
  if (node.is_array() || node.is_object())
    for (const auto& child : node) walk(child, visit);
}

TEST(DocumentToPandoc, TitleBlockLanguageAndPropertiesComeFromTheFrontMatter) {
  const doc::Document& d = testing::edition("nap-2018-2020", "id");
  json out = docx::to_pandoc(d, {});
  const json& meta = out.at("meta");
  EXPECT_EQ(meta.at("lang"), pandoc::meta_string("id"));
  EXPECT_EQ(meta.at("title"), pandoc::meta_inlines(pandoc::text(d.front[0].title)));
  EXPECT_EQ(meta.at("subtitle"), pandoc::meta_inlines(pandoc::text(d.front[0].subtitle)));
  EXPECT_EQ(meta.at("date"), pandoc::meta_inlines(pandoc::text(d.front[0].period)));
  EXPECT_EQ(meta.at("author"), pandoc::meta_list({pandoc::meta_inlines(pandoc::text(d.issuer_name))}));
  EXPECT_EQ(meta.at("keywords").at("c").at(0), pandoc::meta_inlines(pandoc::text("OGP")));
}

TEST(DocumentToPandoc, EveryLinkTargetIsAHeadingOrDivOfTheDocument) {
  json out = docx::to_pandoc(testing::edition("nap-2018-2020", "en"), {});
  std::set<std::string> ids, targets;
  walk(out.at("blocks"), [&](const json& n) {
    if (!n.is_object() || !n.contains("t")) return;
    if (n["t"] == "Header") ids.insert(n["c"][1][0].get<std::string>());
    if (n["t"] == "Div") ids.insert(n["c"][0][0].get<std::string>());
    if (n["t"] == "Link" && n["c"][2][0].get<std::string>().starts_with("#")) targets.insert(n["c"][2][0].get<std::string>().substr(1));
    if (n["t"] == "RawBlock") {  // the contents field's entries link to bookmarks
      const std::string xml = n["c"][1].get<std::string>();
      for (size_t at = xml.find("w:anchor=\""); at != std::string::npos; at = xml.find("w:anchor=\"", at + 1)) {
        const size_t from = at + 10;
        targets.insert(xml.substr(from, xml.find('"', from) - from));
      }
    }
  });
  EXPECT_GE(targets.size(), 17u);  // the contents: foreword, co-creation, 14 commitments, index
  for (const auto& t : targets) EXPECT_TRUE(ids.count(t)) << t;
  for (const auto& id : ids) EXPECT_LE(id.size(), 40u) << id;  // Word's limit for bookmark names
}

TEST(DocumentToPandoc, StylesAndColumnSharesAreNamedAsTheReferenceDocumentDefinesThem) {
  docx::Options options;
  options.column_shares["milestones"] = {0.4, 0.2, 0.2, 0.2};
  json out = docx::to_pandoc(testing::edition("nap-2020-2022", "id"), options);
  std::set<std::string> styles;
  bool milestones = false;
  walk(out.at("blocks"), [&](const json& n) {
    if (!n.is_object() || !n.contains("t")) return;
    // The contents field's entries are raw paragraphs in the Contents Entry style.
    if (n["t"] == "RawBlock" && n["c"][1].get<std::string>().find("<w:pStyle w:val=\"ContentsEntry\"/>") != std::string::npos)
      styles.insert(docx::styles::kContentsEntry);
    if (n["t"] == "Div")
      for (const auto& kv : n["c"][0][2])
        if (kv[0] == "custom-style") styles.insert(kv[1].get<std::string>());
    if (n["t"] == "Table" && n["c"][2].size() == 4 && n["c"][2][0][1] == pandoc::node("ColWidth", 0.4)) milestones = true;
  });
  EXPECT_TRUE(milestones);
  for (const char* s : {docx::styles::kCoverLine, docx::styles::kDraftMark, docx::styles::kContentsHeading,
                        docx::styles::kContentsEntry, docx::styles::kIndexEntry, docx::styles::kIndexDetail,
                        docx::styles::kAfterTable})
    EXPECT_TRUE(styles.count(s)) << s;
}

}  // namespace
}  // namespace renaksi
