// Runs a shell command in tests and captures its output and exit code.
#include "support/command.h"

#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include "support/paths.h"

namespace renaksi::testing {

CommandOutput shell(const std::string& command) {
  TempDir dir("shell");
  const auto out = dir.path() / "out", err = dir.path() / "err";
  int status = std::system(("(" + command + ") >'" + out.string() + "' 2>'" + err.string() + "'").c_str());
  CommandOutput r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::stringstream o, e;
  o << std::ifstream(out).rdbuf();
  e << std::ifstream(err).rdbuf();
  r.out = o.str();
  r.err = e.str();
  return r;
}

}  // namespace renaksi::testing
