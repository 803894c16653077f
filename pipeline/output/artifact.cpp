// The kinds of file a plan's build offers.
#include "output/artifact.h"

namespace renaksi {

namespace {

constexpr ArtifactType kTypes[] = {
    {ArtifactKind::Pdf, "PDF", "pdf", "application/pdf"},
    {ArtifactKind::Docx, "DOCX", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {ArtifactKind::OgpSubmission, "XML", "ogp.xml", "application/xml"},
};

}  // namespace

const ArtifactType& artifact_type(ArtifactKind kind) {
  for (const auto& t : kTypes)
    if (t.kind == kind) return t;
  return kTypes[0];  // unreachable: every kind has a row
}

std::string Artifact::file_name() const {
  std::string name = plan_id + ".";
  if (!period.empty()) name += "progress-" + period + ".";
  if (!edition.empty()) name += edition + ".";
  return name + std::string(type().extension);
}

std::string Artifact::path() const { return plan_id + "/" + file_name(); }

}  // namespace renaksi
