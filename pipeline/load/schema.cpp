// The content schema and validation against it.
#include "load/schema.h"

#include <stdexcept>

#include "env/read_file.h"
#include "env/text_encoding.h"

namespace renaksi {

namespace embedded {
extern const std::string_view content_schema;
}

std::string_view ContentSchema::source() { return embedded::content_schema; }

ContentSchema::ContentSchema() : ContentSchema(embedded::content_schema) {}

ContentSchema::ContentSchema(std::string_view rng) {
  XmlErrorCollector collector;
  RelaxNGParserCtxtPtr ctxt(xmlRelaxNGNewMemParserCtxt(rng.data(), static_cast<int>(rng.size())));
  if (ctxt) schema_.reset(xmlRelaxNGParse(ctxt.get()));
  if (!schema_) {
    std::string why = collector.issues.empty() ? "unknown error" : collector.issues.front().message;
    throw std::runtime_error("the built-in content schema does not compile: " + why);
  }
}

bool ContentSchema::validate(xmlDoc* doc, const std::string& file, const SourceLocator& locator,
                             Diagnostics& diags) const {
  XmlErrorCollector collector;
  RelaxNGValidCtxtPtr ctxt(xmlRelaxNGNewValidCtxt(schema_.get()));
  if (!ctxt) {
    diags.error(Code::L003, {file, 0, 0}, "out of memory creating the schema validator");
    return false;
  }
  xmlRelaxNGSetValidStructuredErrors(ctxt.get(), &XmlErrorCollector::handler, &collector);
  int rc = xmlRelaxNGValidateDoc(ctxt.get(), doc);
  std::string last;
  for (const auto& issue : collector.issues) {
    int line = issue.line, col = issue.col;
    if (issue.node && issue.node->type == XML_ELEMENT_NODE) {
      line = static_cast<int>(xmlGetLineNo(issue.node));
      // Validity errors come in no particular order: a look-up without memory.
      auto [l, c] = locator.first_element(line, reinterpret_cast<const char*>(issue.node->name));
      line = l;
      col = c;
    }
    Diagnostic d{Severity::Error, Code::L003, {file, line, col}, issue.message};
    std::string key = d.str();
    if (key == last) continue;  // libxml2 repeats some messages verbatim
    last = key;
    diags.add(std::move(d));
  }
  if (rc != 0 && collector.issues.empty())
    diags.error(Code::L003, {file, 1, 1}, "the document does not follow the content schema");
  return rc == 0;
}

SourceLoc ContentFile::loc(const xmlNode* n) const {
  auto [l, c] = locator->first_element(static_cast<int>(xmlGetLineNo(n)), reinterpret_cast<const char*>(n->name));
  return {name, l, c};
}

SourceLoc ContentFile::attr_loc(const SourceLoc& element, const char* attribute) const {
  auto [l, c] = locator->attribute(element.line, element.col, attribute);
  return {name, l, c};
}

ContentFile open_content_file(const std::filesystem::path& path, const ContentSchema& schema, Diagnostics& diags,
                              const std::function<bool(const ContentFile&, const xmlNode* root)>& root_ok) {
  ContentFile f;
  f.name = path.generic_string();
  diags.register_file(f.name);
  if (ReadResult read = read_file(path, f.bytes); !read) {
    diags.error(read.too_large() ? Code::L006 : Code::L001, {f.name, 0, 0}, "cannot be read: it " + read.reason);
    return f;
  }
  if (auto bad = check_utf8_text(f.bytes)) {
    diags.error(Code::L007, {f.name, bad->line, bad->col}, bad->message);
    return f;
  }
  XmlDocPtr doc = parse_xml(f.bytes, f.name, diags);
  if (!doc) return f;
  f.locator = std::make_unique<SourceLocator>(f.bytes);
  if (root_ok && !root_ok(f, xmlDocGetRootElement(doc.get()))) return f;
  if (!schema.validate(doc.get(), f.name, *f.locator, diags)) return f;
  f.doc = std::move(doc);
  return f;
}

}  // namespace renaksi
