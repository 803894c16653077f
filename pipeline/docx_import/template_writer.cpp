// `renaksi template`: the commitment form as a Word file.
#include "docx_import/template_writer.h"

#include <algorithm>
#include <filesystem>

#include "emit/docx/docx_pass.h"
#include "emit/docx/pandoc_nodes.h"
#include "env/process.h"
#include "env/read_file.h"

namespace renaksi::docx_import {

using nlohmann::json;

namespace {

// The catalogue's text of `key`; records a missing key once in `missing`.
std::string label(const Catalogue& c, const std::string& key, std::vector<std::string>& missing) {
  if (std::optional<std::string> s = label_text(c, key)) return *s;
  if (std::find(missing.begin(), missing.end(), key) == missing.end()) missing.push_back(key);
  return key;
}

json cell(const std::string& text) { return json::array({pandoc::plain(pandoc::text(text))}); }
json empty_cell() { return json::array(); }

}  // namespace

json template_ast(const Form& form, const TemplateProfile& profile, const Catalogue& catalogue, const std::string& where,
                  Diagnostics& diags) {
  std::vector<std::string> missing;
  json blocks = json::array();
  blocks.push_back(pandoc::para(pandoc::text(label(catalogue, "template.instructions", missing))));
  int n = 0;
  for (const FormTable& t : form.tables) {
    ++n;
    blocks.push_back(pandoc::header(2, "form-" + std::to_string(n), pandoc::text(label(catalogue, t.heading, missing))));
    if (t.kind == FormTableKind::Fields) {
      std::vector<std::vector<json>> rows;
      for (const FormField& f : t.fields) rows.push_back({cell(label(catalogue, f.label, missing)), empty_cell()});
      blocks.push_back(pandoc::table({0.35, 0.65}, {}, rows));
    } else {
      std::vector<json> header;
      for (const FormField& f : t.fields) header.push_back(cell(label(catalogue, f.label, missing)));
      std::vector<std::vector<json>> rows(static_cast<size_t>(std::max(t.empty_rows, 1)),
                                          std::vector<json>(t.fields.size(), empty_cell()));
      const std::vector<double> widths(t.fields.size(), 1.0 / static_cast<double>(std::max<size_t>(t.fields.size(), 1)));
      blocks.push_back(pandoc::table(widths, header, rows));
    }
  }
  const std::string title = label(catalogue, "template.heading", missing);
  if (!missing.empty()) {
    std::string keys;
    for (const auto& k : missing) keys += (keys.empty() ? "" : ", ") + k;
    diags.error(Code::I011, {where, 0, 0},
                "the catalogue " + catalogue.file().generic_string() + " lacks the template's labels: " + keys);
    return nullptr;
  }
  json meta = json::object();
  meta["title"] = pandoc::meta_inlines(pandoc::text(title));
  meta["subject"] = pandoc::meta_inlines(pandoc::text(profile.id));
  meta["lang"] = pandoc::meta_string(catalogue.lang());
  return pandoc::document(std::move(meta), std::move(blocks));
}

std::string template_docx(const TemplateProfile& profile, const Catalogue& catalogue, const Env& env, const std::string& where,
                          Diagnostics& diags) {
  const json ast = template_ast(form_of(profile), profile, catalogue, where, diags);
  if (ast.is_null()) return {};
  const std::filesystem::path reference = env.reference_docx();
  std::string reference_bytes;
  if (const ReadResult read = read_file(reference, reference_bytes); !read) {
    diags.error(Code::D004, {where, 0, 0},
                "the Word reference document " + reference.generic_string() + " " + read.reason +
                    "; it is kept in layouts/ (scripts/make-reference-docx regenerates it)");
    return {};
  }
  // As the DOCX editions: no --sandbox (Pandoc 2.17's Word writer then cannot read its own data
  // files); the input is renaksi's own AST of catalogue labels, with no image, link or raw node.
  const std::int64_t epoch = env.now().time_since_epoch().count();  // SOURCE_DATE_EPOCH when set
  ProcessResult r = run_process({env.pandoc, "-f", "json", "-t", "docx", "--reference-doc=" + reference.string(), "-o", "-"},
                                ast.dump(), env.pandoc_timeout, {"SOURCE_DATE_EPOCH=" + std::to_string(epoch)});
  if (!r.started) {
    diags.error(Code::D001, {where, 0, 0},
                "cannot run Pandoc ('" + env.pandoc + "': " + r.error +
                    ") to write the template; install the Debian package pandoc (scripts/setup does) or set RENAKSI_PANDOC");
    return {};
  }
  if (r.timed_out) {
    diags.error(Code::D003, {where, 0, 0},
                "Pandoc did not finish the template within " + std::to_string(env.pandoc_timeout.count()) + " ms and was stopped");
    return {};
  }
  if (r.output_too_large || r.exit_code != 0 || !is_docx_zip(r.out)) {
    diags.error(Code::D002, {where, 0, 0},
                "Pandoc failed writing the template: " +
                    (r.err.empty() ? std::string("its output is not a DOCX") : r.err.substr(0, std::min(r.err.size(), size_t{2000}))));
    return {};
  }
  return std::move(r.out);
}

}  // namespace renaksi::docx_import
