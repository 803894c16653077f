// The renaksi command line: parses arguments and runs the requested passes.
#pragma once

#include <functional>
#include <ostream>

namespace renaksi {

// Exit codes: 0 success; 1 the content has errors (or warnings, with --fail-on-warnings);
// 2 the command line is wrong; 3 an internal error (see run_guarded).
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// Runs `command` and returns its exit code; an exception that escapes it is printed on `err` as
// one line, `renaksi: internal error: …`, and gives exit code 3.
int run_guarded(std::ostream& err, const std::function<int()>& command);

}  // namespace renaksi
