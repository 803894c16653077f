// Benchmark: laying out and writing the PDF editions of the default plan (the pdf pass alone,
// after load, check, prose and compose), writing its Word editions (the docx pass alone), and
// the whole build of content/. Prints its figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "driver/pipeline.h"
#include "emit/docx/docx_pass.h"
#include "emit/pdf/pdf_pass.h"

using namespace renaksi;
using Clock = std::chrono::steady_clock;

static double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

int main(int argc, char** argv) {
  const std::string content = argc > 1 ? argv[1] : RENAKSI_SOURCE_DIR "/content";
  const std::string plan = argc > 2 ? argv[2] : RENAKSI_SOURCE_DIR "/content/nap-2018-2020";
  Env env = Env::from_environment();
  env.cache_dir = RENAKSI_BINARY_DIR "/cache";
  env.source_date_epoch = 0;

  ArchiveBuild composed = build_plans({plan}, env, {.stop_after = "compose"});  // warms the prose cache too
  const BuildState& state = *composed.plans.front();
  if (composed.error_count() > 0) {
    std::fprintf(stderr, "the plan has errors\n");
    return 1;
  }
  Diagnostics diags;
  auto style = layout::Style::load(env.layout_file(), diags);
  if (!style) return 1;

  const int runs = 7;
  std::vector<double> pdf_times, single_times;
  PdfStats stats;
  for (int i = 0; i < runs; ++i) {
    Outputs out;
    auto t0 = Clock::now();
    stats = emit_pdfs(state.documents, *style, env, out, diags);
    pdf_times.push_back(ms(Clock::now() - t0));
    t0 = Clock::now();
    pdf_of(state.documents.back(), *style, env, diags);
    single_times.push_back(ms(Clock::now() - t0));
  }
  std::sort(pdf_times.begin(), pdf_times.end());
  std::sort(single_times.begin(), single_times.end());
  std::printf("pdf: %zu editions, %zu pages, %.0f KiB; lay out and write all (parallel): median %.1f ms, min %.1f ms\n",
              stats.editions, stats.pages, stats.bytes / 1024.0, pdf_times[runs / 2], pdf_times[0]);
  std::printf("pdf: the bilingual edition alone: median %.1f ms\n", single_times[runs / 2]);

  // The Word editions, one after another on this thread (the build writes them on a thread of
  // their own beside the PDF layout).
  std::vector<double> docx_times;
  DocxStats docx_stats;
  for (int i = 0; i < runs; ++i) {
    Outputs out;
    auto t0 = Clock::now();
    docx_stats = emit_docxs(state.documents, docx_options(*style), env, out, diags, 1);
    docx_times.push_back(ms(Clock::now() - t0));
  }
  std::sort(docx_times.begin(), docx_times.end());
  std::printf("docx: %zu editions, %.0f KiB; write all (one at a time): median %.1f ms, min %.1f ms\n", docx_stats.editions,
              docx_stats.bytes / 1024.0, docx_times[runs / 2], docx_times[0]);

  std::vector<double> build_times;
  for (int i = 0; i < 5; ++i) {
    auto t0 = Clock::now();
    ArchiveBuild a = build_archive(content, env);
    build_times.push_back(ms(Clock::now() - t0));
  }
  std::sort(build_times.begin(), build_times.end());
  std::printf("build of %s (cached prose, every pass, no publish): median %.1f ms\n", content.c_str(), build_times[2]);
  return 0;
}
