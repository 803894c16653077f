// The content schema and validation against it.
#include "load/schema.h"

#include <stdexcept>

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

}  // namespace renaksi
