// The rules of a submission that XML Schema 1.0 cannot express, checked after the XSD (V003-V008).
#pragma once

#include <libxml/tree.h>

#include <set>
#include <string>

#include "diag/diagnostic.h"
#include "xml/source_locator.h"

namespace renaksi::ogp {

// Checks a well-formed submission document, valid or not:
//   V003 a field lacks its text in a declared language, V004 two texts of a field in one
//   language, V005 no administrative language, V006 a period ending before it starts,
//   V007 an SDG target outside its goal, V008 a commitment without a lead institution.
// `schema_flagged` holds the nodes the schema reported. A missing English text is the schema's
// to report (every field requires <english>), so V003 leaves out English where the schema
// flagged the field or one of its texts; where libxml2 skipped a subtree after an earlier
// content error, V003 still reports it.
void check_submission_rules(const xmlDoc* doc, const std::string& file, const SourceLocator& locator,
                            const std::set<const xmlNode*>& schema_flagged, Diagnostics& diags);

}  // namespace renaksi::ogp
