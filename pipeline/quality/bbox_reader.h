// Reads what poppler's tools say of a PDF's text into a quality::BboxDocument: the XHTML of
// `pdftotext -bbox-layout` (pages, flows, blocks, lines, words and their boxes) and the XML of
// `pdftohtml -xml -i` (the size and boldness of each run of text, which pdftotext does not give).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "quality/pdf_quality.h"

namespace renaksi::quality {

// The XHTML of `pdftotext -bbox-layout`; nullopt (and `error` set) when it is not that. Flows are
// flattened: a page is its blocks in pdftotext's order. Parsed without network, DTD or entities.
std::optional<BboxDocument> read_bbox_xhtml(const std::string& xhtml, std::string& error);

// One run of text of `pdftohtml -xml`, in PDF points.
struct FontRun {
  Box box;
  double size = 0;  // points
  bool bold = false;
};

// The runs of each page of the XML of `pdftohtml -xml -i` (index 0: page 1), scaled from its
// zoomed pixels to points by `page_heights` (the pages' heights in points, as pdftotext gives
// them). Empty, with `error` set, when it cannot be read.
std::vector<std::vector<FontRun>> read_font_runs(const std::string& xml, const std::vector<double>& page_heights,
                                                 std::string& error);

// Gives each line the size and boldness of the runs that overlap it (weighted by overlap width).
void attach_fonts(BboxDocument& doc, const std::vector<std::vector<FontRun>>& runs);

}  // namespace renaksi::quality
