// What goes wrong around a Word edition is a clear diagnostic (D002, D004), never a broken
// file; no Pandoc is started for one.
#include <gtest/gtest.h>

#include <fstream>

#include "emit/docx/docx_pass.h"
#include "emit/docx/editions.h"
#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

// A stand-in for Pandoc: a shell script with the given body.
std::string fake_pandoc(const testing::TempDir& dir, const std::string& body) {
  const fs::path script = dir.path() / "pandoc";
  testing::write_output(script, "#!/bin/sh\n" + body + "\n");
  fs::permissions(script, fs::perms::owner_all);
  return script.string();
}

struct Outcome {
  std::string bytes;
  Diagnostics diags;
};

// The small English edition (the check base plan's) through docx_of with `env`.
Outcome run(const Env& env) {
  Outcome r;
  r.bytes = docx_of(testing::small_edition(), {}, env, r.diags);
  return r;
}

std::string bytes_of(const fs::path& p) { return testing::file_bytes(p); }

void expect_error(const Outcome& r, Code code, const std::string& says) {
  EXPECT_TRUE(r.bytes.empty());
  ASSERT_EQ(r.diags.all().size(), 1u);
  const Diagnostic& d = r.diags.all().front();
  EXPECT_EQ(d.code, code) << d.str();
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.loc.file, "fixture-plan/fixture-plan.en.docx");
  EXPECT_NE(d.message.find(says), std::string::npos) << d.str();
}

TEST(DocxErrors, NoPandocIsStartedForAWordEdition) {
  testing::TempDir dir("docx-nopandoc");
  Env env = testing::docx_env();
  env.pandoc = fake_pandoc(dir, "echo run >>'" + (dir.path() / "runs").string() + "'; exit 1");
  Outcome r = run(env);
  EXPECT_TRUE(r.diags.all().empty());
  EXPECT_TRUE(is_docx_zip(r.bytes));
  EXPECT_FALSE(fs::exists(dir.path() / "runs"));
}

TEST(DocxErrors, AMissingReferenceDocumentIsD004) {
  testing::TempDir dir("docx-noref");
  Env env = testing::docx_env();
  env.data_dir = dir.path();
  expect_error(run(env), Code::D004, "layouts/reference.docx");
}

TEST(DocxErrors, AReferenceDocumentThatIsNotAFileOrTooLargeIsD004) {
  testing::TempDir dir("docx-badref");
  Env env = testing::docx_env();
  env.data_dir = dir.path();
  const std::string reference = (dir.path() / "layouts" / "reference.docx").generic_string();
  // A folder in its place reads as missing, as it always has.
  fs::create_directories(env.reference_docx());
  Outcome r = run(env);
  expect_error(r, Code::D004,
               "the Word reference document " + reference +
                   " is missing; it is kept in layouts/ (scripts/make-reference-docx regenerates it)");
  // One over the bound every file read has (a sparse file: no disk used) names the bound.
  fs::remove(env.reference_docx());
  { std::ofstream(env.reference_docx()) << ""; }
  fs::resize_file(env.reference_docx(), limits::kMaxInputFileBytes + 1);
  r = run(env);
  expect_error(r, Code::D004,
               "the Word reference document " + reference +
                   " is larger than 16 MiB, more than renaksi reads; it is kept in layouts/");
}

TEST(DocxErrors, AReferenceDocumentThatIsNotAWordFileIsD002) {
  testing::TempDir dir("docx-notdocx");
  Env env = testing::docx_env();
  const std::string good = bytes_of(env.reference_docx());
  env.data_dir = dir.path();
  fs::create_directories(dir.path() / "layouts");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"text", "not a zip at all"},
      {"cut in half", good.substr(0, good.size() / 2)},
      {"an empty file", ""},
  };
  for (const auto& [what, bytes] : cases) {
    SCOPED_TRACE(what);
    testing::write_output(env.reference_docx(), bytes);
    expect_error(run(env), Code::D002, "the DOCX edition cannot be written from the Word reference document");
  }
  // A ZIP without its content types (the entry renamed where the archive names it): said so.
  std::string renamed = good;
  for (size_t at = 0; (at = renamed.find("[Content_Types].xml", at)) != std::string::npos;) renamed[at++ + 9] = 'z';
  testing::write_output(env.reference_docx(), renamed);
  expect_error(run(env), Code::D002, "it has no [Content_Types].xml");
}

TEST(DocxErrors, OnlyTheEditionsWithAnErrorAreReportedAndMissing) {
  testing::TempDir dir("docx-partial");
  Env env = testing::docx_env();
  env.data_dir = dir.path();  // no reference document: every Word edition fails, alone
  Outputs outputs;
  Diagnostics diags;
  DocxStats stats = emit_docxs(testing::composed_plan("nap-2018-2020").documents, {}, env, outputs, diags);
  EXPECT_EQ(stats.editions, 0u);
  EXPECT_FALSE(outputs.has("nap-2018-2020/nap-2018-2020.id.docx"));
  EXPECT_FALSE(outputs.has("nap-2018-2020/nap-2018-2020.en.docx"));
  ASSERT_EQ(diags.error_count(), 2u);  // one per language edition; the bilingual one has none
  EXPECT_EQ(diags.all().front().code, Code::D004);
}

TEST(DocxZip, OnlyAWholeZipListingTheDocumentPasses) {
  const std::string docx = bytes_of(testing::docx_env().reference_docx());
  EXPECT_TRUE(is_docx_zip(docx));
  EXPECT_FALSE(is_docx_zip(""));
  EXPECT_FALSE(is_docx_zip("PK\x03\x04"));
  for (size_t cut = 1; cut < docx.size(); cut += 97) EXPECT_FALSE(is_docx_zip(docx.substr(0, cut))) << cut;
  EXPECT_FALSE(is_docx_zip(docx + "x"));
  // Without word/document.xml (its name changed in the central directory).
  std::string renamed = docx;
  const size_t at = renamed.rfind("word/document.xml");
  ASSERT_NE(at, std::string::npos);
  renamed[at] = 'W';
  EXPECT_FALSE(is_docx_zip(renamed));
  // The end record pointing outside the file.
  std::string bad = docx;
  bad[bad.size() - 6] = '\xff';
  EXPECT_FALSE(is_docx_zip(bad));
}

}  // namespace
}  // namespace renaksi
