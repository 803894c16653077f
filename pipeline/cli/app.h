// The renaksi command line: parses arguments and runs the requested passes.
#pragma once

#include <ostream>

namespace renaksi {

// Exit codes: 0 success; 1 the content has errors (or warnings, with --fail-on-warnings);
// 2 the command line is wrong.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace renaksi
