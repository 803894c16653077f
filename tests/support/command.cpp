// Runs a shell command or the renaksi binary, capturing exit code and output.
#include "support/command.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/paths.h"

namespace renaksi::testing {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CommandResult run_shell(const std::string& command) {
  TempDir dir("command");
  const auto out_file = dir.path() / "out", err_file = dir.path() / "err";
  std::string cmd = "cd " + shell_quote(source_dir().string()) + " && ( " + command + " ) >" +
                    shell_quote(out_file.string()) + " 2>" + shell_quote(err_file.string());
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::stringstream o, e;
  o << std::ifstream(out_file).rdbuf();
  e << std::ifstream(err_file).rdbuf();
  r.out = o.str();
  r.err = e.str();
  return r;
}

CommandResult run_renaksi(const std::string& args) { return run_shell(shell_quote(binary()) + " " + args); }

}  // namespace renaksi::testing
