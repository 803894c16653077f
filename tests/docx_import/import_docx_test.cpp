// `renaksi import`: the written template, filled programmatically, imports to the expected
// commitment; a real-looking filled form (extra rows, a merged cell, bullets, links, a missing
// section, organisations the plan has and has not) imports with the right warnings.
#include "docx_import/import_docx.h"

#include <gtest/gtest.h>

#include <fstream>

#include "docx_import/docx_fixtures.h"
#include "docx_import/template_writer.h"
#include "emit/docx/pandoc_nodes.h"
#include "load/loader.h"
#include "support/golden.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string template_of(const std::string& profile_id, const std::string& lang) {
  const Env env = testing::import_env();
  Diagnostics diags;
  auto profile = load_template_profile(env.data_dir, profile_id, {}, diags);
  auto cat = Catalogue::load(catalogue_path(env.data_dir, lang), lang, diags);
  if (!profile || !cat) return {};
  return docx_import::template_docx(*profile, *cat, env, "t.docx", diags);
}

struct Imported {
  bool ok = false;
  docx_import::ImportedCommitment commitment;
  Diagnostics diags;
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) out.push_back(d.str());
    return out;
  }
  size_t count(Code c) const {
    size_t n = 0;
    for (const auto& d : diags.all()) n += d.code == c;
    return n;
  }
  bool says(Code c, const std::string& words) const {
    for (const auto& d : diags.all())
      if (d.code == c && d.message.find(words) != std::string::npos) return true;
    return false;
  }
};

Imported import_bytes(const std::string& docx, const Plan* plan, const testing::TempDir& dir) {
  const fs::path file = dir.path() / "proposal.docx";
  { std::ofstream(file, std::ios::binary) << docx; }
  Imported r;
  docx_import::ImportContext context;
  const Env env = testing::import_env();
  r.ok = docx_import::import_context(plan, env, r.diags, context) &&
         docx_import::import_docx(file, context, env, r.diags, r.commitment);
  return r;
}

TEST(ImportDocx, TheFilledOgiTemplateImportsToTheExpectedCommitment) {
  json ast = testing::docx_to_json(template_of("ogi-2018", "en"));
  testing::fill_rows(ast, {{"Title of the commitment", "Open budget data for villages"},
                           {"Start date (YYYY-MM-DD)", "2024-01-01"},
                           {"End date (YYYY-MM-DD)", "2025-12-31"},
                           {"B. What is the public problem that the commitment will address?", "Village budgets are not published."},
                           {"C. What is the commitment?", "Publish every village budget as open data."},
                           {"D. How will the commitment contribute to solve the public problem?", "Citizens can follow the money."},
                           {"Access to information", "Budgets become public."},
                           {"Government Work Plan (RKP)", "RKP 2024, priority 5."}});
  testing::fill_grid(ast, "Milestone activity with a verifiable deliverable",
                     {{"Publish the budgets of 100 villages", "2024-01 \u2013 2024-06", "100 budgets online"}});
  testing::TempDir dir("import-ogi");
  const Imported r = import_bytes(testing::json_to_docx(ast), nullptr, dir);
  ASSERT_TRUE(r.ok) << ::testing::PrintToString(r.lines());
  EXPECT_EQ(r.commitment.profile, "ogi-2018");
  EXPECT_EQ(r.commitment.lang, "en");
  EXPECT_EQ(r.diags.warning_count(), 0u) << ::testing::PrintToString(r.lines());
  testing::expect_golden("docx_import/ogi-2018-en.xml", r.commitment.xml);
  // The file a content folder takes: valid by the loader's own schema.
  const fs::path out = dir.path() / "c.xml";
  { std::ofstream(out) << r.commitment.xml; }
  Diagnostics valid;
  EXPECT_TRUE(validate_content_file(out, DocumentKind::Commitment, valid));
}

TEST(ImportDocx, TheLanguageAndProfileAreRecognisedFromTheLabels) {
  json ast = testing::docx_to_json(template_of("ogp-2022", "id"));
  testing::fill_rows(ast, {{"Judul komitmen", "Data terbuka anggaran desa"},
                           {"1. Masalah apa yang hendak diatasi oleh komitmen ini?", "Anggaran desa tidak dipublikasikan."}});
  testing::TempDir dir("import-ogp-id");
  const Imported r = import_bytes(testing::json_to_docx(ast), nullptr, dir);
  ASSERT_TRUE(r.ok) << ::testing::PrintToString(r.lines());
  EXPECT_EQ(r.commitment.profile, "ogp-2022");
  EXPECT_EQ(r.commitment.lang, "id");
  EXPECT_NE(r.commitment.xml.find("<text xml:lang=\"id\">Data terbuka anggaran desa</text>"), std::string::npos);
}

// A form as a proposer sends it back: the Indonesian OGP 2022 form, rows added, a label merged
// over its row, bullets, a link, the commitment analysis table deleted, an organisation the
// plan has (LKPP) and one it has not.
TEST(ImportDocx, ARealLookingFormImportsWithTheRightWarnings) {
  json ast = testing::docx_to_json(template_of("ogp-2022", "id"));
  testing::fill_rows(ast, {{"Judul komitmen", "Keterbukaan kontrak pengadaan"},
                           {"Lembaga pelaksana utama", "LKPP\nYayasan Tidak Dikenal"},
                           {"1. Masalah apa yang hendak diatasi oleh komitmen ini?", "Kontrak pengadaan belum terbuka."},
                           {"2. Apa penyebab masalah tersebut?", "Penyebabnya:\n- aturan belum jelas\n- data tersebar"}});
  // The commitment analysis (values) table and its heading taken out: a missing section.
  json& blocks = ast["blocks"];
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i]["t"] != "Header") continue;
    std::string heading;
    for (const auto& in : blocks[i]["c"][2])
      if (in["t"] == "Str") heading += in["c"].get<std::string>() + " ";
    if (heading.find("Analisis") != std::string::npos) {
      if (i + 1 < blocks.size() && blocks[i + 1]["t"] == "Table") blocks.erase(i + 1);
      blocks.erase(i);
      break;
    }
  }
  // The first table gets an extra row with a label of the proposer's, and a row of one cell
  // merged over both columns; a link goes into the status quo.
  for (auto& b : blocks) {
    if (b["t"] != "Table") continue;
    json& rows = b["c"][4][0][3];
    json extra = rows[0];
    extra[1][0][4] = json::array({pandoc::plain(pandoc::text("Catatan pengusul"))});
    extra[1][1][4] = json::array({pandoc::plain(pandoc::text("Diusulkan pada rapat 3 Mei"))});
    rows.push_back(extra);
    json merged = rows[0];
    merged[1] = json::array({merged[1][0]});
    merged[1][0][3] = 2;
    merged[1][0][4] = json::array({pandoc::plain(pandoc::text("Bagian tambahan dari pengusul"))});
    rows.push_back(merged);
    break;
  }
  testing::fill_rows(ast, {{"1. Apa yang telah dilakukan sejauh ini untuk mengatasi masalah tersebut?", "Lihat LINK"}});
  for (auto& b : blocks) {
    if (b["t"] != "Table") continue;
    for (auto& body : b["c"][4])
      for (auto& row : body[3])
        for (auto& cell : row[1])
          for (auto& blk : cell[4])
            if (blk["t"] == "Para" && blk["c"].size() == 3 && blk["c"][2]["c"] == "LINK")
              blk["c"][2] = pandoc::link(pandoc::text("opentender.net"), "https://opentender.net");
  }
  Diagnostics load_diags;
  const LoadResult plan = load_plan(testing::content_dir() / "nap-2023-2024", load_diags);
  ASSERT_TRUE(plan.plan_file_ok);
  testing::TempDir dir("import-real");
  const Imported r = import_bytes(testing::json_to_docx(ast), &plan.plan, dir);
  ASSERT_TRUE(r.ok) << ::testing::PrintToString(r.lines());
  const std::string& xml = r.commitment.xml;
  EXPECT_EQ(r.commitment.lang, "id");
  EXPECT_EQ(r.commitment.number, 16);  // after the plan's last commitment, 15
  EXPECT_NE(xml.find("<organisation ref=\"lkpp\" role=\"lead\"/>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("- aturan belum jelas\n- data tersebar"), std::string::npos) << xml;
  EXPECT_NE(xml.find("[opentender.net](https://opentender.net)"), std::string::npos) << xml;
  EXPECT_TRUE(r.says(Code::I008, "Yayasan Tidak Dikenal")) << ::testing::PrintToString(r.lines());
  EXPECT_TRUE(r.says(Code::I007, "Catatan pengusul")) << ::testing::PrintToString(r.lines());
  EXPECT_TRUE(r.says(Code::I007, "table 1, row")) << ::testing::PrintToString(r.lines());
  EXPECT_TRUE(r.says(Code::I006, "Analisis Komitmen")) << ::testing::PrintToString(r.lines());
  // Every warning is also kept in the file, as a comment, so nothing is dropped unseen.
  EXPECT_NE(xml.find("Not imported: table 1, row"), std::string::npos);
}

TEST(ImportDocx, AFormWithoutTemplateLabelsIsI009) {
  const std::string docx = testing::json_to_docx(
      pandoc::document(json::object(), json::array({pandoc::para(pandoc::text("Dear secretariat, here is our idea."))})));
  testing::TempDir dir("import-none");
  const Imported r = import_bytes(docx, nullptr, dir);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.count(Code::I009), 1u) << ::testing::PrintToString(r.lines());
}

TEST(ImportDocx, AFormWithoutATitleIsI006) {
  json ast = testing::docx_to_json(template_of("ogi-2018", "en"));
  testing::fill_rows(ast, {{"C. What is the commitment?", "Something."}});
  testing::TempDir dir("import-untitled");
  const Imported r = import_bytes(testing::json_to_docx(ast), nullptr, dir);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.says(Code::I006, "title")) << ::testing::PrintToString(r.lines());
}

}  // namespace
}  // namespace renaksi
