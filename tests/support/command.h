// Runs a shell command or the renaksi binary from the source tree, capturing exit code and output.
#pragma once

#include <string>

namespace renaksi::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh in the source directory.
CommandResult run_shell(const std::string& command);

// Runs `renaksi <args>` (args as written on a shell command line).
CommandResult run_renaksi(const std::string& args);

// Quotes `s` for the shell.
std::string shell_quote(const std::string& s);

}  // namespace renaksi::testing
