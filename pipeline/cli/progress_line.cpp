// A one-line progress report for long builds on a terminal.
#include "cli/progress_line.h"

#include "diag/diagnostic.h"

namespace renaksi {

std::string ProgressLine::text(const Progress& at) {
  std::string s = "step " + std::to_string(at.step_number) + "/" + std::to_string(at.steps) + " " + std::string(at.step);
  if (!at.plan.empty())
    s += " \u00b7 plan " + std::to_string(at.plan_number) + "/" + std::to_string(at.plans) + " " + printable(at.plan);
  return s;
}

void ProgressLine::report(const Progress& at, Clock::time_point now) {
  if (now - start_ < delay_) return;
  out_ << "\rrenaksi: " << text(at) << "\x1b[K" << std::flush;
  shown_ = true;
}

void ProgressLine::finish() {
  if (!shown_) return;
  out_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace renaksi
