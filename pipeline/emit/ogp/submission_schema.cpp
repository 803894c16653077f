// The OGP-submission XSD, compiled into the binary with its xml.xsd import served offline.
//
// How the import of xml.xsd resolves without a network: ogp-submission.xsd imports the XML
// namespace with schemaLocation="xml.xsd", so that xmllint, reading the schema from schemas/,
// finds the copy beside it. Compiled from memory, libxml2 asks its external entity loader for
// the resource "xml.xsd". While the schema compiles (once per process), a scoped loader is
// installed that answers that one name with the copy of schemas/xml.xsd embedded in the binary
// and refuses every other resource, so nothing is ever read from the file system or the
// network. The loader is libxml2-global, so it is restored as soon as compilation ends; the
// compiled schema holds every declaration and validation never loads anything.
#include "emit/ogp/submission_schema.h"

#include <libxml/parserInternals.h>

#include <stdexcept>
#include <string>

namespace renaksi {
namespace embedded {
extern const std::string_view ogp_submission_schema;
extern const std::string_view xml_namespace_schema;
}  // namespace embedded

namespace ogp {

namespace {

constexpr std::string_view kXmlSchemaLocation = "xml.xsd";

xmlParserInputPtr serve_embedded(const char* url, const char* /*id*/, xmlParserCtxtPtr ctxt) {
  if (!url || std::string_view(url) != kXmlSchemaLocation) return nullptr;  // refuse: offline only
  const std::string_view data = embedded::xml_namespace_schema;
  // A copy, not xmlParserInputBufferCreateStatic: libxml2 2.9.14 reads a static buffer twice
  // over once the encoding declaration switches the input to UTF-8, and the import fails.
  XmlParserInputBufferPtr buffer(
      xmlParserInputBufferCreateMem(data.data(), static_cast<int>(data.size()), XML_CHAR_ENCODING_NONE));
  if (!buffer) return nullptr;
  xmlParserInputPtr input = xmlNewIOInputStream(ctxt, buffer.get(), XML_CHAR_ENCODING_NONE);
  if (input) buffer.release();  // the input stream owns the buffer now; libxml2 frees the stream
  return input;
}

// Installs serve_embedded as libxml2's external entity loader for its lifetime.
class ScopedEmbeddedLoader {
 public:
  ScopedEmbeddedLoader() : previous_(xmlGetExternalEntityLoader()) { xmlSetExternalEntityLoader(&serve_embedded); }
  ~ScopedEmbeddedLoader() { xmlSetExternalEntityLoader(previous_); }
  ScopedEmbeddedLoader(const ScopedEmbeddedLoader&) = delete;
  ScopedEmbeddedLoader& operator=(const ScopedEmbeddedLoader&) = delete;

 private:
  xmlExternalEntityLoader previous_;
};

}  // namespace

std::string_view SubmissionSchema::source() { return embedded::ogp_submission_schema; }
std::string_view SubmissionSchema::xml_source() { return embedded::xml_namespace_schema; }

const SubmissionSchema& SubmissionSchema::get() {
  static const SubmissionSchema schema;  // compiled once; C++ serialises the first call
  return schema;
}

SubmissionSchema::SubmissionSchema() {
  XmlErrorCollector collector;
  ScopedEmbeddedLoader loader;
  const std::string_view xsd = embedded::ogp_submission_schema;
  XmlSchemaParserCtxtPtr ctxt(
      xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size())));
  if (ctxt) {
    xmlSchemaSetParserStructuredErrors(ctxt.get(), &XmlErrorCollector::handler, &collector);
    schema_.reset(xmlSchemaParse(ctxt.get()));
  }
  if (!schema_) {
    std::string why;
    for (const auto& i : collector.issues) why += "\n  line " + std::to_string(i.line) + ": " + i.message;
    if (why.empty()) why = "unknown error";
    throw std::runtime_error("the built-in OGP-submission schema does not compile: " + why);
  }
}

bool SubmissionSchema::validate(xmlDoc* doc, std::vector<XmlIssue>& issues) const {
  XmlErrorCollector collector;
  XmlSchemaValidCtxtPtr ctxt(xmlSchemaNewValidCtxt(schema_.get()));
  if (!ctxt) throw std::bad_alloc();
  xmlSchemaSetValidStructuredErrors(ctxt.get(), &XmlErrorCollector::handler, &collector);
  int rc = xmlSchemaValidateDoc(ctxt.get(), doc);
  issues = std::move(collector.issues);
  return rc == 0;
}

}  // namespace ogp
}  // namespace renaksi
