// `renaksi template`: the form of each profile is a real Word file, in the catalogue's language,
// with the profile's labels (from the catalogue) in labelled tables.
#include "docx_import/template_writer.h"

#include <gtest/gtest.h>

#include <fstream>

#include "docx_import/docx_fixtures.h"
#include "emit/docx/docx_pass.h"
#include "env/process.h"
#include "support/paths.h"

namespace renaksi {
namespace {

std::string plain_text_of(const std::string& docx) {
  ProcessResult r = run_process({"pandoc", "-s", "-f", "docx", "-t", "plain", "--columns=200"}, docx, std::chrono::seconds(60));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

std::string written(const std::string& profile_id, const std::string& lang, Diagnostics& diags) {
  const Env env = testing::import_env();
  auto profile = load_template_profile(env.data_dir, profile_id, {}, diags);
  auto cat = Catalogue::load(catalogue_path(env.data_dir, lang), lang, diags);
  EXPECT_TRUE(profile && cat);
  if (!profile || !cat) return {};
  return docx_import::template_docx(*profile, *cat, env, "t.docx", diags);
}

TEST(TemplateWriter, OgiTemplateInIndonesianHasItsSectionsAsLabelledTables) {
  Diagnostics diags;
  const std::string docx = written("ogi-2018", "id", diags);
  ASSERT_FALSE(docx.empty()) << (diags.all().empty() ? "" : diags.all()[0].str());
  EXPECT_TRUE(is_docx_zip(docx));
  const std::string text = plain_text_of(docx);
  for (const char* label : {"Usulan komitmen", "Judul komitmen", "Tanggal mulai", "B. Apa masalah publik", "Tonggak Capaian"})
    EXPECT_NE(text.find(label), std::string::npos) << label << "\n" << text;
  // The tables: pandoc reads them back as tables.
  const auto ast = testing::docx_to_json(docx);
  int tables = 0;
  for (const auto& b : ast["blocks"]) tables += b["t"] == "Table";
  EXPECT_GE(tables, 6);
}

TEST(TemplateWriter, OgpTemplateInEnglishAsksOgpsQuestions) {
  Diagnostics diags;
  const std::string docx = written("ogp-2022", "en", diags);
  ASSERT_FALSE(docx.empty());
  const std::string text = plain_text_of(docx);
  for (const char* label : {"1. What problem does the commitment aim to address?", "2. What are the causes of the problem?",
                            "Commitment planning", "Expected completion date", "Stakeholders"})
    EXPECT_NE(text.find(label), std::string::npos) << label;
}

TEST(TemplateWriter, SameInputsGiveTheSameBytes) {
  Diagnostics a, b;
  EXPECT_EQ(written("ogp-2022", "id", a), written("ogp-2022", "id", b));
}

TEST(TemplateWriter, AMissingLabelIsI011) {
  const Env env = testing::import_env();
  Diagnostics diags;
  auto profile = load_template_profile(env.data_dir, "ogi-2018", {}, diags);
  testing::TempDir dir("template-label");
  std::filesystem::create_directories(dir.path() / "locales");
  { std::ofstream(dir.path() / "locales" / "en.json") << "{\"template.heading\": \"Form\"}\n"; }
  auto cat = Catalogue::load(catalogue_path(dir.path(), "en"), "en", diags);
  ASSERT_TRUE(profile && cat);
  EXPECT_TRUE(docx_import::template_docx(*profile, *cat, env, "t.docx", diags).empty());
  ASSERT_FALSE(diags.all().empty());
  EXPECT_EQ(diags.all().back().code, Code::I011);
}

}  // namespace
}  // namespace renaksi
