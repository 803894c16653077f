// The build's date is stamped into a DOCX after Pandoc: the bytes are those Pandoc gives when it
// is run with the date itself, and the cached DOCX holds no date, so a warm build on another day
// (or without SOURCE_DATE_EPOCH) starts no Pandoc.
#include "emit/docx/stamp_date.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "emit/docx/docx_pass.h"
#include "emit/docx/editions.h"
#include "emit/docx/update_fields.h"
#include "emit/docx/zip_entries.h"
#include "env/process.h"
#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

bool have_pandoc() { return testing::run_shell("command -v pandoc").exit_code == 0; }

// What the DOCX pass gave before the stamp: Pandoc run with SOURCE_DATE_EPOCH=`epoch`, Word
// asked to update the fields.
std::string pandoc_with_date(const doc::Document& d, std::int64_t epoch) {
  const Env env = testing::docx_env();
  ProcessResult r = run_process({"pandoc", "-f", "json", "-t", "docx", "--reference-doc=" + env.reference_docx().string(), "-o", "-"},
                                docx_pandoc_input(d, {}), env.pandoc_timeout, {"SOURCE_DATE_EPOCH=" + std::to_string(epoch)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return docx::with_update_fields(r.out).value_or("");
}

// A stand-in for Pandoc: a shell script with the given body.
std::string fake_pandoc(const testing::TempDir& dir, const std::string& name, const std::string& body) {
  const fs::path script = dir.path() / name;
  testing::write_output(script, "#!/bin/sh\n" + body + "\n");
  fs::permissions(script, fs::perms::owner_all);
  return script.string();
}

size_t lines_in(const fs::path& p) {
  if (!fs::exists(p)) return 0;
  const std::string r = testing::file_bytes(p);
  return static_cast<size_t>(std::count(r.begin(), r.end(), '\n'));
}

TEST(DocxDate, PandocsFormsOfADate) {
  EXPECT_EQ(docx::w3c_date(1796194185), "2026-12-02T06:49:45Z");
  EXPECT_EQ(docx::w3c_date(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(docx::w3c_date(docx::kPandocEpoch), "2106-02-07T06:28:14Z");
  // DOS time keeps even seconds; dates before 1980 are its first day, as Pandoc writes them.
  EXPECT_EQ(docx::dos_date_time(1796194185), 0x5d823636u);
  EXPECT_EQ(docx::dos_date_time(1796194184), 0x5d823636u);
  EXPECT_EQ(docx::dos_date_time(0), 0x00210000u);
  EXPECT_EQ(docx::dos_date_time(315532800), 0x00210000u);
  EXPECT_TRUE(docx::can_stamp(0));
  EXPECT_TRUE(docx::can_stamp(4354819199));  // 2107-12-31T23:59:59Z
  EXPECT_FALSE(docx::can_stamp(4354819200));  // Pandoc 2.17 fails on it
  EXPECT_FALSE(docx::can_stamp(-1));
}

TEST(DocxDate, NotAZipIsNoStamp) {
  EXPECT_EQ(docx::with_date("", docx::kPandocEpoch, 0), std::nullopt);
  EXPECT_EQ(docx::with_date("PK\x03\x04 not a zip", docx::kPandocEpoch, 0), std::nullopt);
  const std::string reference = testing::file_bytes(testing::docx_env().reference_docx());
  for (size_t cut = 1; cut < reference.size(); cut += 101)
    EXPECT_EQ(docx::with_date(reference.substr(0, cut), docx::kPandocEpoch, 0), std::nullopt) << cut;
  // A DOCX without Pandoc's fixed date anywhere is left as it is.
  EXPECT_EQ(docx::with_date(reference, docx::kPandocEpoch, 1796194185), reference);
}

// The bytes are Pandoc's own for the date, from 1970 to 2107: DOS times of Pandoc's parts, the
// core properties' dates, the offsets after a part that changed size; the reference document's
// own parts keep their dates.
TEST(DocxDate, TheStampedDocxIsWhatPandocWritesWithTheDate) {
  if (!have_pandoc()) GTEST_SKIP() << "pandoc is not installed";
  const doc::Document& d = testing::small_edition();
  const std::string fixed = pandoc_with_date(d, docx::kPandocEpoch);
  ASSERT_TRUE(is_docx_zip(fixed));
  for (std::int64_t epoch : {testing::kEpoch, std::int64_t{0}, std::int64_t{315532799}, std::int64_t{315532801},
                             std::int64_t{1796194185}, std::int64_t{4354819199}}) {
    SCOPED_TRACE(epoch);
    const std::optional<std::string> stamped = docx::with_date(fixed, docx::kPandocEpoch, epoch);
    ASSERT_TRUE(stamped);
    EXPECT_TRUE(*stamped == pandoc_with_date(d, epoch)) << "the stamped DOCX differs from Pandoc's";
  }
  // The reference document's parts keep their own date (2018-01-01 00:00).
  const std::string stamped = docx::with_date(fixed, docx::kPandocEpoch, testing::kEpoch).value_or("");
  const auto dir = docx::read_zip(stamped);
  ASSERT_TRUE(dir);
  bool kept = false, set = false;
  for (const docx::ZipEntry& e : dir->entries) {
    const std::uint32_t when = docx::le32(stamped, e.central + 12);
    EXPECT_EQ(when, docx::le32(stamped, e.local + 10)) << e.name;
    kept = kept || (e.name == "docProps/app.xml" && when == 0x4c210000u);
    set = set || (e.name == "word/document.xml" && when == docx::dos_date_time(testing::kEpoch));
  }
  EXPECT_TRUE(kept);
  EXPECT_TRUE(set);
}

// The cache holds Pandoc's DOCX with the fixed date: a build on another day, or one without
// SOURCE_DATE_EPOCH, takes it from the cache and starts no Pandoc; each gets its own date.
TEST(DocxDate, AWarmBuildOnAnotherDayOrWithoutADateStartsNoPandoc) {
  if (!have_pandoc()) GTEST_SKIP() << "pandoc is not installed";
  testing::TempDir dir("docx-date");
  const fs::path runs = dir.path() / "runs";
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";
  env.source_date_epoch = std::nullopt;  // the clock's date
  env.pandoc = fake_pandoc(dir, "counting-pandoc", "echo run >>'" + runs.string() + "'; exec pandoc \"$@\"");
  const doc::Document& d = testing::small_edition();
  Diagnostics diags;
  const auto before = std::chrono::system_clock::now();
  const std::string first = docx_of(d, {}, env, diags);
  ASSERT_EQ(diags.error_count(), 0u);
  ASSERT_TRUE(is_docx_zip(first));
  ASSERT_EQ(lines_in(runs), 1u);
  // Today's date, not Pandoc's fixed one, on Pandoc's parts (word/document.xml is the third).
  const auto after = std::chrono::system_clock::now();
  const auto seconds = [](auto t) { return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count(); };
  const auto zip = docx::read_zip(first);
  ASSERT_TRUE(zip && zip->entries.size() > 2);
  const std::uint32_t when = docx::le32(first, zip->entries[2].central + 12);
  bool today = false;
  for (auto s = seconds(before); s <= seconds(after); ++s) today = today || when == docx::dos_date_time(s);
  EXPECT_TRUE(today) << std::hex << when;

  // From now on any Pandoc run fails the test.
  env.pandoc = fake_pandoc(dir, "failing-pandoc", "echo run >>'" + runs.string() + "'; exit 1");
  EXPECT_FALSE(docx_of(d, {}, env, diags).empty());
  for (std::int64_t epoch : {testing::kEpoch, testing::kEpoch + 86400, std::int64_t{1796194185}}) {
    env.source_date_epoch = epoch;
    const std::string bytes = docx_of(d, {}, env, diags);
    EXPECT_TRUE(bytes == pandoc_with_date(d, epoch)) << epoch;
  }
  EXPECT_EQ(diags.error_count(), 0u);
  EXPECT_EQ(lines_in(runs), 1u);
}

// A DOCX the stamp cannot read (here docProps/core.xml flagged with a data descriptor, which
// Pandoc never writes) is not published with Pandoc's fixed date: Pandoc writes the edition
// again with the build's date.
TEST(DocxDate, ADocxTheStampCannotReadIsWrittenAgainWithTheDate) {
  testing::TempDir dir("docx-date-fallback");
  Env env = testing::docx_env();
  env.cache_dir = dir.path() / "cache";
  std::string odd = testing::file_bytes(env.reference_docx());
  const auto zip = docx::read_zip(odd);
  ASSERT_TRUE(zip);
  bool flagged = false;
  for (const docx::ZipEntry& e : zip->entries)
    if (e.name == "docProps/core.xml") {
      docx::put16(odd, e.local + 6, docx::le16(odd, e.local + 6) | 0x0008);
      flagged = true;
    }
  ASSERT_TRUE(flagged);
  ASSERT_TRUE(is_docx_zip(odd));
  testing::write_output(dir.path() / "odd.docx", odd);
  const fs::path seen = dir.path() / "seen";
  env.pandoc = fake_pandoc(dir, "pandoc", "cat >/dev/null; echo \"$SOURCE_DATE_EPOCH\" >>'" + seen.string() + "'; cat '" +
                                              (dir.path() / "odd.docx").string() + "'");
  Diagnostics diags;
  const std::string bytes = docx_of(testing::small_edition(), {}, env, diags);
  EXPECT_EQ(diags.error_count(), 0u);
  EXPECT_EQ(bytes, docx::with_update_fields(odd).value_or(""));
  EXPECT_EQ(testing::file_bytes(seen), std::to_string(docx::kPandocEpoch) + "\n" + std::to_string(testing::kEpoch) + "\n");
}

}  // namespace
}  // namespace renaksi
