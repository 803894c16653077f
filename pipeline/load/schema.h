// The content schema (RELAX NG, compiled into the binary) and validation against it.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
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

// One file of the content folder, read, parsed and validated.
struct ContentFile {
  std::string name;   // the path as diagnostics name it
  std::string bytes;  // as read
  XmlDocPtr doc;      // null when the file cannot be used (the reason reported)
  std::unique_ptr<SourceLocator> locator;  // over `bytes`, once it parsed

  // Where an element of the parsed document starts, and one of its attributes (after it parsed).
  SourceLoc loc(const xmlNode* n) const;
  SourceLoc attr_loc(const SourceLoc& element, const char* attribute) const;
};

// Reads `path` (L001, L006 when it cannot be read or is too large), checks it is UTF-8 text
// (L007), parses it (the parser's diagnostics) and validates it against `schema` (L003). Before
// validation `root_ok`, when given, looks at the root element and returns false, having
// reported why (L004), when the file holds another kind of document. Every content file is
// opened through here: the plan's own files, its progress files and the archive's site.xml.
ContentFile open_content_file(const std::filesystem::path& path, const ContentSchema& schema, Diagnostics& diags,
                              const std::function<bool(const ContentFile&, const xmlNode* root)>& root_ok = {});

}  // namespace renaksi
