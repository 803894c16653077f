// `renaksi build`: its options and the build itself, also run by `renaksi serve` on each change.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace renaksi {

// Exit codes: 0 success; 1 the content has errors (or warnings, with --fail-on-warnings);
// 2 the command line is wrong; 3 an internal error (see run_guarded).
inline constexpr int kExitOk = 0;
inline constexpr int kExitContent = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;  // a bug in renaksi (or the machine ran out of memory): see run_cli

// "1 error", "3 errors": the summary line is English, like the diagnostics.
std::string counted(std::size_t n, const std::string& noun);

// A duration in milliseconds to about three significant digits: "1287 ms", "42.5 ms", "0.35 ms".
std::string milliseconds(std::chrono::nanoseconds d);

// What `renaksi build` was asked for.
struct BuildOptions {
  std::string folder;
  std::string out_dir;
  std::string dump;
  std::vector<std::string> editions;
  std::string stop_after;
  std::string cache_dir;
  std::string layout;
  int pandoc_timeout = 0;  // seconds; 0 keeps the default
  std::string site_url;
  bool timings = false;
  bool fail_on_warnings = false;
};

// What a build did, for whoever runs it again (`renaksi serve`).
struct BuildReport {
  std::size_t plans = 0;
  std::size_t plans_from_cache = 0;  // restored whole from the per-plan cache
  bool published = false;
  bool up_to_date = false;  // the output folder already held this build: nothing was built
};

// Builds as `renaksi build` does: diagnostics on `err`, the summary (and --timings) on `out`;
// returns the exit code. `report`, when given, says what was done.
int run_build(const BuildOptions& opt, std::ostream& out, std::ostream& err, BuildReport* report = nullptr);

}  // namespace renaksi
