// What goes wrong around Pandoc is a clear diagnostic (D001-D004), never a broken file; Pandoc
// gets one fixed SOURCE_DATE_EPOCH (the build's date is stamped in after, stamp_date_test).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <functional>

#include "emit/docx/docx_pass.h"
#include "emit/docx/stamp_date.h"
#include "emit/docx/update_fields.h"
#include "emit/docx/editions.h"
#include "env/content_hash.h"
#include "prose/fake_pandoc.h"
#include "support/command.h"
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

// The small English edition (the check base plan's) through docx_of with `env`.
Outcome run(const Env& env, size_t max_output = limits::kMaxPandocOutputBytes) {
  Outcome r;
  r.bytes = docx_of(testing::small_edition(), {}, env, r.diags, max_output);
  return r;
}

std::string bytes_of(const fs::path& p) { return testing::file_bytes(p); }

// A stand-in that writes a real DOCX (the reference document) and counts its runs in `runs`.
std::string docx_writing_pandoc(const testing::TempDir& dir, const Env& env) {
  return fake_pandoc(dir, "cat >/dev/null; echo run >>'" + (dir.path() / "runs").string() + "'; cat '" +
                              env.reference_docx().string() + "'");
}

size_t runs(const testing::TempDir& dir) {
  const std::string r = bytes_of(dir.path() / "runs");
  return static_cast<size_t>(std::count(r.begin(), r.end(), '\n'));
}

// How long a run takes with a Pandoc that answers at once: our own work around Pandoc (the
// edition to JSON), which the sanitizers and a busy machine slow down. The time-limit tests
// allow it on top of the limit.
std::chrono::steady_clock::duration quick_run_time(const Env& env) {
  testing::TempDir dir("docx-quick");
  Env quick = env;
  quick.cache_dir = dir.path() / "cache";
  quick.pandoc = docx_writing_pandoc(dir, env);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(run(quick).bytes.empty());
  return std::chrono::steady_clock::now() - start;
}

void expect_error(const Outcome& r, Code code, const std::string& says) {
  EXPECT_TRUE(r.bytes.empty());
  ASSERT_EQ(r.diags.all().size(), 1u);
  const Diagnostic& d = r.diags.all().front();
  EXPECT_EQ(d.code, code) << d.str();
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.loc.file, "fixture-plan/fixture-plan.en.docx");
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

TEST(DocxErrors, PandocThatClosesItsPipesAndLingersIsD003AtTheLimit) {
  testing::TempDir dir("docx-linger");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";
  env.pandoc = fake_pandoc(dir, testing::fake_pandoc::kLingering);
  env.pandoc_timeout = 1000ms;
  const auto ours = quick_run_time(env);
  auto start = std::chrono::steady_clock::now();
  expect_error(run(env), Code::D003, "did not finish");
  EXPECT_LT(std::chrono::steady_clock::now() - start, ours + env.pandoc_timeout + testing::fake_pandoc::kMargin);
}

TEST(DocxErrors, EndlessOutputIsD002) {
  testing::TempDir dir("docx-endless");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";
  env.pandoc = fake_pandoc(dir, testing::fake_pandoc::kEndlessZeros);
  env.pandoc_timeout = 2000ms;
  const auto ours = quick_run_time(env);
  auto start = std::chrono::steady_clock::now();
  expect_error(run(env, 4 << 20), Code::D002, "passed 4194304 bytes");
  EXPECT_LT(std::chrono::steady_clock::now() - start, ours + env.pandoc_timeout + testing::fake_pandoc::kMargin);
}

TEST(DocxErrors, ATruncatedZipFromPandocIsD002) {
  testing::TempDir dir("docx-truncated");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";
  const std::string reference = bytes_of(env.reference_docx());
  for (size_t cut : {size_t{4}, reference.size() / 2, reference.size() - 1}) {
    env.pandoc = fake_pandoc(dir, "cat >/dev/null; head -c " + std::to_string(cut) + " '" + env.reference_docx().string() + "'");
    expect_error(run(env), Code::D002, "not a DOCX");
  }
  EXPECT_FALSE(fs::exists(env.cache_dir / "docx"));  // nothing cached
}

TEST(DocxErrors, PandocTooSlowIsD003) {
  testing::TempDir dir("docx-slow");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  env.pandoc = fake_pandoc(dir, "sleep 20");
  env.pandoc_timeout = 300ms;
  testing::small_edition();  // composed before the clock starts
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

TEST(DocxErrors, AReferenceDocumentThatIsNotAFileOrTooLargeIsD004AndRunsNoPandoc) {
  testing::TempDir dir("docx-badref");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";
  env.data_dir = dir.path();
  env.pandoc = fake_pandoc(dir, "echo run >>'" + (dir.path() / "runs").string() + "'; exit 1");
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
  EXPECT_FALSE(fs::exists(dir.path() / "runs"));
}

TEST(DocxErrors, PandocGetsTheFixedDateAndTheReferenceDocument) {
  testing::TempDir dir("docx-env");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  const fs::path seen = dir.path() / "seen";
  env.pandoc = fake_pandoc(dir, "cat >/dev/null; printf '%s %s' \"$SOURCE_DATE_EPOCH\" \"$*\" >'" + seen.string() +
                                    "'; cat '" + env.reference_docx().string() + "'");
  Outcome r = run(env);
  EXPECT_TRUE(r.diags.all().empty());
  // What Pandoc wrote, with Word asked to update its fields.
  EXPECT_EQ(r.bytes, docx::with_update_fields(bytes_of(env.reference_docx())).value_or(""));
  EXPECT_EQ(bytes_of(seen), std::to_string(docx::kPandocEpoch) + " -f json -t docx --reference-doc=" +
                                env.reference_docx().string() + " -o -");
}

TEST(DocxErrors, OnlyTheFailingEditionIsReportedAndMissing) {
  testing::TempDir dir("docx-partial");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";  // nothing cached: each test runs its Pandoc
  // Fails for the English edition only (its JSON carries "lang":…"en").
  env.pandoc = fake_pandoc(dir, "if grep -q '\"c\":\"en\",\"t\":\"MetaString\"'; then exit 3; fi; cat '" +
                                    env.reference_docx().string() + "'");
  Outputs outputs;
  Diagnostics diags;
  DocxStats stats = emit_docxs(testing::composed_plan("nap-2018-2020").documents, {}, env, outputs, diags);
  EXPECT_EQ(stats.editions, 1u);
  EXPECT_TRUE(outputs.has("nap-2018-2020/nap-2018-2020.id.docx"));
  EXPECT_FALSE(outputs.has("nap-2018-2020/nap-2018-2020.en.docx"));
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.all().front().code, Code::D002);
}

TEST(DocxCache, EveryKindOfBadEntryIsAMissAndAValidDocxIsPublished) {
  testing::TempDir dir("docx-cache");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";
  env.pandoc = docx_writing_pandoc(dir, env);
  // What Pandoc writes, with Word asked to update its fields (the table of contents).
  const std::string want = docx::with_update_fields(bytes_of(env.reference_docx())).value_or("");
  ASSERT_TRUE(is_docx_zip(want));
  Outcome first = run(env);
  ASSERT_EQ(first.bytes, want);
  ASSERT_EQ(runs(dir), 1u);
  EXPECT_EQ(run(env).bytes, want);
  ASSERT_EQ(runs(dir), 1u);  // from the cache
  ASSERT_TRUE(fs::exists(env.cache_dir / "docx"));
  const fs::path entry = fs::directory_iterator(env.cache_dir / "docx")->path();
  const std::string good = bytes_of(entry);
  auto overwrite = [&](const std::string& b) { std::ofstream(entry, std::ios::binary | std::ios::trunc) << b; };
  const std::vector<std::pair<std::string, std::function<void()>>> damages = {
      // Before: an entry cut to "PK\3\4" was published as the Word edition.
      {"the DOCX cut to its first 4 bytes", [&] { overwrite(good.substr(0, good.find('\n') + 1) + want.substr(0, 4)); }},
      {"the whole entry cut to 4 bytes", [&] { overwrite(good.substr(0, 4)); }},
      {"truncated", [&] { overwrite(good.substr(0, good.size() - 100)); }},
      {"a byte flipped",
       [&] {
         std::string b = good;
         b[b.size() / 2] ^= 0x01;
         overwrite(b);
       }},
      {"an old, headerless entry", [&] { overwrite(want); }},
      {"a good header over a truncated zip",
       [&] { ASSERT_EQ(write_cache_entry(entry, want.substr(0, want.size() - 30)), ""); }},
      {"an empty folder",
       [&] {
         fs::remove(entry);
         fs::create_directory(entry);
       }},
      {"a fifo",
       [&] {
         fs::remove(entry);
         ASSERT_EQ(::mkfifo(entry.c_str(), 0644), 0);
       }},
      {"a symlink to /dev/zero",
       [&] {
         fs::remove(entry);
         fs::create_symlink("/dev/zero", entry);
       }},
  };
  size_t expected_runs = 1;
  for (const auto& [what, damage] : damages) {
    SCOPED_TRACE(what);
    damage();
    const auto start = std::chrono::steady_clock::now();
    Outcome r = run(env);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
    EXPECT_TRUE(r.diags.all().empty());
    EXPECT_EQ(runs(dir), ++expected_runs);
    EXPECT_EQ(r.bytes, want);
    // What is published is a whole ZIP: unzip agrees.
    testing::write_output(dir.path() / "out.docx", r.bytes);
    EXPECT_EQ(testing::run_shell("unzip -tq " + testing::shell_quote((dir.path() / "out.docx").string())).exit_code, 0);
    // The entry was replaced: the next build takes it from the cache.
    EXPECT_EQ(bytes_of(entry), good);
    EXPECT_EQ(run(env).bytes, want);
    EXPECT_EQ(runs(dir), expected_runs);
  }
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
