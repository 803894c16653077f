// The files a plan's build offers (its editions and its submission): kind, language, file name
// and media type, declared once. Emitters name their files with it; the site lists its
// downloads from it.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace renaksi {

enum class ArtifactKind { Pdf, Docx, OgpSubmission };

// What a kind of artifact is, for people and for browsers.
struct ArtifactType {
  ArtifactKind kind;
  std::string_view format;      // "PDF", "DOCX", "XML": the name readers know it by
  std::string_view extension;   // "pdf", "docx", "ogp.xml"
  std::string_view media_type;  // "application/pdf", ...
};

const ArtifactType& artifact_type(ArtifactKind kind);

// One file of a plan's build.
struct Artifact {
  Artifact() = default;
  Artifact(ArtifactKind k, std::string plan, std::string ed, std::string per = {})
      : kind(k), plan_id(std::move(plan)), edition(std::move(ed)), period(std::move(per)) {}

  ArtifactKind kind = ArtifactKind::Pdf;
  std::string plan_id;
  std::string edition;  // a language code or "bilingual" (PDF), a language code (DOCX); empty (OGP)
  std::string period;   // a self-assessment report's period id ("p2"); empty for the plan's editions

  const ArtifactType& type() const { return artifact_type(kind); }
  // "nap-2018-2020.id.pdf", "nap-2018-2020.en.docx", "nap-2018-2020.ogp.xml"; a report:
  // "nap-2018-2020.progress-p2.en.pdf"
  std::string file_name() const;
  // The path in a build's outputs: "<plan-id>/" + file_name().
  std::string path() const;
};

// The path of a plan's artifact in a build's outputs.
inline std::string artifact_path(const std::string& plan_id, ArtifactKind kind, const std::string& edition = {},
                                 const std::string& period = {}) {
  return Artifact{kind, plan_id, edition, period}.path();
}

}  // namespace renaksi
