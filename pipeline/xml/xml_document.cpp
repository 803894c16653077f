// Safe XML parsing with libxml2.
#include "xml/xml_document.h"

#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstring>

namespace renaksi {

namespace {
std::string trim_message(const char* msg) {
  std::string s = msg ? msg : "unknown XML error";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  // libxml2 puts details on a line of their own ("...\nBytes: 0xE9 0x20"): one line.
  for (size_t at; (at = s.find('\n')) != std::string::npos;) s.replace(at, 1, "; ");
  return s;
}

// Called by libxml2 when it meets `<!DOCTYPE name ...`, before it reads the declarations inside
// `[ ... ]`: the parse stops there, so no entity of a hostile DTD (a billion laughs, an external
// file) is ever declared, let alone expanded.
void stop_at_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  *static_cast<bool*>(ctxt->_private) = true;
  xmlStopParser(ctxt);
}

}  // namespace

XmlErrorCollector::XmlErrorCollector() { xmlSetStructuredErrorFunc(this, &XmlErrorCollector::handler); }

XmlErrorCollector::~XmlErrorCollector() { xmlSetStructuredErrorFunc(nullptr, nullptr); }

void XmlErrorCollector::handler(void* self, xmlErrorPtr error) {
  if (!self || !error) return;
  auto* collector = static_cast<XmlErrorCollector*>(self);
  XmlIssue issue;
  issue.line = error->line;
  issue.col = error->int2;
  issue.node = static_cast<const xmlNode*>(error->node);
  issue.message = trim_message(error->message);
  collector->issues.push_back(std::move(issue));
}

XmlDocPtr parse_xml(const std::string& bytes, const std::string& file, Diagnostics& diags,
                    const XmlParseCodes& codes) {
  XmlErrorCollector collector;
  XmlParserCtxtPtr ctxt(xmlNewParserCtxt());
  if (!ctxt) {
    diags.error(codes.internal, {file, 0, 0}, "out of memory creating the XML parser");
    return nullptr;
  }
  // NONET: never fetch anything. Not NOENT (no entity substitution), not DTDLOAD/DTDATTR.
  // BIG_LINES: line numbers past 65535 stay right.
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
  bool doctype = false;
  ctxt->_private = &doctype;
  if (ctxt->sax) ctxt->sax->internalSubset = &stop_at_doctype;
  XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), file.c_str(), "UTF-8",
                                  options));
  bool ok = doc && ctxt->wellFormed && !doctype;
  if (!doctype)
    for (const auto& issue : collector.issues)
      diags.error(codes.malformed, {file, issue.line, issue.col}, issue.message);
  if (!ok && !doctype) {
    if (collector.issues.empty()) diags.error(codes.malformed, {file, 1, 1}, "the XML cannot be parsed");
    return nullptr;
  }
  if (doctype || doc->intSubset || doc->extSubset) {
    // libxml2 keeps no line for a DTD node: find the declaration in the text.
    size_t at = bytes.find("<!DOCTYPE");
    int line = 1, col = 1;
    if (at != std::string::npos) {
      size_t line_start = bytes.rfind('\n', at);
      line += static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(at), '\n'));
      col = static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
    }
    diags.error(codes.doctype, {file, line, col}, codes.doctype_message);
    return nullptr;
  }
  return doc;
}

std::string take_xml_string(xmlChar* p) {
  XmlCharPtr owned(p);
  return owned ? std::string(reinterpret_cast<const char*>(owned.get())) : std::string();
}

std::string node_text(const xmlNode* node) { return take_xml_string(xmlNodeGetContent(node)); }

bool is_element(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::vector<const xmlNode*> child_elements(const xmlNode* n, const char* name) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (is_element(c, name)) out.push_back(c);
  return out;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  return v ? take_xml_string(v) : std::string();
}

bool has_attribute(const xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

}  // namespace renaksi
