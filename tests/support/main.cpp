// The test runner: GoogleTest's, plus `--update`, which rewrites golden files from what the
// code now produces instead of comparing with them.
#include <gtest/gtest.h>

#include <cstring>

#include "support/golden.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--update") == 0) renaksi::testing::set_update_goldens(true);
  return RUN_ALL_TESTS();
}
