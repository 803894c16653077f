// Safe XML parsing with libxml2: RAII handles, no network, no entities, no DTDs, every error kept.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "xml/handles.h"

namespace renaksi {

// Takes ownership of a libxml2 string and returns its text ("" for null).
std::string take_xml_string(xmlChar* p);

// One problem libxml2 reported, with where it was.
struct XmlIssue {
  int line = 0;
  int col = 0;
  const xmlNode* node = nullptr;  // for validity errors, the node concerned (may be null)
  std::string message;
};

// Collects libxml2's structured errors for the duration of one call (scoped; restores the
// previous handler). libxml2 keeps the handler per thread.
class XmlErrorCollector {
 public:
  XmlErrorCollector();
  ~XmlErrorCollector();
  XmlErrorCollector(const XmlErrorCollector&) = delete;
  XmlErrorCollector& operator=(const XmlErrorCollector&) = delete;

  static void handler(void* self, xmlErrorPtr error);
  std::vector<XmlIssue> issues;
};

// The codes parse_xml reports with: the load pass's by default; other readers of XML (the
// OGP-submission validator) pass their own.
struct XmlParseCodes {
  Code malformed = Code::L002;  // a well-formedness error
  Code doctype = Code::L005;    // a DOCTYPE is present
  Code internal = Code::L001;   // the parser cannot be created
  const char* doctype_message = "content may not carry a DOCTYPE or entity declarations; remove the <!DOCTYPE ...> line";
};

// Parses `bytes` with XML_PARSE_NONET, without entity substitution or DTD loading. Each
// well-formedness error becomes a `codes.malformed` (L002) diagnostic at its line and column,
// and a document with a DOCTYPE is refused with `codes.doctype` (L005). Returns null when the
// document cannot be used.
XmlDocPtr parse_xml(const std::string& bytes, const std::string& file, Diagnostics& diags,
                    const XmlParseCodes& codes = {});

// The text content of a node and its descendants.
std::string node_text(const xmlNode* node);

// True when `n` is an element named `name` (no namespace checked).
bool is_element(const xmlNode* n, const char* name);
// The child elements of `n` named `name`, in document order (none for null).
std::vector<const xmlNode*> child_elements(const xmlNode* n, const char* name);
// The value of attribute `name` of `n` ("" when it has none), and whether it has one.
std::string attribute(const xmlNode* n, const char* name);
bool has_attribute(const xmlNode* n, const char* name);

}  // namespace renaksi
