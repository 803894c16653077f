// Tests of read_file: only regular files, bounded, never blocking, with the reason.
#include "env/read_file.h"

#include <gtest/gtest.h>

#include "load/hostile_test.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

TEST(ReadFile, ReadsARegularFileAndAFileThroughALink) {
  TempDir dir("read-regular");
  testing::write_text(dir.path() / "a.xml", "<x/>");
  fs::create_symlink("a.xml", dir.path() / "link.xml");
  std::string out = "stale";
  ReadResult r = read_file(dir.path() / "a.xml", out);
  EXPECT_TRUE(r);
  EXPECT_EQ(out, "<x/>");
  EXPECT_TRUE(read_file(dir.path() / "link.xml", out));
  EXPECT_EQ(out, "<x/>");
  testing::write_text(dir.path() / "empty.xml", "");
  EXPECT_TRUE(read_file(dir.path() / "empty.xml", out));
  EXPECT_EQ(out, "");
}

TEST(ReadFile, RefusesWhatIsNotARegularFileWithItsReason) {
  TempDir dir("read-refuse");
  fs::create_directory(dir.path() / "folder");
  fs::create_symlink("nothing", dir.path() / "dangling");
  fs::create_symlink("loop", dir.path() / "loop");
  fs::create_symlink("/dev/zero", dir.path() / "zero");
  ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0600), 0);
  struct Case {
    std::string name;
    ReadFailure failure;
    std::string reason;
    bool too_large;
  };
  const std::vector<Case> cases = {
      {"folder", ReadFailure::Folder, "is a folder, not a file", false},
      {"dangling", ReadFailure::DanglingLink, "is a link to nothing (nothing)", false},
      {"loop", ReadFailure::LinkLoop, "is a loop of symbolic links", false},
      {"zero", ReadFailure::Device, "is a device, not a file (renaksi reads only regular files, at most 16 MiB)", true},
      {"fifo", ReadFailure::Fifo, "is a FIFO (named pipe), not a file", false},
      {"missing", ReadFailure::Missing, "does not exist", false},
  };
  for (const auto& c : cases) {
    std::string out = "stale";
    ReadResult r = testing::bounded([&] { return read_file(dir.path() / c.name, out); }, {dir.path() / "fifo"},
                                    std::chrono::seconds(10));
    EXPECT_FALSE(r) << c.name;
    EXPECT_EQ(r.failure, c.failure) << c.name;
    EXPECT_EQ(r.reason, c.reason) << c.name;
    EXPECT_EQ(r.too_large(), c.too_large) << c.name;
    EXPECT_TRUE(out.empty()) << c.name;
  }
}

TEST(ReadFile, ReadsAtMostTheBound) {
  TempDir dir("read-bound");
  testing::write_text(dir.path() / "ten", "0123456789");
  std::string out;
  EXPECT_TRUE(read_file(dir.path() / "ten", out, 10));
  EXPECT_EQ(out, "0123456789");
  ReadResult r = read_file(dir.path() / "ten", out, 9);
  EXPECT_EQ(r.failure, ReadFailure::TooLarge);
  EXPECT_EQ(r.reason, "is larger than 9 bytes, more than renaksi reads");
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(describe_size(limits::kMaxInputFileBytes), "16 MiB");
}

TEST(ReadFile, EndlessInputThroughProcIsCutAtTheBound) {
  // /proc files report size 0 and are read until they end; the bound still holds.
  std::string out;
  ReadResult r = read_file("/proc/self/status", out, 16);
  EXPECT_EQ(r.failure, ReadFailure::TooLarge);
  EXPECT_TRUE(out.empty());
}

TEST(ReadFileHead, ReadsOnlyTheHeadOfALongerFile) {
  TempDir dir("read-head");
  testing::write_text(dir.path() / "ten", "0123456789");
  std::string out = "stale";
  EXPECT_TRUE(read_file_head(dir.path() / "ten", out, 4));
  EXPECT_EQ(out, "0123");
  EXPECT_TRUE(read_file_head(dir.path() / "ten", out, 10));
  EXPECT_EQ(out, "0123456789");
  EXPECT_TRUE(read_file_head(dir.path() / "ten", out, 4096));
  EXPECT_EQ(out, "0123456789");
  EXPECT_TRUE(read_file_head(dir.path() / "ten", out, 0));
  EXPECT_EQ(out, "");
  // Endless input is cut at the bound without failing.
  ReadResult r = read_file_head("/proc/self/status", out, 5);
  EXPECT_TRUE(r);
  EXPECT_EQ(out, "Name:");
}

TEST(ReadFileHead, RefusesWhatIsNotARegularFileAsReadFileDoes) {
  TempDir dir("read-head-refuse");
  fs::create_directory(dir.path() / "folder");
  fs::create_symlink("/dev/zero", dir.path() / "zero");
  ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0600), 0);
  std::string out;
  EXPECT_EQ(read_file_head(dir.path() / "folder", out, 16).failure, ReadFailure::Folder);
  EXPECT_EQ(read_file_head(dir.path() / "zero", out, 16).failure, ReadFailure::Device);
  ReadResult r = testing::bounded([&] { return read_file_head(dir.path() / "fifo", out, 16); }, {dir.path() / "fifo"},
                                  std::chrono::seconds(10));
  EXPECT_EQ(r.failure, ReadFailure::Fifo);
  EXPECT_EQ(read_file_head(dir.path() / "missing", out, 16).failure, ReadFailure::Missing);
  EXPECT_TRUE(out.empty());
}

TEST(ReadFile, RefusingLinksNeverOpensThemNorWhatIsNotAFile) {
  TempDir dir("read-nofollow");
  testing::write_text(dir.path() / "a", "bytes");
  fs::create_symlink("a", dir.path() / "link");
  fs::create_symlink("/dev/zero", dir.path() / "zero");
  ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0600), 0);
  std::string out;
  EXPECT_TRUE(read_file(dir.path() / "a", out, 100, Links::Refuse));
  EXPECT_EQ(out, "bytes");
  for (const char* link : {"link", "zero"}) {
    ReadResult r = read_file(dir.path() / link, out, 100, Links::Refuse);
    EXPECT_EQ(r.failure, ReadFailure::Link) << link;
    EXPECT_EQ(r.reason, "is a symbolic link, which renaksi does not follow here") << link;
    EXPECT_TRUE(out.empty());
  }
  ReadResult r = testing::bounded([&] { return read_file(dir.path() / "fifo", out, 100, Links::Refuse); },
                                  {dir.path() / "fifo"}, std::chrono::seconds(10));
  EXPECT_EQ(r.failure, ReadFailure::Fifo);
  EXPECT_EQ(read_file(dir.path() / "missing", out, 100, Links::Refuse).failure, ReadFailure::Missing);
  EXPECT_EQ(read_file_head(dir.path() / "link", out, 100, Links::Refuse).failure, ReadFailure::Link);
}

}  // namespace
}  // namespace renaksi
