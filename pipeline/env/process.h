// Runs an external program with input, output and a time limit (used for Pandoc).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "env/limits.h"

namespace renaksi {

struct ProcessResult {
  bool started = false;            // false: the program could not be run at all (see `error`)
  bool timed_out = false;          // killed after the time limit
  bool output_too_large = false;   // killed once its standard output passed the cap
  int exit_code = -1;              // valid when started, not killed by renaksi, and it exited normally
  int signal = 0;                  // the signal that ended it, if any
  std::string out;                 // at most the cap
  std::string err;                 // at most limits::kMaxPandocErrorBytes; the rest is read and dropped
  std::string error;               // why it could not be started (or reaped)
};

// Runs argv[0] (looked up on PATH) with `input` on its standard input and collects standard
// output and error. The program runs in its own process group; the whole group is killed
// (SIGKILL) and the program reaped once `timeout` has passed on the wall clock since the start,
// even when it has closed its standard output and error and lingers, or once its standard
// output passes `max_output` bytes (`output_too_large`). When the program itself exits, what is
// left of its group is killed too. The program gets this process's environment with
// `env_overrides` ("NAME=value" each) set over it. Never blocks past the deadline (plus a short
// grace to reap a killed child), never throws for the program's doing, leaks no descriptor.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          std::chrono::milliseconds timeout, const std::vector<std::string>& env_overrides = {},
                          std::size_t max_output = limits::kMaxPandocOutputBytes);

}  // namespace renaksi
