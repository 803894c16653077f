// Runs an external program with input, output and a time limit (used for Pandoc).
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace renaksi {

struct ProcessResult {
  bool started = false;    // false: the program could not be run at all (see `error`)
  bool timed_out = false;  // killed after the time limit
  int exit_code = -1;      // valid when started, not timed out, and it exited normally
  int signal = 0;          // the signal that ended it, if any
  std::string out;
  std::string err;
  std::string error;       // why it could not be started
};

// Runs argv[0] (looked up on PATH) with `input` on its standard input; collects standard output
// and error; kills it (SIGKILL, whole process group) once `timeout` has passed. The program gets
// this process's environment with `env_overrides` ("NAME=value" each) set over it.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          std::chrono::milliseconds timeout, const std::vector<std::string>& env_overrides = {});

}  // namespace renaksi
