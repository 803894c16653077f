// The quality tool end to end on the real PDF editions: poppler's pdftotext and pdftohtml run on
// a PDF the pipeline made, their output read and measured (pipeline/quality/measure_pdf.h).
#include "quality/measure_pdf.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/paths.h"
#include "support/shared_archive.h"

namespace renaksi::quality {
namespace {

namespace fs = std::filesystem;

class PdfQualityEditions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { dir_ = std::make_unique<testing::TempDir>("pdf-quality"); }
  static void TearDownTestSuite() { dir_.reset(); }

  // The figures of one edition of one plan of content/, as the build makes it.
  static QualityFigures figures(const std::string& plan, const std::string& edition) {
    const std::string name = plan + "/" + plan + "." + edition + ".pdf";
    for (const auto& [path, bytes] : testing::shared_archive().outputs.files())
      if (path == name) {
        const fs::path file = dir_->path() / (plan + "." + edition + ".pdf");
        std::ofstream(file, std::ios::binary) << bytes;
        PdfMeasure m = measure_pdf(file.string());
        EXPECT_TRUE(m.ok) << m.error;
        return m.figures;
      }
    ADD_FAILURE() << "no " << name << " in the build";
    return {};
  }
  static inline std::unique_ptr<testing::TempDir> dir_;
};

// The typesetting targets of issue 11, on every edition of every plan of content/: no widow, no
// orphan, no heading at a page foot, no word cut without a hyphen, no justified line whose word
// gap is over three times the normal space, and no more over twice than LaTeX sets on the same
// English content (about 10).
TEST_F(PdfQualityEditions, EveryEditionOfEveryPlanMeetsTheTypesettingTargets) {
  for (const std::string plan : {"nap-2018-2020", "nap-2020-2022", "nap-2023-2024"})
    for (const std::string edition : {"id", "en", "bilingual"}) {
      SCOPED_TRACE(plan + "." + edition + ".pdf");
      const QualityFigures f = figures(plan, edition);
      EXPECT_GT(f.pages, 10);
      EXPECT_EQ(f.widows, 0);
      EXPECT_EQ(f.orphans, 0);
      EXPECT_EQ(f.headings_at_foot, 0);
      EXPECT_EQ(f.cuts, 0);
      EXPECT_EQ(f.loose_3x, 0);
      EXPECT_LE(f.loose_2x, 10);
      EXPECT_LT(f.worst_gap_em, 0.75);
    }
}

TEST_F(PdfQualityEditions, TheToolReadsThePagesLinesAndWordsOfAnEdition) {
  const QualityFigures f = figures("nap-2018-2020", "en");
  EXPECT_GT(f.pages, 20);
  EXPECT_GT(f.lines, 1000);
  EXPECT_GT(f.words, 10000);
  EXPECT_GT(f.justified_lines, 300);
  EXPECT_NEAR(f.normal_space_em, 0.26, 0.02);  // Noto Sans' space, measured on ragged lines
  EXPECT_GE(f.loose_3x, 0);
  EXPECT_LE(f.worst_gap_em, 5.0);
}

TEST_F(PdfQualityEditions, ABilingualEditionIsReadToo) {
  const QualityFigures f = figures("nap-2018-2020", "bilingual");
  EXPECT_GT(f.pages, 40);
  EXPECT_GT(f.words, 20000);
}

TEST(PdfQualityMeasure, AFileThatIsNotAPdfIsAnErrorNotAFigure) {
  testing::TempDir dir("pdf-quality-bad");
  const fs::path f = dir.path() / "not.pdf";
  std::ofstream(f) << "not a PDF";
  PdfMeasure m = measure_pdf(f.string());
  EXPECT_FALSE(m.ok);
  EXPECT_NE(m.error.find("pdftotext"), std::string::npos) << m.error;
}

}  // namespace
}  // namespace renaksi::quality
