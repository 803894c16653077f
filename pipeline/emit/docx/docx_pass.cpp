// The DOCX pass.
#include "emit/docx/docx_pass.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

#include "env/parallel.h"
#include "env/read_file.h"
#include "emit/docx/word_body.h"
#include "emit/docx/word_package.h"

namespace renaksi {

namespace {

std::uint32_t le16(std::string_view b, size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t le32(std::string_view b, size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }

}  // namespace

bool is_docx_zip(std::string_view bytes) {
  // The end-of-central-directory record: 22 bytes and a comment of up to 65535, at the end.
  constexpr size_t kEocd = 22;
  if (bytes.size() < kEocd || !bytes.starts_with("PK\x03\x04")) return false;
  size_t eocd = std::string_view::npos;
  const size_t lowest = bytes.size() > kEocd + 65535 ? bytes.size() - kEocd - 65535 : 0;
  for (size_t at = bytes.size() - kEocd + 1; at-- > lowest;) {  // bounded by the comment's maximum
    if (le32(bytes, at) == 0x06054b50 && at + kEocd + le16(bytes, at + 20) == bytes.size()) {
      eocd = at;
      break;
    }
  }
  if (eocd == std::string_view::npos) return false;
  const size_t entries = le16(bytes, eocd + 10), cd_size = le32(bytes, eocd + 12), cd_offset = le32(bytes, eocd + 16);
  if (le16(bytes, eocd + 4) != 0 || le16(bytes, eocd + 6) != 0 || entries != le16(bytes, eocd + 8)) return false;  // one disk
  if (cd_offset > eocd || cd_size != eocd - cd_offset) return false;
  // Every central directory entry inside the directory, each pointing at a local header before
  // it; and word/document.xml among them.
  bool has_document = false;
  size_t at = cd_offset;
  for (size_t i = 0; i < entries; ++i) {  // bounded: at most 65535 entries, each at least 46 bytes
    if (at + 46 > eocd || le32(bytes, at) != 0x02014b50) return false;
    const size_t name_len = le16(bytes, at + 28), extra_len = le16(bytes, at + 30), comment_len = le16(bytes, at + 32);
    const size_t local = le32(bytes, at + 42), compressed = le32(bytes, at + 20);
    if (at + 46 + name_len + extra_len + comment_len > eocd) return false;
    if (local + 30 > cd_offset || le32(bytes, local) != 0x04034b50 ||
        local + 30 + le16(bytes, local + 26) + le16(bytes, local + 28) + compressed > cd_offset)
      return false;
    has_document = has_document || bytes.substr(at + 46, name_len) == "word/document.xml";
    at += 46 + name_len + extra_len + comment_len;
  }
  return has_document && at == eocd;
}

std::string docx_path(const doc::Document& d) { return docx_artifact(d).path(); }

Artifact docx_artifact(const doc::Document& d) { return {ArtifactKind::Docx, d.plan_id, d.edition, d.report_period}; }

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
  // Its styles, page set-up, footer and theme are the edition's (read per edition: 20 kB).
  std::string reference_bytes;
  if (const ReadResult read = read_file(reference, reference_bytes); !read) {
    const bool missing = read.failure != ReadFailure::Permission && read.failure != ReadFailure::TooLarge &&
                         read.failure != ReadFailure::Other;
    diags.error(Code::D004, where,
                "the Word reference document " + reference.generic_string() + (missing ? " is missing" : " " + read.reason) +
                    "; it is kept in layouts/ (scripts/make-reference-docx regenerates it)");
    return {};
  }
  const docx::WordBody body = docx::word_body(d, options, docx::reference_geometry(reference_bytes));
  const doc::Front& f = d.front_for(d.langs.front());
  docx::CoreProperties core;
  core.title = f.title;
  core.creator = d.issuer_name;
  core.subject = f.subtitle.empty() ? f.edition : f.subtitle + " \u2014 " + f.edition;
  core.keywords = f.keywords;
  core.lang = d.langs.front();
  core.date = env.now().time_since_epoch().count();
  std::string error;
  std::string bytes = docx::word_package(reference_bytes, body, core, error);
  if (bytes.empty() || !is_docx_zip(bytes)) {
    diags.error(Code::D002, where,
                "the DOCX edition cannot be written from the Word reference document " + reference.generic_string() + ": " +
                    (error.empty() ? "the archive written is not a whole ZIP" : error) +
                    " (scripts/make-reference-docx makes one that is)");
    return {};
  }
  return bytes;
}

DocxStats emit_docxs(const std::vector<doc::Document>& documents, const docx::Options& options, const Env& env,
                     Outputs& outputs, Diagnostics& diags, size_t at_once) {
  struct Result {
    std::string bytes;
    Diagnostics diags;
  };
  std::vector<Result> results = run_each_on_threads(documents.size(), at_once ? at_once : documents.size(), [&](size_t i) {
    Result r;
    if (has_docx(documents[i])) r.bytes = docx_of(documents[i], options, env, r.diags);
    return r;
  });
  DocxStats stats;
  for (size_t i = 0; i < documents.size(); ++i) {
    for (const auto& d : results[i].diags.all()) diags.add(d);
    if (results[i].bytes.empty()) continue;
    stats.editions++;
    stats.bytes += results[i].bytes.size();
    outputs.add(docx_artifact(documents[i]), std::move(results[i].bytes));
  }
  return stats;
}

}  // namespace renaksi
