// Builds HTML as a libxml2 tree and serialises it.
#include "emit/html/html_tree.h"

#include <libxml/xmlsave.h>

#include <cstring>
#include <memory>

namespace renaksi::html {

namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

}  // namespace

xmlNode* element(xmlNode* parent, const char* name, std::initializer_list<Attr> attrs) {
  xmlNode* n = xmlNewDocNode(parent->doc, nullptr, x(name), nullptr);
  xmlAddChild(parent, n);
  for (const auto& [k, v] : attrs) set_attr(n, k, v);
  return n;
}

void text(xmlNode* parent, std::string_view s) {
  if (s.empty()) return;
  xmlNode* t = xmlNewDocTextLen(parent->doc, reinterpret_cast<const xmlChar*>(s.data()), static_cast<int>(s.size()));
  // xmlAddChild merges adjacent text nodes (and frees `t` when it does).
  xmlAddChild(parent, t);
}

xmlNode* element_text(xmlNode* parent, const char* name, std::string_view s, std::initializer_list<Attr> attrs) {
  xmlNode* n = element(parent, name, attrs);
  text(n, s);
  return n;
}

void set_attr(xmlNode* node, const char* name, const std::string& value) {
  // xmlSetProp stores the value as a text child: it is never parsed for entities.
  xmlSetProp(node, x(name), x(value.c_str()));
}

std::string get_attr(const xmlNode* node, const char* name) {
  XmlCharPtr v(xmlGetProp(node, x(name)));
  return v ? std::string(reinterpret_cast<const char*>(v.get())) : std::string();
}

bool has_attr(const xmlNode* node, const char* name) { return xmlHasProp(node, x(name)) != nullptr; }

void remove_attr(xmlNode* node, const char* name) {
  if (xmlAttr* a = xmlHasProp(node, x(name))) xmlRemoveProp(a);
}

void add_class(xmlNode* node, const std::string& cls) {
  std::string v = get_attr(node, "class");
  set_attr(node, "class", v.empty() ? cls : v + " " + cls);
}

void remove_node(xmlNode* node) {
  xmlUnlinkNode(node);
  XmlNodePtr owned(node);  // frees the subtree (a DTD node too) when it goes
}

void clear_children(xmlNode* node) {
  while (node->children) remove_node(node->children);
}

xmlNode* find_element(xmlNode* root, const char* name) {
  if (!root) return nullptr;
  if (root->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(root->name), name) == 0) return root;
  for (xmlNode* c = root->children; c; c = c->next)
    if (xmlNode* f = find_element(c, name)) return f;
  return nullptr;
}

XmlDocPtr new_document(const std::string& lang) {
  XmlDocPtr doc(xmlNewDoc(x("1.0")));
  xmlNode* root = xmlNewDocNode(doc.get(), nullptr, x("html"), nullptr);
  xmlDocSetRootElement(doc.get(), root);
  set_attr(root, "lang", lang);
  return doc;
}

std::string serialize(xmlDoc* doc) {
  XmlBufferPtr buf(xmlBufferCreate());
  {
    // XML_SAVE_XHTML: void elements (br, img, meta, link, input, hr...) as `<br />`, all others
    // with an end tag even when empty, which is what an HTML parser reads back unchanged. It
    // adds `<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />` to the head,
    // the document's one encoding declaration. It applies only to a document without a DTD
    // node, so the doctype is written on its own first.
    XmlSavePtr save(xmlSaveToBuffer(buf.get(), "UTF-8", XML_SAVE_XHTML | XML_SAVE_NO_DECL));
    XmlDocPtr doctype_holder(xmlNewDoc(x("1.0")));
    xmlDtd* dtd = xmlCreateIntSubset(doctype_holder.get(), x("html"), nullptr, nullptr);
    // A line end after the doctype and at the end: a text node of its own, never attached
    // (attached beside another text node, libxml2 would merge and free it).
    XmlNodePtr newline(xmlNewDocText(doctype_holder.get(), x("\n")));
    xmlSaveTree(save.get(), reinterpret_cast<xmlNode*>(dtd));
    xmlSaveTree(save.get(), newline.get());
    xmlSaveTree(save.get(), xmlDocGetRootElement(doc));
    xmlSaveTree(save.get(), newline.get());
  }
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf.get())), xmlBufferLength(buf.get()));
}

std::string serialize_xml(xmlDoc* doc) {
  XmlBufferPtr buf(xmlBufferCreate());
  {
    XmlSavePtr save(xmlSaveToBuffer(buf.get(), "UTF-8", XML_SAVE_FORMAT));
    xmlSaveDoc(save.get(), doc);
  }
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf.get())), xmlBufferLength(buf.get()));
}

}  // namespace renaksi::html
