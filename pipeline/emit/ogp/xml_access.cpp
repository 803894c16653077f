// Read helpers over the nodes of a parsed submission.
#include "emit/ogp/xml_access.h"

#include <string_view>

#include "emit/ogp/vocabulary.h"

namespace renaksi::ogp {

namespace {
const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

}  // namespace

bool is_submission_element(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns &&
         std::string_view(reinterpret_cast<const char*>(n->ns->href)) == kNamespace &&
         (!name || xmlStrcmp(n->name, x(name)) == 0);
}

std::vector<const xmlNode*> children(const xmlNode* n, const char* name) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (is_submission_element(c, name)) out.push_back(c);
  return out;
}

const xmlNode* child(const xmlNode* n, const char* name) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (is_submission_element(c, name)) return c;
  return nullptr;
}

std::optional<std::string> attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, x(name));
  if (!v) return std::nullopt;
  return take_xml_string(v);
}

std::string attribute_or_empty(const xmlNode* n, const char* name) { return attribute(n, name).value_or(""); }

std::string xml_lang(const xmlNode* n) { return take_xml_string(xmlGetNsProp(n, x("lang"), XML_XML_NAMESPACE)); }

}  // namespace renaksi::ogp
