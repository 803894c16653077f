// Read helpers over the nodes of a parsed submission: namespace-aware names, children, attributes.
#pragma once

#include <libxml/tree.h>

#include "xml/xml_document.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace renaksi::ogp {

using renaksi::XmlCharPtr;  // xml/xml_document.h

// An element of the submission namespace (named `name`, when given).
bool is_submission_element(const xmlNode* n, const char* name = nullptr);

// The submission-namespace element children of `n` (named `name`, when given), in order.
std::vector<const xmlNode*> children(const xmlNode* n, const char* name = nullptr);
const xmlNode* child(const xmlNode* n, const char* name);

// An attribute without a namespace; nullopt when absent.
std::optional<std::string> attribute(const xmlNode* n, const char* name);
std::string attribute_or_empty(const xmlNode* n, const char* name);

// The xml:lang attribute of `n` itself (not inherited); "" when absent.
std::string xml_lang(const xmlNode* n);

}  // namespace renaksi::ogp
