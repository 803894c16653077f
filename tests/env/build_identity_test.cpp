// Tests of the external program's identity in the cache keys: it follows the program's file.
#include "env/build_identity.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "load/hostile_test.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

TEST(ProgramFileIdentity, ChangesWhenTheProgramIsReplacedAndFollowsLinks) {
  TempDir dir("program-identity");
  testing::write_text(dir.path() / "pandoc-3.1", "#!/bin/sh\n");
  fs::create_symlink("pandoc-3.1", dir.path() / "pandoc");
  const std::string before = program_file_identity((dir.path() / "pandoc").string());
  EXPECT_NE(before.find("pandoc-3.1"), std::string::npos) << before;  // the link's target
  EXPECT_EQ(before, program_file_identity((dir.path() / "pandoc").string()));

  // An upgrade: the link now names another, larger file.
  testing::write_text(dir.path() / "pandoc-3.2", "#!/bin/sh\n# newer\n");
  fs::remove(dir.path() / "pandoc");
  fs::create_symlink("pandoc-3.2", dir.path() / "pandoc");
  EXPECT_NE(before, program_file_identity((dir.path() / "pandoc").string()));
}

TEST(ProgramFileIdentity, LooksUpABareNameOnPathAndNamesAMissingOne) {
  TempDir dir("program-identity-path");
  testing::write_text(dir.path() / "renaksi-test-tool", "#!/bin/sh\n");
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  ASSERT_EQ(setenv("PATH", ("/nonexistent::" + dir.path().string()).c_str(), 1), 0);
  const std::string found = program_file_identity("renaksi-test-tool");
  const std::string missing = program_file_identity("renaksi-no-such-tool");
  ASSERT_EQ(setenv("PATH", saved.c_str(), 1), 0);
  EXPECT_EQ(found.rfind(fs::canonical(dir.path()).string(), 0), 0u) << found;
  EXPECT_EQ(missing, "missing renaksi-no-such-tool");
}

}  // namespace
}  // namespace renaksi
