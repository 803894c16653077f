// The load pass on hostile plan folders (issue 9): what is not a regular file, endless or huge
// input, loops of links, text that is not UTF-8, hostile file names, numbers and years out of
// range. Each must be one diagnostic with its exact code and place, in bounded time.
#include <gtest/gtest.h>

#include "driver/pipeline.h"
#include "env/limits.h"
#include "load/hostile_test.h"
#include "support/build.h"
#include "load/loader.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::bounded;
using testing::line_col_of;
using testing::located_codes;
using testing::PlanDir;
using testing::printed;

struct Loaded {
  LoadResult result;
  Diagnostics diags;
};

Loaded load(const PlanDir& dir, const std::vector<fs::path>& fifos = {}) {
  return bounded(
      [&] {
        Loaded l;
        l.result = load_plan(dir.path(), l.diags);
        return l;
      },
      fifos);
}

// The load and check passes, as `renaksi check` runs them.
Diagnostics check(const PlanDir& dir) {
  return bounded([&] {
    return testing::plan_through(dir.path(), "check").diags;
  });
}

void expect_one_line_each(const Diagnostics& diags) {
  for (const auto& d : diags.all()) {
    EXPECT_EQ(d.str().find('\n'), std::string::npos) << d.str();
    EXPECT_EQ(d.str().find('\r'), std::string::npos) << d.str();
    EXPECT_EQ(d.str().find('\x1b'), std::string::npos) << d.str();
  }
}

// A second commitment file (02.xml) that is not a regular file, last in the folder, so nothing
// after it could carry the error: exactly one diagnostic, and the first commitment still loads.
void expect_second_commitment_refused(const Loaded& l, const PlanDir& dir, const std::string& code,
                                      const std::string& reason) {
  EXPECT_EQ(located_codes(l.diags, dir.path()), (std::set<std::string>{"commitments/02.xml:0:0 " + code}))
      << printed(l.diags);
  ASSERT_EQ(l.diags.all().size(), 1u);
  EXPECT_EQ(l.diags.all().front().severity, Severity::Error);
  EXPECT_NE(l.diags.all().front().message.find(reason), std::string::npos) << l.diags.all().front().message;
  EXPECT_FALSE(l.result.all_commitments_ok);
  EXPECT_EQ(l.result.plan.commitments.size(), 1u);
  expect_one_line_each(l.diags);
}

TEST(LoadHostile, CommitmentThatIsAFolderIsL001) {
  PlanDir dir("load-folder");
  fs::create_directory(dir / "commitments/02.xml");
  expect_second_commitment_refused(load(dir), dir, "L001", "is a folder");
}

TEST(LoadHostile, CommitmentThatIsADanglingLinkIsL001) {
  PlanDir dir("load-dangling");
  fs::create_symlink("nowhere.xml", dir / "commitments/02.xml");
  expect_second_commitment_refused(load(dir), dir, "L001", "is a link to nothing (nowhere.xml)");
}

TEST(LoadHostile, CommitmentThatIsAFifoIsL001WithoutBlocking) {
  PlanDir dir("load-fifo");
  ASSERT_EQ(::mkfifo((dir / "commitments/02.xml").c_str(), 0600), 0);
  const auto start = std::chrono::steady_clock::now();
  Loaded l = load(dir, {dir / "commitments/02.xml"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  expect_second_commitment_refused(l, dir, "L001", "is a FIFO");
}

TEST(LoadHostile, CommitmentThatIsALinkToDevZeroIsL006) {
  PlanDir dir("load-devzero");
  fs::create_symlink("/dev/zero", dir / "commitments/02.xml");
  expect_second_commitment_refused(load(dir), dir, "L006", "is a device");
}

TEST(LoadHostile, CommitmentThatIsALoopOfLinksIsL001) {
  PlanDir dir("load-loop");
  fs::create_symlink("02.xml", dir / "commitments/02.xml");
  expect_second_commitment_refused(load(dir), dir, "L001", "is a loop of symbolic links");
}

TEST(LoadHostile, TwoLinksToEachOtherAreL001Each) {
  PlanDir dir("load-loop2");
  fs::create_symlink("03.xml", dir / "commitments/02.xml");
  fs::create_symlink("02.xml", dir / "commitments/03.xml");
  Loaded l = load(dir);
  EXPECT_EQ(located_codes(l.diags, dir.path()),
            (std::set<std::string>{"commitments/02.xml:0:0 L001", "commitments/03.xml:0:0 L001"}))
      << printed(l.diags);
}

TEST(LoadHostile, CommitmentLargerThanTheBoundIsL006) {
  PlanDir dir("load-large");
  {
    std::ofstream out(dir / "commitments/02.xml", std::ios::binary);
    out << std::string(limits::kMaxInputFileBytes + 1, ' ');
  }
  expect_second_commitment_refused(load(dir), dir, "L006", "is larger than 16 MiB");
}

TEST(LoadHostile, CommitmentsFolderThatIsAFileIsL001) {
  PlanDir dir("load-commitments-file");
  fs::remove_all(dir / "commitments");
  testing::write_text(dir / "commitments", "not a folder");
  Loaded l = load(dir);
  EXPECT_EQ(located_codes(l.diags, dir.path()), (std::set<std::string>{"commitments:0:0 L001"})) << printed(l.diags);
  EXPECT_NE(l.diags.all().front().message.find("is a file, not a folder"), std::string::npos);
  EXPECT_FALSE(l.result.all_commitments_ok);
}

TEST(LoadHostile, CommitmentsFolderWithMoreEntriesThanTheBoundIsL006) {
  PlanDir dir("load-many");
  for (size_t i = 0; i < limits::kMaxFilesPerFolder; ++i)  // with 01.xml: one more than the bound
    std::ofstream(dir / "commitments" / ("x" + std::to_string(i) + ".txt"));
  Loaded l = load(dir);
  EXPECT_EQ(located_codes(l.diags, dir.path()), (std::set<std::string>{"commitments:0:0 L006"})) << printed(l.diags);
  EXPECT_TRUE(l.result.plan.commitments.empty());
  EXPECT_FALSE(l.result.all_commitments_ok);
}

TEST(LoadHostile, PlanXmlThatIsAFolderSaysSo) {
  PlanDir dir("load-plan-folder");
  fs::remove(dir / "plan.xml");
  fs::create_directory(dir / "plan.xml");
  Loaded l = load(dir);
  EXPECT_EQ(located_codes(l.diags, dir.path()), (std::set<std::string>{"plan.xml:0:0 L001"})) << printed(l.diags);
  EXPECT_EQ(l.diags.all().front().message, "cannot be read: it is a folder, not a file");
  EXPECT_FALSE(l.result.plan_file_ok);
}

TEST(LoadHostile, PlanXmlThatIsAFifoIsL001WithoutBlocking) {
  PlanDir dir("load-plan-fifo");
  fs::remove(dir / "plan.xml");
  ASSERT_EQ(::mkfifo((dir / "plan.xml").c_str(), 0600), 0);
  Loaded l = load(dir, {dir / "plan.xml"});
  EXPECT_EQ(located_codes(l.diags, dir.path()), (std::set<std::string>{"plan.xml:0:0 L001"})) << printed(l.diags);
  EXPECT_NE(l.diags.all().front().message.find("is a FIFO"), std::string::npos);
}

TEST(LoadHostile, Utf16CommitmentIsL007AtTheStart) {
  PlanDir dir("load-utf16");
  const std::string utf8 = testing::read_text(dir / "commitments/01.xml");
  std::string utf16 = "\xFF\xFE";  // little-endian, with its byte-order mark
  for (char c : utf8) utf16 += std::string{c, '\0'};  // the file is ASCII
  testing::write_text(dir / "commitments/01.xml", utf16);
  Loaded l = load(dir);
  EXPECT_EQ(located_codes(l.diags, dir.path()), (std::set<std::string>{"commitments/01.xml:1:1 L007"})) << printed(l.diags);
  EXPECT_EQ(l.diags.all().front().message, "the file is UTF-16 (little-endian); save it as UTF-8");

  // Without the mark: mostly NUL bytes.
  testing::write_text(dir / "commitments/01.xml", utf16.substr(2));
  Loaded m = load(dir);
  EXPECT_EQ(located_codes(m.diags, dir.path()), (std::set<std::string>{"commitments/01.xml:1:1 L007"})) << printed(m.diags);
  EXPECT_NE(m.diags.all().front().message.find("UTF-16"), std::string::npos);
}

TEST(LoadHostile, InvalidUtf8IsL007AtTheFirstBadByteOnOneLine) {
  PlanDir dir("load-latin1");
  std::string text = testing::read_text(dir / "commitments/01.xml");
  const std::string good = "Komitmen pertama";
  text.replace(text.find(good), good.size(), "Komitmen p\xE9rtama");
  testing::write_text(dir / "commitments/01.xml", text);
  const auto [line, col] = line_col_of(text, "\xE9");
  Loaded l = load(dir);
  EXPECT_EQ(located_codes(l.diags, dir.path()),
            (std::set<std::string>{"commitments/01.xml:" + std::to_string(line) + ":" + std::to_string(col) + " L007"}))
      << printed(l.diags);
  EXPECT_EQ(line, 3);
  EXPECT_EQ(l.diags.all().front().message,
            "the file is not UTF-8: the byte 0xE9 does not begin a UTF-8 character here; save the file as UTF-8");
  expect_one_line_each(l.diags);
}

TEST(LoadHostile, OverlongAndSurrogateSequencesAreL007) {
  for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
    PlanDir dir("load-overlong");
    std::string text = testing::read_text(dir / "commitments/01.xml");
    text.replace(text.find("First commitment"), 5, "Fi" + bad + "st");
    testing::write_text(dir / "commitments/01.xml", text);
    Loaded l = load(dir);
    ASSERT_EQ(l.diags.all().size(), 1u) << printed(l.diags);
    EXPECT_EQ(l.diags.all().front().code, Code::L007);
    EXPECT_EQ(l.diags.all().front().loc.line, 3);
  }
}

TEST(LoadHostile, FileNamesWithNewlinesAndEscapesPrintOnOneLine) {
  PlanDir dir("load-names");
  fs::create_directory(dir / "commitments/0\n2.xml");
  fs::create_directory(dir / "commitments/\x1b[31m03.xml");
  fs::create_symlink("a\nb\x1b]0;owned\x07", dir / "commitments/04.xml");
  Loaded l = load(dir);
  ASSERT_EQ(l.diags.all().size(), 3u) << printed(l.diags);
  expect_one_line_each(l.diags);
  const std::string base = printable((dir.path() / "commitments").generic_string());
  std::set<std::string> lines;
  for (const auto& d : l.diags.all()) lines.insert(d.str());
  EXPECT_EQ(lines, (std::set<std::string>{
                       base + "/0\\n2.xml: error[L001]: cannot be read: it is a folder, not a file",
                       base + "/\\x1b[31m03.xml: error[L001]: cannot be read: it is a folder, not a file",
                       base + "/04.xml: error[L001]: cannot be read: it is a link to nothing (a\\nb\\x1b]0;owned\\x07)",
                   }));
}

// The commitment file with `from` replaced by `to` (in the first place it occurs).
void edit_commitment(const PlanDir& dir, const std::string& from, const std::string& to) {
  std::string text = testing::read_text(dir / "commitments/01.xml");
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), to);
  testing::write_text(dir / "commitments/01.xml", text);
}

std::string at(const PlanDir& dir, const std::string& file, const std::string& needle, const std::string& code) {
  auto [line, col] = line_col_of(testing::read_text(dir / file), needle);
  return file + ":" + std::to_string(line) + ":" + std::to_string(col) + " " + code;
}

TEST(LoadHostile, CommitmentNumberThatWouldWrapIsC023AtTheAttribute) {
  for (const std::string number : {"4294967297", "18446744073709551617", "10000"}) {
    PlanDir dir("load-number");
    edit_commitment(dir, "number=\"1\"", "number=\"" + number + "\"");
    Diagnostics d = check(dir);
    EXPECT_EQ(located_codes(d, dir.path()), (std::set<std::string>{at(dir, "commitments/01.xml", "number=", "C023")}))
        << number << "\n" << printed(d);
    ASSERT_FALSE(d.all().empty());
    EXPECT_NE(d.all().front().message.find("from 1 to 9999"), std::string::npos) << d.all().front().message;
  }
}

TEST(LoadHostile, CommitmentNumberTooLongForTheSchemaIsL003AndNothingElse) {
  // libxml2's positiveInteger refuses more than 24 digits itself; no "commitment 0" follows.
  PlanDir dir("load-number-long");
  edit_commitment(dir, "number=\"1\"", "number=\"99999999999999999999999999\"");
  Diagnostics d = check(dir);
  std::set<std::string> codes;
  for (const auto& x : d.all()) codes.insert(std::string(code_id(x.code)));
  EXPECT_EQ(codes, (std::set<std::string>{"L003"})) << printed(d);
}

TEST(LoadHostile, CommitmentNumberAtTheBoundLoads) {
  PlanDir dir("load-number-max");
  edit_commitment(dir, "number=\"1\"", "number=\"9999\"");
  Diagnostics diags;
  LoadResult r = load_plan(dir.path(), diags);
  for (const auto& d : diags.all()) ADD_FAILURE() << d.str();
  ASSERT_EQ(r.plan.commitments.size(), 1u);
  EXPECT_EQ(r.plan.commitments.front().number, 9999);
}

TEST(LoadHostile, HugeParticipantCountIsC023AtTheAttribute) {
  PlanDir dir("load-participants");
  std::string text = testing::read_text(dir / "plan.xml");
  text.replace(text.find("total=\"10\""), 10, "total=\"18446744073709551617\"");
  testing::write_text(dir / "plan.xml", text);
  Diagnostics d = check(dir);
  EXPECT_EQ(located_codes(d, dir.path()), (std::set<std::string>{at(dir, "plan.xml", "total=", "C023")})) << printed(d);
}

TEST(LoadHostile, YearsOutsideTheRangeAreC023AtTheAttribute) {
  for (const auto& [from, to, needle] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"start=\"2019-01-01\" end=\"2020-06-30\"", "start=\"0000-01-01\" end=\"2020-06-30\"", "start="},
           {"start=\"2019-01-01\" end=\"2020-06-30\"", "start=\"2019-01-01\" end=\"9999-12-31\"", "end="},
           {"start=\"2019-01-01\" end=\"2020-06-30\"", "start=\"1899-12-31\" end=\"2020-06-30\"", "start="}}) {
    PlanDir dir("load-year");
    edit_commitment(dir, from, to);
    Diagnostics d = check(dir);
    EXPECT_EQ(located_codes(d, dir.path()), (std::set<std::string>{at(dir, "commitments/01.xml", needle, "C023")}))
        << to << "\n" << printed(d);
  }
}

TEST(LoadHostile, YearsAtTheEndsOfTheRangeAreAccepted) {
  PlanDir dir("load-year-ends");
  std::string plan = testing::read_text(dir / "plan.xml");
  plan.replace(plan.find("<period start=\"2019-01-01\" end=\"2020-12-31\"/>"), 45,
               "<period start=\"1900-01-01\" end=\"2200-12-31\"/>");
  testing::write_text(dir / "plan.xml", plan);
  Diagnostics d = check(dir);
  for (const auto& x : d.all()) ADD_FAILURE() << x.str();
}

}  // namespace
}  // namespace renaksi
