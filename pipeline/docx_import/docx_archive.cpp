// The checks a Word file passes before Pandoc reads it.
#include "docx_import/docx_archive.h"

#include <zip.h>

#include <libxml/tree.h>

#include <memory>

#include "docx_import/import_limits.h"
#include "emit/docx/zip_handles.h"
#include "xml/xml_document.h"

namespace renaksi::docx_import {

namespace {

using docx::ZipFilePtr;
using docx::ZipPtr;

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Occurrences of an element's start tag `<w:tr>` or `<w:tr ...>` (not `<w:trPr>`).
std::size_t start_tags(std::string_view xml, std::string_view tag) {
  std::size_t n = 0;
  for (std::size_t at = xml.find(tag); at != std::string_view::npos; at = xml.find(tag, at + tag.size())) {
    const std::size_t after = at + tag.size();
    if (after < xml.size() && (xml[after] == '>' || xml[after] == ' ' || xml[after] == '/' || xml[after] == '\n' ||
                               xml[after] == '\t' || xml[after] == '\r'))
      ++n;
  }
  return n;
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  return v ? take_xml_string(v) : std::string();
}

// The relationships of one .rels part: external hyperlinks kept, any other external target I005.
bool check_relationships(const std::string& xml, const std::string& part, const std::string& file, Diagnostics& diags,
                         DocxParts& out) {
  Diagnostics parse;
  XmlDocPtr doc = parse_xml(xml, file + ":" + part, parse,
                            {.malformed = Code::I001, .doctype = Code::I001, .internal = Code::I001,
                             .doctype_message = "a part of the Word file carries a DOCTYPE, which Word never writes"});
  if (!doc) {
    diags.error(Code::I001, {file, 0, 0}, "its part " + part + " is not well-formed XML; the file is damaged or not from Word");
    return false;
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  std::size_t seen = 0;
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (++seen > limits::kMaxEntries * 4) {
      diags.error(Code::I002, {file, 0, 0}, "its part " + part + " lists more relationships than renaksi reads");
      return false;
    }
    if (attr(n, "TargetMode") != "External") continue;
    const std::string type = attr(n, "Type"), target = attr(n, "Target");
    if (type.ends_with("/hyperlink")) {
      out.hyperlink_targets.push_back(target);
      continue;
    }
    const std::string kind = type.substr(type.rfind('/') == std::string::npos ? 0 : type.rfind('/') + 1);
    diags.error(Code::I005, {file, 0, 0},
                "it refers to an outside resource (" + kind + " at '" + target.substr(0, 200) + "', in " + part +
                    "), which renaksi does not fetch; save the proposal with the resource embedded, or remove it");
    return false;
  }
  return true;
}

}  // namespace

bool check_docx_archive(std::string_view bytes, const std::string& file, Diagnostics& diags, DocxParts& out) {
  const SourceLoc where{file, 0, 0};
  if (bytes.size() > limits::kMaxDocxBytes) {
    diags.error(Code::I002, where, "it is " + mib(bytes.size()) + ", more than the " + mib(limits::kMaxDocxBytes) + " renaksi reads");
    return false;
  }
  if (!bytes.starts_with("PK\x03\x04")) {
    diags.error(Code::I001, where,
                "it is not a Word document (.docx, a ZIP archive)" +
                    std::string(bytes.starts_with("\xD0\xCF\x11\xE0") ? ": it is an old Word 97-2003 .doc; save it as .docx"
                                                                      : ""));
    return false;
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    diags.error(Code::I001, where, "it cannot be opened as a ZIP archive");
    return false;
  }
  ZipPtr zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip) {
    zip_source_free(source);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    diags.error(Code::I001, where, "it is not a whole ZIP archive, so not a Word document (" + why + ")");
    return false;
  }
  zip_error_fini(&error);
  const zip_int64_t entries = zip_get_num_entries(zip.get(), 0);
  if (entries < 0 || static_cast<std::size_t>(entries) > limits::kMaxEntries) {
    diags.error(Code::I002, where,
                "its archive has " + std::to_string(entries) + " parts, more than the " + std::to_string(limits::kMaxEntries) +
                    " renaksi reads");
    return false;
  }
  // Declared sizes first: nothing is unpacked when the directory already says it is too much.
  std::size_t declared = 0;
  bool has_document = false;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
        !(st.valid & ZIP_STAT_NAME)) {
      diags.error(Code::I001, where, "part " + std::to_string(i + 1) + " of its archive cannot be read");
      return false;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      diags.error(Code::I001, where, "its part " + std::string(st.name) + " is encrypted; save the proposal without a password");
      return false;
    }
    if (st.size > limits::kMaxUnpackedBytes || declared + st.size > limits::kMaxUnpackedBytes) {
      diags.error(Code::I002, where,
                  "its parts unpack to more than " + mib(limits::kMaxUnpackedBytes) + " (by its own directory, at " +
                      std::string(st.name) + "): a ZIP bomb or not a proposal");
      return false;
    }
    declared += st.size;
    if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > limits::kRatioFloor &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits::kMaxRatio) {
      diags.error(Code::I002, where,
                  "its part " + std::string(st.name) + " packs " + mib(st.size) + " into " + std::to_string(st.comp_size) +
                      " bytes: a ZIP bomb, not a proposal");
      return false;
    }
    has_document = has_document || std::string_view(st.name) == "word/document.xml";
  }
  if (!has_document) {
    diags.error(Code::I001, where, "it is a ZIP archive without word/document.xml, so not a Word document");
    return false;
  }
  // Then the actual sizes: each part read to one byte past what it declares (libzip checks the
  // CRC at its end), so a directory that lies stops at the bound too.
  std::vector<char> buffer(64u << 10);
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    (void)zip_stat_index(zip.get(), static_cast<zip_uint64_t>(i), 0, &st);  // read above
    const std::string name = st.name;
    const bool keep = name == "word/document.xml";
    const bool rels = name.ends_with(".rels");
    ZipFilePtr f(zip_fopen_index(zip.get(), static_cast<zip_uint64_t>(i), 0));
    if (!f) {
      diags.error(Code::I001, where, "its part " + name + " cannot be unpacked: " + zip_strerror(zip.get()));
      return false;
    }
    std::string content;
    std::size_t total = 0;
    for (;;) {  // bounded: stops one buffer past the declared size
      const zip_int64_t got = zip_fread(f.get(), buffer.data(), buffer.size());
      if (got < 0) {
        diags.error(Code::I001, where, "its part " + name + " is damaged: " + zip_file_strerror(f.get()));
        return false;
      }
      if (got == 0) break;
      total += static_cast<std::size_t>(got);
      if (total > st.size) {
        diags.error(Code::I002, where, "its part " + name + " unpacks to more than it declares: a ZIP bomb, not a proposal");
        return false;
      }
      if (keep || rels) content.append(buffer.data(), static_cast<std::size_t>(got));
    }
    if (keep) out.document_xml = std::move(content);
    else if (rels && !check_relationships(content, name, file, diags, out)) return false;
  }
  const std::size_t tables = start_tags(out.document_xml, "<w:tbl"), rows = start_tags(out.document_xml, "<w:tr"),
                    cells = start_tags(out.document_xml, "<w:tc");
  if (tables > limits::kMaxTables || rows > limits::kMaxRowsInAll || cells > limits::kMaxRowsInAll * limits::kMaxCells) {
    diags.error(Code::I004, where,
                "it has " + std::to_string(tables) + " tables with " + std::to_string(rows) + " rows and " + std::to_string(cells) +
                    " cells in all, more than renaksi reads (" + std::to_string(limits::kMaxTables) + " tables, " +
                    std::to_string(limits::kMaxRowsInAll) + " rows): not a commitment proposal");
    return false;
  }
  return true;
}

}  // namespace renaksi::docx_import
