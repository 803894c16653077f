// The DOCX pass.
#include "emit/docx/docx_pass.h"

#include <filesystem>
#include <fstream>
#include <thread>

#include "env/content_hash.h"
#include "env/process.h"
#include "load/read_file.h"

namespace renaksi {

std::string docx_path(const doc::Document& d) { return d.plan_id + "/" + d.plan_id + "." + d.edition + ".docx"; }

bool has_docx(const doc::Document& d) { return d.langs.size() == 1; }

docx::Options docx_options(const layout::Style& style) {
  docx::Options options;
  options.column_shares = style.table_columns;
  options.fields_label_share = style.fields_label_share;
  return options;
}

std::string docx_of(const doc::Document& d, const docx::Options& options, const Env& env, Diagnostics& diags) {
  const SourceLoc where{docx_path(d), 0, 0};
  const std::filesystem::path reference = env.reference_docx();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(reference, ec)) {
    diags.error(Code::D004, where,
                "the Word reference document " + reference.generic_string() +
                    " is missing; it is kept in layouts/ (scripts/make-reference-docx regenerates it)");
    return {};
  }
  // No --sandbox: Pandoc 2.17's DOCX writer then cannot read its own data files. The input is
  // renaksi's own AST: no raw nodes, no images, links only to http, https, mailto and anchors.
  const std::string input = docx::to_pandoc(d, options).dump();
  const std::string epoch = std::to_string(env.now().time_since_epoch().count());

  // A build whose edition, reference document and date did not change takes the DOCX from the
  // cache and starts no Pandoc.
  std::string reference_bytes;
  read_file(reference, reference_bytes);
  const std::filesystem::path cached =
      env.cache_dir / "docx" / (content_hash({"pandoc -f json -t docx", input, reference_bytes, epoch}) + ".docx");
  if (std::string bytes; read_file(cached, bytes) && bytes.starts_with("PK\x03\x04")) return bytes;

  ProcessResult r = run_process(
      {env.pandoc, "-f", "json", "-t", "docx", "--reference-doc=" + reference.string(), "-o", "-"}, input,
      env.pandoc_timeout, {"SOURCE_DATE_EPOCH=" + epoch});
  if (!r.started) {
    diags.error(Code::D001, where,
                "cannot run Pandoc ('" + env.pandoc + "': " + r.error +
                    ") to write the DOCX edition; install the Debian package pandoc (scripts/setup does) or set RENAKSI_PANDOC");
    return {};
  }
  if (r.timed_out) {
    diags.error(Code::D003, where,
                "Pandoc did not finish the DOCX edition within " + std::to_string(env.pandoc_timeout.count() / 1000) +
                    " s and was stopped");
    return {};
  }
  if (r.exit_code != 0) {
    std::string why = r.err.empty() ? "no message" : r.err.substr(0, r.err.find_last_not_of('\n') + 1);
    diags.error(Code::D002, where,
                "Pandoc failed writing the DOCX edition (" +
                    (r.signal ? "signal " + std::to_string(r.signal) : "exit " + std::to_string(r.exit_code)) + "): " + why);
    return {};
  }
  if (!r.out.starts_with("PK\x03\x04")) {
    diags.error(Code::D002, where, "Pandoc's output is not a DOCX (a ZIP file): " + std::to_string(r.out.size()) + " bytes");
    return {};
  }
  // Written under a temporary name and renamed, so a reader never sees half a file; a cache
  // that cannot be written only costs the next build a Pandoc run.
  std::filesystem::create_directories(cached.parent_path(), ec);
  const std::filesystem::path temp = cached.string() + ".tmp" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  if (std::ofstream out(temp, std::ios::binary); out.write(r.out.data(), static_cast<std::streamsize>(r.out.size()))) {
    out.close();
    std::filesystem::rename(temp, cached, ec);
  }
  std::filesystem::remove(temp, ec);
  return std::move(r.out);
}

DocxStats emit_docxs(const std::vector<doc::Document>& documents, const docx::Options& options, const Env& env,
                     Outputs& outputs, Diagnostics& diags) {
  struct Result {
    std::string bytes;
    Diagnostics diags;
  };
  std::vector<Result> results(documents.size());
  {
    std::vector<std::jthread> threads;
    for (size_t i = 0; i < documents.size(); ++i)
      if (has_docx(documents[i]))
        threads.emplace_back([&, i] { results[i].bytes = docx_of(documents[i], options, env, results[i].diags); });
  }
  DocxStats stats;
  for (size_t i = 0; i < documents.size(); ++i) {
    for (const auto& d : results[i].diags.all()) diags.add(d);
    if (results[i].bytes.empty()) continue;
    stats.editions++;
    stats.bytes += results[i].bytes.size();
    outputs.add(docx_path(documents[i]), std::move(results[i].bytes));
  }
  return stats;
}

}  // namespace renaksi
