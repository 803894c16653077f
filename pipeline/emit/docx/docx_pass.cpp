// The DOCX pass.
#include "emit/docx/docx_pass.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

#include "env/content_hash.h"
#include "env/limits.h"
#include "env/parallel.h"
#include "env/process.h"
#include "env/read_file.h"
#include "emit/docx/merge_text.h"
#include "emit/docx/stamp_date.h"
#include "emit/docx/update_fields.h"

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

namespace {

// One Pandoc run writing the edition's DOCX with SOURCE_DATE_EPOCH=`epoch`, Word asked to update
// its fields; empty after a D001-D003 error.
std::string run_pandoc(const std::string& input, const std::filesystem::path& reference, std::int64_t epoch, const Env& env,
                       const SourceLoc& where, Diagnostics& diags, std::size_t max_output) {
  ProcessResult r = run_process(
      {env.pandoc, "-f", "json", "-t", "docx", "--reference-doc=" + reference.string(), "-o", "-"}, input,
      env.pandoc_timeout, {"SOURCE_DATE_EPOCH=" + std::to_string(epoch)}, max_output);
  if (!r.started) {
    diags.error(Code::D001, where,
                "cannot run Pandoc ('" + env.pandoc + "': " + r.error +
                    ") to write the DOCX edition; install the Debian package pandoc (scripts/setup does) or set RENAKSI_PANDOC");
    return {};
  }
  if (r.timed_out) {
    diags.error(Code::D003, where,
                "Pandoc did not finish the DOCX edition within " + std::to_string(env.pandoc_timeout.count()) +
                    " ms and was stopped");
    return {};
  }
  if (r.output_too_large) {
    diags.error(Code::D002, where,
                "Pandoc's DOCX edition passed " + std::to_string(max_output) + " bytes and Pandoc was stopped");
    return {};
  }
  if (r.exit_code != 0) {
    std::string why = r.err.empty() ? "no message" : r.err.substr(0, std::min(r.err.find_last_not_of('\n') + 1, size_t{2000}));
    diags.error(Code::D002, where,
                "Pandoc failed writing the DOCX edition (" +
                    (r.signal ? "signal " + std::to_string(r.signal) : "exit " + std::to_string(r.exit_code)) + "): " + why);
    return {};
  }
  if (!is_docx_zip(r.out)) {
    diags.error(Code::D002, where,
                "Pandoc's output is not a DOCX (a ZIP file with word/document.xml): " + std::to_string(r.out.size()) + " bytes");
    return {};
  }
  // Word updates the fields (the contents' page numbers) on opening; Pandoc does not carry this
  // setting over from the reference document.
  if (std::optional<std::string> updated = docx::with_update_fields(r.out); updated && is_docx_zip(*updated))
    r.out = std::move(*updated);
  return std::move(r.out);
}

}  // namespace

std::string docx_pandoc_input(const doc::Document& d, const docx::Options& options) {
  // Its blocks come with their languages marked and their words merged, a block at a time as
  // they were written (document_to_pandoc.cpp); only the metadata's words are left to merge
  // (mark_languages reads a document's blocks alone).
  nlohmann::json ast = docx::to_pandoc(d, options);
  if (auto meta = ast.find("meta"); meta != ast.end()) docx::merge_text(*meta);
  std::string text = ast.dump();
  ast = nullptr;
  // Held while Pandoc runs, beside the PDF layout: without the room the dump grew into (a
  // 240-commitment edition: 4.0 MB in 7.5 MB).
  text.shrink_to_fit();
  return text;
}

std::string docx_of(const doc::Document& d, const docx::Options& options, const Env& env, Diagnostics& diags,
                    std::size_t max_output) {
  const SourceLoc where{docx_path(d), 0, 0};
  const std::filesystem::path reference = env.reference_docx();
  // Read once: its bytes are part of the cache key, and a reference that cannot be read stops
  // the edition here rather than in Pandoc.
  std::string reference_bytes;
  if (const ReadResult read = read_file(reference, reference_bytes); !read) {
    const bool missing = read.failure != ReadFailure::Permission && read.failure != ReadFailure::TooLarge &&
                         read.failure != ReadFailure::Other;
    diags.error(Code::D004, where,
                "the Word reference document " + reference.generic_string() + (missing ? " is missing" : " " + read.reason) +
                    "; it is kept in layouts/ (scripts/make-reference-docx regenerates it)");
    return {};
  }
  // No --sandbox: Pandoc 2.17's DOCX writer then cannot read its own data files. The input is
  // renaksi's own AST: no images, links only to http, https, mailto and anchors, and no raw
  // nodes but the language runs mark_languages writes and the contents' TOC field, both from
  // escaped text.
  const std::string input = docx_pandoc_input(d, options);
  const std::int64_t date = env.now().time_since_epoch().count();
  // Pandoc writes every DOCX with one fixed date, and the build's date is stamped in after the
  // cache (docx::with_date): the same bytes as Pandoc run with the build's date, while the
  // cache key holds no date. A date that cannot be stamped goes to Pandoc, and into the key.
  const bool stamp = docx::can_stamp(date);
  const std::int64_t pandoc_date = stamp ? docx::kPandocEpoch : date;

  // A build whose edition and reference document did not change takes the DOCX from the cache
  // and starts no Pandoc.
  const std::filesystem::path cached =
      env.cache_dir / "docx" /
      (content_hash({"pandoc -f json -t docx, updateFields", input, reference_bytes, std::to_string(pandoc_date)}) + ".docx");
  // The entry is verified (size and hash in its header) and must still be a DOCX; anything
  // else is a miss, and the entry is replaced below.
  std::string bytes;
  if (std::optional<std::string> entry = read_cache_entry(cached, limits::kMaxPandocOutputBytes); entry && is_docx_zip(*entry)) {
    bytes = std::move(*entry);
  } else {
    bytes = run_pandoc(input, reference, pandoc_date, env, where, diags, max_output);
    if (bytes.empty()) return {};
    // A cache that cannot be written only costs the next build a Pandoc run.
    (void)write_cache_entry(cached, bytes);
  }
  if (!stamp) return bytes;
  if (std::optional<std::string> dated = docx::with_date(bytes, docx::kPandocEpoch, date); dated && is_docx_zip(*dated))
    return std::move(*dated);
  // Not a ZIP the stamp reads (never Pandoc's own): Pandoc writes this edition with the date.
  return run_pandoc(input, reference, date, env, where, diags, max_output);
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
