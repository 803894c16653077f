// A harness of stand-ins for Pandoc: small shell scripts, written by the tests into a temp folder,
// that misbehave in one way each. The prose tests and the DOCX tests use the same ones.
#pragma once

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

namespace renaksi::testing::fake_pandoc {

// A Pandoc JSON document around `blocks` (the text of a JSON array), API 1.22.
inline std::string document(const std::string& blocks) {
  return "{\"pandoc-api-version\":[1,22,2,1],\"meta\":{},\"blocks\":" + blocks + "}";
}

// Script bodies. Each reads its input first (as Pandoc does), unless it says otherwise.
inline const std::string kFailing = "echo 'pandoc: something broke' >&2; exit 3";
inline const std::string kHanging = "exec sleep 30";
// Closes its standard output and error, then stays: only the wall-clock limit can end it.
inline const std::string kLingering = "cat >/dev/null; exec >&- 2>&-; exec sleep 30";
inline const std::string kGarbage = "cat >/dev/null; echo 'not json'";
inline const std::string kEndless = "cat >/dev/null; exec yes";
inline const std::string kEndlessZeros = "cat >/dev/null; exec cat /dev/zero";
// Endless standard error, and then a normal failure.
inline const std::string kEndlessStderr = "cat >/dev/null; head -c 50000000 /dev/zero >&2; exit 4";

// Prints `json` (which must not contain a single quote).
inline std::string printing(const std::string& json) { return "cat >/dev/null; printf '%s' '" + json + "'"; }

// Prints the first wrapper f0 with `levels` nested BlockQuotes in it: a deep AST (awk, no recursion).
inline std::string deep_ast(long levels) {
  return "cat >/dev/null; awk 'BEGIN { printf \"{\\\"pandoc-api-version\\\":[1,22,2,1],\\\"meta\\\":{},\\\"blocks\\\":"
         "[{\\\"t\\\":\\\"Div\\\",\\\"c\\\":[[\\\"f0\\\",[],[]],[\"; "
         "for (i = 0; i < " + std::to_string(levels) + "; i++) printf \"{\\\"t\\\":\\\"BlockQuote\\\",\\\"c\\\":[\"; "
         "for (i = 0; i < " + std::to_string(levels) + "; i++) printf \"]}\"; printf \"]]}]}\" }'";
}

// Writes the script `name` with `body` under `dir`; returns its path.
inline std::string write(const std::filesystem::path& dir, const std::string& name, const std::string& body) {
  const std::filesystem::path script = dir / name;
  std::ofstream(script) << "#!/bin/sh\n" << body << "\n";
  ::chmod(script.c_str(), 0755);
  return script.string();
}

// How long a test may take beyond its Pandoc time limit: the limit is enforced on the wall
// clock, so this is only the cost of starting and killing a shell.
inline constexpr std::chrono::milliseconds kMargin{1500};

}  // namespace renaksi::testing::fake_pandoc
