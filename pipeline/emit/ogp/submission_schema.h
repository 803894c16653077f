// The OGP-submission XSD, compiled into the binary with its xml.xsd import served offline.
#pragma once

#include <string_view>
#include <vector>

#include "xml/handles.h"
#include "xml/xml_document.h"

namespace renaksi::ogp {

class SubmissionSchema {
 public:
  // The schema compiled once per process from schemas/ogp-submission.xsd as embedded at build
  // time. Throws std::runtime_error if it does not compile (a build defect, not a user error).
  static const SubmissionSchema& get();

  // Validates `doc`; returns every violation libxml2 reports (with the node concerned), and
  // whether the document is valid.
  bool validate(xmlDoc* doc, std::vector<XmlIssue>& issues) const;

  static std::string_view source();      // schemas/ogp-submission.xsd, as shipped
  static std::string_view xml_source();  // schemas/xml.xsd, as shipped

 private:
  SubmissionSchema();
  XmlSchemaPtr schema_;
};

}  // namespace renaksi::ogp
