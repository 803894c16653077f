// libFuzzer target: the content loader and checker. The input is a plan folder in one stream of
// bytes: parts split by the separator line "\n--8<--\n" become, in order, plan.xml,
// organisations.xml and commitments/01.xml, 02.xml, ... (at most kMaxCommitments). A missing part
// is a missing file. The folder is written to a private temp dir (the loader reads files only),
// then build_plans({plan}, env, {.stop_after = "check"}) runs the load and check passes, as `renaksi check` does.
// What must hold: no crash, no sanitizer report, no hang; every problem a diagnostic.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "driver/pipeline.h"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSeparator = "\n--8<--\n";
constexpr size_t kMaxCommitments = 16;

// One private folder per fuzzing process, removed at exit.
struct Workdir {
  fs::path root;
  Workdir() {
    std::string tmpl = (fs::temp_directory_path() / "renaksi-fuzz-load-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) std::abort();
    root = tmpl;
  }
  ~Workdir() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

void write(const fs::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) std::abort();  // the fuzzer's own disk, not the code under test
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Workdir dir;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t at = input.find(kSeparator, start);
    if (at == std::string_view::npos || parts.size() + 1 >= 2 + kMaxCommitments) {
      parts.push_back(input.substr(start));
      break;
    }
    parts.push_back(input.substr(start, at - start));
    start = at + kSeparator.size();
  }

  const fs::path plan = dir.root / "plan";
  std::error_code ec;
  fs::remove_all(plan, ec);
  fs::create_directories(plan / "commitments");
  write(plan / "plan.xml", parts[0]);
  if (parts.size() > 1) write(plan / "organisations.xml", parts[1]);
  for (size_t i = 2; i < parts.size(); ++i) {
    std::string name = std::to_string(i - 1);
    if (name.size() < 2) name.insert(0, "0");
    write(plan / "commitments" / (name + ".xml"), parts[i]);
  }

  renaksi::Env env = renaksi::Env::from_environment();
  env.cache_dir = dir.root / "cache";
  renaksi::build_plans({plan}, env, {.stop_after = "check"});
  return 0;
}
