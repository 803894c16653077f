// The progress line of long builds: nothing for a short build, one rewritten line after, erased
// at the end; and the driver tells where it is before each step and each plan.
#include "cli/progress_line.h"

#include <gtest/gtest.h>

#include <sstream>

#include "support/paths.h"

namespace renaksi {
namespace {

using namespace std::chrono_literals;

Progress at(std::string_view step, size_t n, std::string plan = {}, size_t p = 0) { return {step, n, 13, std::move(plan), p, 2}; }

TEST(ProgressLine, ShortBuildsShowNothingLongOnesOneLineErasedAtTheEnd) {
  std::ostringstream out;
  const auto start = ProgressLine::Clock::now();
  ProgressLine line(out, 2s, start);
  line.report(at("load", 1, "nap-2018-2020", 1), start + 1s);
  line.finish();
  EXPECT_EQ(out.str(), "");  // under two seconds: nothing, not even the erasing

  line.report(at("pdf", 8, "nap-2020-2022", 2), start + 3s);
  line.report(at("site", 11), start + 4s);
  line.finish();
  EXPECT_EQ(out.str(),
            "\rrenaksi: step 8/13 pdf \u00b7 plan 2/2 nap-2020-2022\x1b[K"
            "\rrenaksi: step 11/13 site\x1b[K"
            "\r\x1b[K");
}

TEST(ProgressLine, APlanNameCannotDrawOnTheTerminal) {
  EXPECT_EQ(ProgressLine::text(at("load", 1, "a\x1b[2Jb", 1)), "step 1/13 load \u00b7 plan 1/2 a\\x1b[2Jb");
}

TEST(ProgressLine, TheDriverTellsEachStepAndEachPlanInOrder) {
  testing::TempDir dir("progress");
  Env env = Env::from_environment();
  env.cache_dir = dir.path() / "cache";
  std::vector<std::string> seen;
  build_archive(testing::content_dir(), env,
                {.stop_after = "prose", .progress = [&](const Progress& p) { seen.push_back(ProgressLine::text(p)); }});
  EXPECT_EQ(seen, (std::vector<std::string>{"step 1/16 load \u00b7 plan 1/3 nap-2018-2020",
                                            "step 1/16 load \u00b7 plan 2/3 nap-2020-2022",
                                            "step 1/16 load \u00b7 plan 3/3 nap-2023-2024",
                                            "step 2/16 check \u00b7 plan 1/3 nap-2018-2020",
                                            "step 2/16 check \u00b7 plan 2/3 nap-2020-2022",
                                            "step 2/16 check \u00b7 plan 3/3 nap-2023-2024", "step 3/16 ids",
                                            "step 4/16 prose"}));
}

}  // namespace
}  // namespace renaksi
