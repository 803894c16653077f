// Where a node of a parsed submission is, and how to name it.
#include "emit/ogp/node_location.h"

#include <vector>

#include "emit/ogp/xml_access.h"

namespace renaksi::ogp {

namespace {

std::string name_of(const xmlNode* n) {
  std::string name = reinterpret_cast<const char*>(n->name);
  if (n->ns && n->ns->prefix) return reinterpret_cast<const char*>(n->ns->prefix) + (":" + name);
  return name;
}

// "commitment 4", "milestone 'm2'", "value 'inclusion'": how an element with an identity is
// called (its number, id, ref, kind, code or organisation); "" otherwise.
std::string identity(const xmlNode* n) {
  if (n->type != XML_ELEMENT_NODE) return "";
  const std::string name = reinterpret_cast<const char*>(n->name);
  if (name == "commitment") {
    std::string number = attribute_or_empty(n, "number");
    return number.empty() ? name : name + " " + number;
  }
  if (name == "plan") return name;
  for (const char* key : {"id", "ref", "kind", "code", "organisation"}) {
    std::string value = attribute_or_empty(n, key);
    if (!value.empty()) return name + " '" + value + "'";
  }
  return "";
}

}  // namespace

SourceLoc locate(const xmlNode* node, const std::string& file, const SourceLocator& locator) {
  if (!node) return {file, 0, 0};
  const xmlNode* element = node->type == XML_ATTRIBUTE_NODE ? node->parent : node;
  if (!element || element->type != XML_ELEMENT_NODE) return {file, static_cast<int>(xmlGetLineNo(node)), 0};
  auto [line, col] = locator.first_element(static_cast<int>(xmlGetLineNo(element)), name_of(element));
  if (node->type == XML_ATTRIBUTE_NODE && col > 0) {
    auto [aline, acol] = locator.attribute(line, col, name_of(node));
    return {file, aline, acol};
  }
  return {file, line, col};
}

std::string describe(const xmlNode* node) {
  if (node && node->type == XML_ATTRIBUTE_NODE) node = node->parent;
  // The path below the nearest identified ancestor ("title/text"), then the identities above.
  std::string path;
  std::vector<std::string> identities;
  for (const xmlNode* n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    std::string who = identity(n);
    if (!who.empty()) {
      identities.push_back(who);
    } else if (identities.empty() && ((n->parent && n->parent->type == XML_ELEMENT_NODE) || path.empty())) {
      // the root (<submission>) is named only when it is the node itself
      path = path.empty() ? std::string(reinterpret_cast<const char*>(n->name))
                          : reinterpret_cast<const char*>(n->name) + ("/" + path);
    }
  }
  std::string out;
  for (auto it = identities.rbegin(); it != identities.rend(); ++it) out += (out.empty() ? "" : ", ") + *it;
  if (!path.empty()) out += (out.empty() ? "" : ", ") + path;
  return out;
}

}  // namespace renaksi::ogp
