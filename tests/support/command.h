// Runs a shell command in tests and captures its output and exit code.
#pragma once

#include <string>

namespace renaksi::testing {

struct CommandOutput {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh; standard output and error are captured separately.
CommandOutput shell(const std::string& command);

}  // namespace renaksi::testing
