// The content schema (RELAX NG, compiled into the binary) and validation against it.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "xml/handles.h"
#include "xml/source_locator.h"
#include "xml/xml_document.h"

namespace renaksi {

class ContentSchema {
 public:
  // Compiles the embedded schema (schemas/content.rng). Throws std::runtime_error if the
  // binary's own schema does not compile, which is a build defect, not a content problem.
  ContentSchema();
  // Compiles another embedded RELAX NG schema of the content folder (schemas/site.rng); its
  // violations are L003 diagnostics like the content schema's.
  explicit ContentSchema(std::string_view rng);

  // Validates `doc`; each violation becomes an L003 diagnostic with line and column.
  bool validate(xmlDoc* doc, const std::string& file, const SourceLocator& locator, Diagnostics& diags) const;

  static std::string_view source();  // the schema text, as shipped

 private:
  RelaxNGPtr schema_;
};

}  // namespace renaksi
