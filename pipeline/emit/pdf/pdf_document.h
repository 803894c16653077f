// A PDF being written with libharu: the document handle, its embedded TrueType faces (which
// also measure text for the layout), and the drawing of laid-out pages, links, bookmarks and
// document information.
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hpdf.h>

#include <array>
#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "diag/diagnostic.h"
#include "emit/pdf/kerning.h"
#include "emit/pdf/text_operators.h"
#include "layout/measure.h"
#include "layout/page.h"
#include "text/string_map.h"

namespace renaksi::pdf {

struct HpdfDocDeleter {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using HpdfDocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, HpdfDocDeleter>;

struct FtLibraryDeleter {
  void operator()(FT_Library l) const { FT_Done_FreeType(l); }
};
struct FtFaceDeleter {
  void operator()(FT_Face f) const { FT_Done_Face(f); }
};

struct DocumentInfo {
  std::string title, author, subject, keywords;
  std::chrono::sys_seconds date;
  std::string file;  // "<plan>.<edition>.pdf": where libharu's failures are reported
  std::string lang;  // the document's language (its first edition language): the catalogue's /Lang
};

class PdfDocument : public layout::Measure {
 public:
  // Creates the document and opens the style's five faces; each is embedded when the layout first
  // measures or draws with it (libharu's embedding of a face is some 60 million instructions, and
  // most editions never use two of the five). Failures are E001/E003 errors in `diags`; check
  // ok() before use, and after the layout.
  PdfDocument(const layout::Style& style, Diagnostics& diags);
  // libharu's error handler and the lazy faces hold the document's address: it stays where it is.
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;
  bool ok() const { return ok_; }

  // Kerned (the font's kerning, by HarfBuzz), as render() draws it.
  double width(layout::Face face, double size, std::string_view utf8) const override;
  bool covers(layout::Face face, char32_t c) const override;
  double ascent(layout::Face face) const override;

  // Draws the pages and returns the file's bytes: empty when there are no pages (the layout
  // reported why) or on any libharu failure (an E003 error at `info.file`, never a crash).
  // Each page's drawing is released once libharu has it (pass the layout with std::move).
  // A document renders once: libharu's objects are freed as soon as the file is read back, and
  // it measures nothing after (widths and ascents are 0, ok() is false).
  std::string render(layout::Pages pages, const DocumentInfo& info);

 private:
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);
  // Records a call's failure (the first one); true when it succeeded.
  bool status(HPDF_STATUS st);
  // Reports the recorded failure, if any, as E003 while doing `what`; false after a failure.
  bool check(const char* what);
  // The advance widths of `utf8` in `face`, unkerned, in thousandths of an em (libharu's).
  double units(layout::Face face, std::string_view utf8) const;
  // Appends to `out` the operators that draw `g` at its place, its kerned pairs moved as width()
  // measured them (`ops`: the text object's line so far).
  void show(std::string& out, TextOperators& ops, const layout::Glyphs& g) const;
  // The libharu font of `face`, embedded on first use; null after render(), or when it failed.
  HPDF_Font font(layout::Face face) const;
  HPDF_Font embed(layout::Face face);

  const layout::Style& style_;
  Diagnostics& diags_;
  HpdfDocPtr pdf_;
  std::array<HPDF_Font, layout::kFaceCount> fonts_{};
  std::array<bool, layout::kFaceCount> embedded_{};  // embedding tried (whether or not it worked)
  std::array<std::string, layout::kFaceCount> font_files_;
  PdfDocument* self_ = this;  // embed() from the const measures: a face embedded is their cache
  std::unique_ptr<std::remove_pointer_t<FT_Library>, FtLibraryDeleter> ft_;
  std::array<std::unique_ptr<std::remove_pointer_t<FT_Face>, FtFaceDeleter>, layout::kFaceCount> faces_;
  mutable std::array<std::unordered_map<char32_t, bool>, layout::kFaceCount> coverage_;
  mutable std::array<StringMap<double>, layout::kFaceCount> widths_;
  std::array<std::unique_ptr<Kerning>, layout::kFaceCount> kerning_;
  std::string where_;  // the edition's file, once known; the style's name before
  HPDF_STATUS error_ = 0, detail_ = 0;
  bool ok_ = false;
};

// Percent-encodes what a URI may not carry as it is (spaces, non-ASCII, quotes) for a link.
std::string encode_uri(const std::string& uri);

}  // namespace renaksi::pdf
