// Ctrl-C (SIGINT) and SIGTERM as something a loop can wait for with a time limit: while an
// object of this class lives, either signal is noted (the self-pipe way) instead of ending the
// process; a second one ends it as usual.
#pragma once

#include <chrono>

#include "env/file_io.h"

namespace renaksi::serve {

class StopSignals {
 public:
  StopSignals();   // installs the handlers (one object at a time)
  ~StopSignals();  // puts back the handlers that were there
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // False when the handlers could not be installed.
  bool ok() const { return ok_; }
  // Waits at most `timeout` for a signal; true when one came (now or before).
  bool wait(std::chrono::milliseconds timeout);
  // True when a signal came, without waiting.
  bool stopped() { return wait(std::chrono::milliseconds(0)); }

 private:
  UniqueFd read_end_;
  UniqueFd write_end_;
  bool ok_ = false;
  bool seen_ = false;
};

}  // namespace renaksi::serve
