// renaksi-pdf-quality FILE.pdf...: the typesetting figures of each PDF (docs/pdf-quality.md),
// one line per file, or a table (--table); --details adds each finding with its page.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "quality/measure_pdf.h"

using namespace renaksi::quality;

int main(int argc, char** argv) {
  bool details = false, table = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--details") details = true;
    else if (a == "--table") table = true;
    else if (a == "--help" || a == "-h") {
      std::printf("usage: renaksi-pdf-quality [--table] [--details] FILE.pdf...\n");
      return 0;
    } else if (a.starts_with("--")) {
      std::fprintf(stderr, "renaksi-pdf-quality: unknown option %s\n", a.c_str());
      return 2;
    } else files.push_back(a);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: renaksi-pdf-quality [--table] [--details] FILE.pdf...\n");
    return 2;
  }
  int failed = 0;
  if (table)
    std::printf("%-36s %5s %9s %9s %7s %6s %7s %8s %5s %10s\n", "file", "pages", "lines>2x", "lines>3x", "worst",
                "widows", "orphans", "headings", "cuts", "near-empty");
  for (const auto& file : files) {
    PdfMeasure m = measure_pdf(file);
    if (!m.ok) {
      std::fprintf(stderr, "%s: error: %s\n", file.c_str(), m.error.c_str());
      ++failed;
      continue;
    }
    const auto& f = m.figures;
    if (table)
      std::printf("%-36s %5d %9d %9d %4.2f em %6d %7d %8d %5d %10d\n",
                  std::filesystem::path(file).filename().string().c_str(), f.pages, f.loose_2x, f.loose_3x,
                  f.worst_gap_em, f.widows, f.orphans, f.headings_at_foot, f.cuts, f.near_empty_pages);
    else
      std::printf("%s: %s\n", file.c_str(), summary(f).c_str());
    if (details)
      for (const auto& finding : f.findings) std::printf("  %s\n", describe(finding).c_str());
  }
  return failed == 0 ? 0 : 1;
}
