#include "quality/measure_pdf.h"

#include <chrono>

#include "env/process.h"
#include "quality/bbox_reader.h"

namespace renaksi::quality {
namespace {

constexpr std::chrono::milliseconds kToolTimeout{120000};

// A file argument that cannot be taken for an option.
std::string as_argument(const std::string& path) { return path.starts_with("-") ? "./" + path : path; }

bool run(const std::vector<std::string>& argv, std::string& out, std::string& error) {
  ProcessResult r = run_process(argv, "", kToolTimeout);
  if (!r.started) {
    error = argv[0] + " could not be run: " + r.error;
    return false;
  }
  if (r.timed_out || r.output_too_large || r.exit_code != 0) {
    error = argv[0] + (r.timed_out ? " timed out" : r.output_too_large ? " wrote too much" : " failed") + ": " + r.err;
    return false;
  }
  out = std::move(r.out);
  return true;
}

}  // namespace

PdfMeasure measure_pdf(const std::string& path) {
  PdfMeasure m;
  std::string bbox, fonts;
  const std::string file = as_argument(path);
  if (!run({"pdftotext", "-q", "-bbox-layout", file, "-"}, bbox, m.error)) return m;
  if (!run({"pdftohtml", "-q", "-xml", "-i", "-zoom", "3", "-stdout", file}, fonts, m.error)) return m;
  auto doc = read_bbox_xhtml(bbox, m.error);
  if (!doc) return m;
  std::vector<double> heights;
  for (const auto& p : doc->pages) heights.push_back(p.height);
  auto runs = read_font_runs(fonts, heights, m.error);
  if (runs.empty() && !doc->pages.empty()) return m;
  attach_fonts(*doc, runs);
  m.figures = analyse(*doc);
  m.ok = true;
  return m;
}

}  // namespace renaksi::quality
