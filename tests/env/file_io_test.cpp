// Tests of replace_file: a file replaced whole through a temporary file beside it, never half,
// with nothing left behind and the failing step named when it cannot be.
#include "env/file_io.h"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <csignal>
#include <fstream>

#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

std::string bytes_of(const fs::path& p) { return testing::file_bytes(p); }

size_t entries_in(const fs::path& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(ReplaceFile, WritesANewFileAndReplacesAnOldOneLeavingNoTemporary) {
  testing::TempDir dir("replace-file");
  const fs::path target = dir.path() / "out.xml";
  std::string why;
  ASSERT_TRUE(replace_file(target, std::string("new\0bytes", 9), why)) << why;
  EXPECT_EQ(bytes_of(target), std::string("new\0bytes", 9));
  ASSERT_TRUE(replace_file(target, "second", why)) << why;
  EXPECT_EQ(bytes_of(target), "second");
  ASSERT_TRUE(replace_file(target, "unflushed", why, Flush::Skip)) << why;  // a cache entry's way
  EXPECT_EQ(bytes_of(target), "unflushed");
  ASSERT_TRUE(replace_file(target, "", why)) << why;
  EXPECT_EQ(bytes_of(target), "");
  EXPECT_EQ(fs::file_size(target), 0u);
  EXPECT_EQ(entries_in(dir.path()), 1u);
  EXPECT_EQ(why, "");
}

TEST(ReplaceFile, ReplacesALinkItselfNeverWhatItPointsTo) {
  testing::TempDir dir("replace-link");
  std::ofstream(dir.path() / "elsewhere") << "keep";
  fs::create_symlink("elsewhere", dir.path() / "out");
  std::string why;
  ASSERT_TRUE(replace_file(dir.path() / "out", "new", why)) << why;
  EXPECT_FALSE(fs::is_symlink(dir.path() / "out"));
  EXPECT_EQ(bytes_of(dir.path() / "out"), "new");
  EXPECT_EQ(bytes_of(dir.path() / "elsewhere"), "keep");
  EXPECT_EQ(entries_in(dir.path()), 2u);
}

TEST(ReplaceFile, AFolderThatIsNotThereIsNamedWithTheTemporaryFile) {
  testing::TempDir dir("replace-nofolder");
  const fs::path target = dir.path() / "absent" / "out";
  std::string why;
  EXPECT_FALSE(replace_file(target, "x", why));
  const std::string prefix = "cannot create " + target.generic_string() + ".tmp.";
  EXPECT_EQ(why.substr(0, prefix.size()), prefix) << why;
  EXPECT_TRUE(why.ends_with(": No such file or directory")) << why;
  EXPECT_EQ(entries_in(dir.path()), 0u);
}

TEST(ReplaceFile, ARenameThatFailsRemovesTheTemporaryFile) {
  testing::TempDir dir("replace-rename");
  const fs::path target = dir.path() / "taken";
  fs::create_directories(target / "inside");
  std::string why;
  EXPECT_FALSE(replace_file(target, "x", why));
  const std::string prefix = "cannot rename " + target.generic_string() + ".tmp.";
  EXPECT_EQ(why.substr(0, prefix.size()), prefix) << why;
  EXPECT_NE(why.find(" to " + target.generic_string() + ": Is a directory"), std::string::npos) << why;
  EXPECT_TRUE(fs::is_directory(target / "inside"));
  EXPECT_EQ(entries_in(dir.path()), 1u);  // the folder only: the temporary file is gone
}

TEST(ReplaceFile, AWriteThatFailsLeavesTheOldFileAndNoTemporary) {
  testing::TempDir dir("replace-full");
  const fs::path target = dir.path() / "out";
  std::ofstream(target) << "old";
  // A file-size limit of 4 bytes stands for a full disk: the write fails with EFBIG (the signal
  // it would raise is ignored for the call), and the limit is restored at once.
  struct rlimit before {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &before), 0);
  auto* previous = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = before;
  small.rlim_cur = 4;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string why;
  const bool ok = replace_file(target, "more than four bytes", why);
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &before), 0);
  std::signal(SIGXFSZ, previous);
  EXPECT_FALSE(ok);
  const std::string prefix = "cannot write " + target.generic_string() + ".tmp.";
  EXPECT_EQ(why.substr(0, prefix.size()), prefix) << why;
  EXPECT_TRUE(why.ends_with(": File too large")) << why;
  EXPECT_EQ(bytes_of(target), "old");
  EXPECT_EQ(entries_in(dir.path()), 1u);
}

}  // namespace
}  // namespace renaksi
