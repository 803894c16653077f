// Measures the typesetting of a PDF file: runs pdftotext and pdftohtml (poppler-utils) on it
// through the process runner, never a shell, and analyses what they report (pdf_quality.h).
#pragma once

#include <string>

#include "quality/pdf_quality.h"

namespace renaksi::quality {

struct PdfMeasure {
  bool ok = false;
  std::string error;  // why the PDF could not be measured, when !ok
  QualityFigures figures;
};

// The figures of the PDF at `path`. Without pdftohtml's fonts (it failed) headings are not
// found; that is an error too, so a measure is never silently partial.
PdfMeasure measure_pdf(const std::string& path);

}  // namespace renaksi::quality
