// Builds HTML as a libxml2 tree and serialises it: the one place where markup is written.
#pragma once

#include <libxml/tree.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "xml/xml_document.h"

namespace renaksi::html {

using Attr = std::pair<const char*, std::string>;

// Appends an element `name` to `parent`, with attributes set as literal values (libxml2 escapes
// them when the tree is written).
xmlNode* element(xmlNode* parent, const char* name, std::initializer_list<Attr> attrs = {});

// Appends literal text: never parsed as markup or entities.
void text(xmlNode* parent, std::string_view s);

// An element holding one text.
xmlNode* element_text(xmlNode* parent, const char* name, std::string_view s, std::initializer_list<Attr> attrs = {});

void set_attr(xmlNode* node, const char* name, const std::string& value);
std::string get_attr(const xmlNode* node, const char* name);  // "" when absent
bool has_attr(const xmlNode* node, const char* name);
void remove_attr(xmlNode* node, const char* name);
void add_class(xmlNode* node, const std::string& cls);

// Unlinks `node` from its tree and frees it (with its subtree).
void remove_node(xmlNode* node);

// Removes and frees every child of `node`.
void clear_children(xmlNode* node);

// The first element (depth first, document order) named `name`, or null.
xmlNode* find_element(xmlNode* root, const char* name);

// Visits every element under `root`, `root` included, in document order.
// `f` may change attributes, not the tree's shape.
template <typename F>
void for_each_element(xmlNode* root, F&& f) {
  if (!root || root->type != XML_ELEMENT_NODE) return;
  f(root);
  for (xmlNode* c = root->children; c; c = c->next) for_each_element(c, f);
}

// A new, empty HTML document: `<html lang>` as its root element.
XmlDocPtr new_document(const std::string& lang);

// Writes `doc` as an HTML5 document in the XML syntax that HTML parsers read the same way:
// `<!DOCTYPE html>`, void elements as `<br />`, every other element with its end tag, text and
// attribute values escaped by libxml2, UTF-8, no XML declaration.
std::string serialize(xmlDoc* doc);

// Writes `doc` as a standalone XML document (with its XML declaration), for sitemap.xml.
std::string serialize_xml(xmlDoc* doc);

}  // namespace renaksi::html
