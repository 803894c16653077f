// The PDF pass.
#include "emit/pdf/pdf_pass.h"

#include <algorithm>
#include <thread>

#include "emit/pdf/pdf_document.h"
#include "env/parallel.h"
#include "layout/document_layout.h"

namespace renaksi {

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
  return pdf.render(laid, info);
}

PdfStats emit_pdfs(const std::vector<doc::Document>& documents, const layout::Style& style, const Env& env,
                   Outputs& outputs, Diagnostics& diags, size_t at_once) {
  struct Result {
    std::string bytes;
    size_t pages = 0;
    Diagnostics diags;
  };
  // As many editions at once as there are cores: more would not finish sooner, and each holds
  // its whole laid-out document until it is written.
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<Result> results = run_each_on_threads(documents.size(), at_once ? at_once : cores, [&](size_t i) {
    Result r;
    r.bytes = pdf_of(documents[i], style, env, r.diags, &r.pages);
    return r;
  });
  PdfStats stats;
  for (size_t i = 0; i < documents.size(); ++i) {
    for (const auto& d : results[i].diags.all()) diags.add(d);
    if (results[i].bytes.empty()) continue;
    stats.editions++;
    stats.pages += results[i].pages;
    stats.bytes += results[i].bytes.size();
    const auto& d = documents[i];
    outputs.add(Artifact{ArtifactKind::Pdf, d.plan_id, d.edition, d.report_period}, std::move(results[i].bytes));
  }
  return stats;
}

}  // namespace renaksi
