// Writes a synthetic archive for the benchmarks (bench/synthetic.h): N plan folders made from
// one real plan, M commitments each, every commitment's text its own.
//
//   synthetic_archive --plans N --per-plan M --out DIR [--source PLAN_FOLDER | --content DIR]
//
// --source is the real plan (default content/nap-2018-2020); --content DIR means
// DIR/nap-2018-2020. DIR must not exist yet or be empty.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "synthetic.h"

namespace fs = std::filesystem;

namespace {

bool parse_count(const char* s, int max, int& out) {
  char* end = nullptr;
  const long v = std::strtol(s, &end, 10);
  if (end == s || *end != '\0' || v < 1 || v > max) return false;
  out = static_cast<int>(v);
  return true;
}

int usage() {
  std::fprintf(stderr,
               "usage: synthetic_archive --plans N --per-plan M --out DIR [--source PLAN_FOLDER | --content DIR]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path source = "content/nap-2018-2020", out;
  int plans = 0, per_plan = 0;
  for (int i = 1; i < argc; i += 2) {
    const std::string k = argv[i];
    if (i + 1 >= argc) return usage();
    const char* v = argv[i + 1];
    if (k == "--plans") {
      if (!parse_count(v, 100000, plans)) return usage();
    } else if (k == "--per-plan") {
      if (!parse_count(v, 100000, per_plan)) return usage();
    } else if (k == "--out") {
      out = v;
    } else if (k == "--source") {
      source = v;
    } else if (k == "--content") {
      source = fs::path(v) / "nap-2018-2020";
    } else {
      return usage();
    }
  }
  if (plans == 0 || per_plan == 0 || out.empty()) return usage();
  renaksi::bench::SyntheticSource src;
  std::string error;
  if (!src.load(source, error) || !renaksi::bench::write_synthetic_archive(src, out, plans, per_plan, error)) {
    std::fprintf(stderr, "synthetic_archive: %s\n", error.c_str());
    return 1;
  }
  std::printf("%d plan%s of %d commitments from %s in %s\n", plans, plans == 1 ? "" : "s", per_plan, source.c_str(),
              out.c_str());
  return 0;
}
