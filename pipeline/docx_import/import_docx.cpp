// `renaksi import`.
#include "docx_import/import_docx.h"

#include <libxml/tree.h>

#include "docx_import/docx_archive.h"
#include "docx_import/import_limits.h"
#include "docx_import/word_tables.h"
#include "env/read_file.h"
#include "load/loader.h"
#include "load/schema.h"
#include "text/language_tag.h"
#include "xml/source_locator.h"
#include "xml/xml_document.h"

namespace renaksi::docx_import {

namespace fs = std::filesystem;

bool import_context(const Plan* plan, const Env& env, Diagnostics& diags, ImportContext& out) {
  out.plan = plan;
  std::vector<std::string> ids, langs;
  if (plan) {
    ids.push_back(plan->template_id.empty() ? std::string(kDefaultTemplate) : plan->template_id);
    for (const Language& l : plan->languages) langs.push_back(l.code);
  } else {
    ids = template_ids(env.data_dir);
    std::error_code ec;
    for (fs::directory_iterator it(env.data_dir / "locales", ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path p = it->path();
      if (p.extension() == ".json" && is_language_tag(p.stem().string())) langs.push_back(p.stem().string());
      if (langs.size() > 200) break;  // bounded
    }
    std::sort(langs.begin(), langs.end());
  }
  for (const std::string& id : ids) {
    auto profile = load_template_profile(env.data_dir, id, plan ? plan->template_loc : SourceLoc{"templates", 0, 0}, diags);
    if (!profile) return false;
    out.profiles.push_back(std::move(*profile));
  }
  for (const std::string& lang : langs) {
    auto cat = Catalogue::load(catalogue_path(env.data_dir, lang), lang, diags);
    if (!cat) return false;
    out.catalogues.emplace(lang, std::move(*cat));
  }
  return !out.profiles.empty() && !out.catalogues.empty();
}

bool validate_commitment_xml(const std::string& xml, const std::string& name, Diagnostics& diags) {
  static const ContentSchema schema;
  Diagnostics found;
  XmlDocPtr doc = parse_xml(xml, name, found);
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  bool ok = root && std::string_view(reinterpret_cast<const char*>(root->name)) == "commitment";
  if (ok) {
    SourceLocator locator(xml);
    ok = schema.validate(doc.get(), name, locator, found);
  }
  for (const auto& d : found.all()) diags.add(d);
  if (!ok) diags.error(Code::I010, {name, 0, 0}, "the imported commitment does not follow the content schema; nothing was written");
  return ok;
}

bool import_docx(const fs::path& docx, const ImportContext& context, const Env& env, Diagnostics& diags, ImportedCommitment& out) {
  const std::string file = docx.generic_string();
  std::string bytes;
  if (const ReadResult read = read_file(docx, bytes, limits::kMaxDocxBytes); !read) {
    diags.error(read.too_large() ? Code::I002 : Code::I001, {file, 0, 0}, "cannot be read: it " + read.reason);
    return false;
  }
  DocxParts parts;
  if (!check_docx_archive(bytes, file, diags, parts)) return false;
  std::vector<WordTable> tables;
  if (!read_word_tables(bytes, env, file, diags, tables)) return false;
  if (!commitment_from_tables(tables, context, file, diags, out)) return false;
  return validate_commitment_xml(out.xml, out.id + ".xml", diags);
}

}  // namespace renaksi::docx_import
