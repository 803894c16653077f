// Helpers for the hostile-input tests of the load pass: a plan folder in a temporary folder,
// diagnostics as comparable strings, and calls bounded in time even if a FIFO would block.
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "support/paths.h"

namespace renaksi::testing {

// A copy of tests/fixtures/check/base in a fresh temporary folder.
class PlanDir {
 public:
  explicit PlanDir(const std::string& name) : dir_(name), plan_(dir_.path() / "plan") {
    std::filesystem::copy(fixtures_dir() / "check" / "base", plan_, std::filesystem::copy_options::recursive);
  }
  const std::filesystem::path& path() const { return plan_; }
  const std::filesystem::path& root() const { return dir_.path(); }
  std::filesystem::path operator/(const std::string& rel) const { return plan_ / rel; }

 private:
  TempDir dir_;
  std::filesystem::path plan_;
};

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_text(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// "relative/path:line:col CODE" for each diagnostic, paths relative to `base`.
inline std::set<std::string> located_codes(const Diagnostics& diags, const std::filesystem::path& base) {
  std::set<std::string> out;
  for (const auto& d : diags.all())
    out.insert(std::filesystem::path(d.loc.file).lexically_relative(base).generic_string() + ":" +
               std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + std::string(code_id(d.code)));
  return out;
}

inline std::string printed(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += "  " + d.str() + "\n";
  return out;
}

// Runs `f` with a time limit. Should it block on one of `fifos` (a regression), the FIFOs are
// opened for writing and closed, which ends any blocked open or read, and the test fails.
template <typename F>
auto bounded(F f, const std::vector<std::filesystem::path>& fifos = {},
             std::chrono::seconds limit = std::chrono::seconds(20)) {
  auto future = std::async(std::launch::async, std::move(f));
  if (future.wait_for(limit) != std::future_status::ready) {
    ADD_FAILURE() << "did not finish within " << limit.count() << " s";
    for (int round = 0; round < 50 && future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready; ++round)
      for (const auto& fifo : fifos) {
        int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
      }
  }
  return future.get();
}

// The 1-based line and column (in bytes) of the first `needle` in `text`.
inline std::pair<int, int> line_col_of(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return {0, 0};
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i)
    if (text[i] == '\n') ++line, line_start = i + 1;
  return {line, static_cast<int>(at - line_start) + 1};
}

}  // namespace renaksi::testing
