// What goes wrong around Pandoc is a clear diagnostic (D001-D004), never a broken file; the
// build date reaches Pandoc as SOURCE_DATE_EPOCH.
#include <gtest/gtest.h>

#include "emit/docx/docx_pass.h"
#include "emit/docx/editions.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

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

Outcome run(const Env& env) {
  Outcome r;
  r.bytes = docx_of(testing::edition("nap-2018-2020", "en"), {}, env, r.diags);
  return r;
}

void expect_error(const Outcome& r, Code code, const std::string& says) {
  EXPECT_TRUE(r.bytes.empty());
  ASSERT_EQ(r.diags.all().size(), 1u);
  const Diagnostic& d = r.diags.all().front();
  EXPECT_EQ(d.code, code) << d.str();
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.loc.file, "nap-2018-2020/nap-2018-2020.en.docx");
  EXPECT_NE(d.message.find(says), std::string::npos) << d.str();
}

TEST(DocxErrors, PandocMissingIsD001) {
  testing::TempDir dir("docx-missing");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  env.pandoc = "/no/such/pandoc";
  expect_error(run(env), Code::D001, "install the Debian package pandoc");
}

TEST(DocxErrors, PandocFailingIsD002WithItsMessage) {
  testing::TempDir dir("docx-fail");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  env.pandoc = fake_pandoc(dir, "echo 'Incompatible API versions' >&2; exit 1");
  expect_error(run(env), Code::D002, "exit 1): Incompatible API versions");
}

TEST(DocxErrors, OutputThatIsNotAZipIsD002) {
  testing::TempDir dir("docx-notzip");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  env.pandoc = fake_pandoc(dir, "cat");
  expect_error(run(env), Code::D002, "not a DOCX");
}

TEST(DocxErrors, PandocTooSlowIsD003) {
  testing::TempDir dir("docx-slow");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  env.pandoc = fake_pandoc(dir, "sleep 20");
  env.pandoc_timeout = 300ms;
  testing::edition("nap-2018-2020", "en");  // composed before the clock starts
  auto start = std::chrono::steady_clock::now();
  expect_error(run(env), Code::D003, "did not finish");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(DocxErrors, AMissingReferenceDocumentIsD004) {
  testing::TempDir dir("docx-noref");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  env.data_dir = dir.path();
  expect_error(run(env), Code::D004, "layouts/reference.docx");
}

TEST(DocxErrors, PandocGetsTheBuildDateAndTheReferenceDocument) {
  testing::TempDir dir("docx-env");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  env.pandoc = fake_pandoc(dir, "printf 'PK\\003\\004 %s %s' \"$SOURCE_DATE_EPOCH\" \"$*\"");
  Outcome r = run(env);
  EXPECT_TRUE(r.diags.all().empty());
  EXPECT_EQ(r.bytes, std::string("PK\x03\x04 ") + std::to_string(testing::kEpoch) + " -f json -t docx --reference-doc=" +
                         env.reference_docx().string() + " -o -");
}

TEST(DocxErrors, OnlyTheFailingEditionIsReportedAndMissing) {
  testing::TempDir dir("docx-partial");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  // Fails for the English edition only (its JSON carries "lang":…"en").
  env.pandoc = fake_pandoc(dir, "if grep -q '\"c\":\"en\",\"t\":\"MetaString\"'; then exit 3; fi; printf 'PK\\003\\004'");
  Outputs outputs;
  Diagnostics diags;
  DocxStats stats = emit_docxs(testing::composed_plan("nap-2018-2020").documents, {}, env, outputs, diags);
  EXPECT_EQ(stats.editions, 1u);
  EXPECT_TRUE(outputs.has("nap-2018-2020/nap-2018-2020.id.docx"));
  EXPECT_FALSE(outputs.has("nap-2018-2020/nap-2018-2020.en.docx"));
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.all().front().code, Code::D002);
}

}  // namespace
}  // namespace renaksi
