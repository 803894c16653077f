// The PDF pass.
#include "emit/pdf/pdf_pass.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "emit/pdf/pdf_document.h"
#include "env/heap.h"
#include "env/parallel.h"
#include "layout/document_layout.h"

namespace renaksi {

// The order the editions are started in when there are fewer threads than editions: the
// largest first, by blocks times languages, which the layout's time follows. Taken in the
// editions' order, the bilingual edition (about the two others together) started when the first
// single-language one finished and ran alone at the end: on two cores, the step took about
// three single editions' time instead of two (longest-processing-time-first scheduling).
std::vector<size_t> pdf_start_order(const std::vector<doc::Document>& documents) {
  std::vector<size_t> cost(documents.size(), 0);
  for (size_t i = 0; i < documents.size(); ++i) {
    size_t blocks = 0;
    for (const auto& chapter : documents[i].chapters) blocks += chapter.blocks.size() + 1;
    cost[i] = blocks * std::max<size_t>(1, documents[i].langs.size());
  }
  std::vector<size_t> order(documents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return cost[a] > cost[b]; });
  return order;
}

std::string pdf_of(const doc::Document& d, const layout::Style& style, const Env& env, Diagnostics& diags, size_t* pages) {
  pdf::PdfDocument pdf(style, diags);
  if (!pdf.ok()) return {};
  layout::Pages laid = layout::layout_document(d, style, pdf, diags);
  if (pages) *pages = laid.pages.size();
  if (laid.pages.empty()) return {};  // E004: too many pages
  const doc::Front& f = d.front.front();
  std::string title = f.title;
  if (d.front.size() > 1 && !d.front[1].title.empty()) title += (title.empty() ? "" : " / ") + d.front[1].title;
  pdf::DocumentInfo info{title, d.issuer_name, f.subtitle.empty() ? f.edition : f.subtitle + " \u2014 " + f.edition,
                         f.keywords, env.now(),
                         Artifact{ArtifactKind::Pdf, d.plan_id, d.edition, d.report_period}.file_name(), f.lang};
  return pdf.render(std::move(laid), info);
}

PdfStats emit_pdfs(const std::vector<doc::Document>& documents, const layout::Style& style, const Env& env,
                   Outputs& outputs, Diagnostics& diags, size_t at_once) {
  struct Result {
    std::string bytes;
    size_t pages = 0;
    size_t size = 0;  // the file's, once handed over
    Diagnostics diags;
  };
  PdfStats stats;
  auto keep = [&](const doc::Document& d, Result& r) {
    for (const auto& diag : r.diags.all()) diags.add(diag);
    if (r.bytes.empty()) return;
    stats.editions++;
    stats.pages += r.pages;
    stats.bytes += r.bytes.size();
    outputs.add(Artifact{ArtifactKind::Pdf, d.plan_id, d.edition, d.report_period}, std::move(r.bytes));
  };
  auto make = [&](size_t i) {
    Result r;
    r.bytes = pdf_of(documents[i], style, env, r.diags, &r.pages);
    return r;
  };
  // As many editions at once as there are cores, or `at_once` if fewer: more would not finish
  // sooner, and each holds its whole laid-out document until it is written.
  const size_t threads = at_once ? std::min(at_once, core_count()) : core_count();
  if (threads <= 1) {
    // One at a time: each edition's file is handed over (written, when the outputs
    // are a folder's) before the next is laid out, so no two are in memory at once; and the heap's
    // free pages go back before the next, which otherwise starts with the last one's peak still
    // resident (240 commitments: 546 MiB at the start of the third edition, 188 with this).
    for (size_t i = 0; i < documents.size(); ++i) {
      Result r = make(i);
      keep(documents[i], r);
      return_free_heap();
    }
    return stats;
  }
  // Each edition's file goes into outputs of its own as soon as it is made (written at once,
  // when the outputs are a folder's, so a finished edition is not held while the others are
  // laid out), taken in after, in the editions' order, with its problems; the largest are
  // started first.
  std::vector<Outputs> made(documents.size());
  for (auto& m : made) m = outputs.beside();
  const std::vector<size_t> order = pdf_start_order(documents);
  std::vector<Result> started = run_each_on_threads(documents.size(), threads, [&](size_t k) {
    const size_t i = order[k];
    Result r = make(i);
    const doc::Document& d = documents[i];
    if (!r.bytes.empty()) {
      r.size = r.bytes.size();
      made[i].add(Artifact{ArtifactKind::Pdf, d.plan_id, d.edition, d.report_period}, std::move(r.bytes));
      r.bytes = std::string();
    }
    return r;
  });
  std::vector<Result> results(documents.size());
  for (size_t k = 0; k < order.size(); ++k) results[order[k]] = std::move(started[k]);
  for (size_t i = 0; i < documents.size(); ++i) {
    Result& r = results[i];
    for (const auto& diag : r.diags.all()) diags.add(diag);
    if (r.size == 0) continue;
    stats.editions++;
    stats.pages += r.pages;
    stats.bytes += r.size;
    outputs.absorb(std::move(made[i]));
  }
  return stats;
}

}  // namespace renaksi
