// Where a node of a parsed submission is (file, line, column) and how to name it in a message.
#pragma once

#include <libxml/tree.h>

#include <string>

#include "xml/source_locator.h"
#include "diag/source_loc.h"

namespace renaksi::ogp {

// The start tag of element `node` (or of the element that owns attribute `node`, pointing at
// the attribute): libxml2 records only lines, the locator finds the column in the text.
SourceLoc locate(const xmlNode* node, const std::string& file, const SourceLocator& locator);

// What a reader calls the element, from its nearest identified ancestors:
// "commitment 4, milestone 'm2', expectedOutput", "organisation 'lkpp', name", "plan, title".
std::string describe(const xmlNode* node);

}  // namespace renaksi::ogp
