// A one-line progress report for long builds on a terminal: which step and which plan.
#pragma once

#include <chrono>
#include <ostream>

#include "driver/pipeline.h"

namespace renaksi {

// Shows nothing for the first `delay` of a build (most builds end sooner), then rewrites one
// line of `out` ("\r", the text, then erase to the end of the line) as the build moves on;
// `finish` erases it, so the diagnostics that follow start on a clean line. Used only when
// standard error is a terminal: a CI log gets no progress lines.
class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;
  explicit ProgressLine(std::ostream& out, Clock::duration delay = std::chrono::seconds(2), Clock::time_point start = Clock::now())
      : out_(out), delay_(delay), start_(start) {}

  // Reports `at`, as of `now`.
  void report(const Progress& at, Clock::time_point now = Clock::now());
  // Erases the line, if one was shown.
  void finish();

  // "step 8/13 pdf · plan 2/40 nap-2020-2022"
  static std::string text(const Progress& at);

 private:
  std::ostream& out_;
  Clock::duration delay_;
  Clock::time_point start_;
  bool shown_ = false;
};

}  // namespace renaksi
