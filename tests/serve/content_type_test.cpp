// The media types the preview server sends.
#include <gtest/gtest.h>

#include "output/artifact.h"
#include "serve/content_type.h"

namespace renaksi::serve {
namespace {

TEST(ServeContentType, EveryKindOfFileOfTheSite) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/site.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/search.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("logo.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("sitemap.xml"), "application/xml");
  EXPECT_EQ(content_type_for("x.pdf"), "application/pdf");
  EXPECT_EQ(content_type_for("x.docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(content_type_for("index.json"), "application/json");
  EXPECT_EQ(content_type_for("favicon.ico"), "image/x-icon");
  EXPECT_EQ(content_type_for("LOGO.PNG"), "image/png");
  EXPECT_EQ(content_type_for("README"), "application/octet-stream");
  EXPECT_EQ(content_type_for("x."), "application/octet-stream");
  EXPECT_EQ(content_type_for("a.b/c"), "application/octet-stream");
}

// A download is served with the media type the site's download list declares for it.
TEST(ServeContentType, AgreesWithTheArtifactTable) {
  for (const ArtifactKind kind : {ArtifactKind::Pdf, ArtifactKind::Docx, ArtifactKind::OgpSubmission}) {
    const Artifact a{kind, "plan", kind == ArtifactKind::OgpSubmission ? "" : "en"};
    EXPECT_EQ(content_type_for(a.file_name()), a.type().media_type) << a.file_name();
  }
}

}  // namespace
}  // namespace renaksi::serve
