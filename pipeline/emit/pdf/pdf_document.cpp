// A PDF being written with libharu.
#include "emit/pdf/pdf_document.h"

#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "emit/pdf/packed_content.h"
#include "emit/pdf/save_sink.h"
#include "emit/pdf/structure_tree.h"
#include "emit/pdf/to_unicode.h"
#include "env/heap.h"
#include "text/language_tag.h"

namespace renaksi::pdf {

using layout::Face;

namespace {
constexpr size_t kLongEditionPages = 300;  // the default plan's editions: 60-130 pages
}  // namespace

std::string encode_uri(const std::string& uri) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : uri) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' ||
        c == '|' || c == '}' || c == '(' || c == ')') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void PdfDocument::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
  auto* doc = static_cast<PdfDocument*>(self);
  if (doc->error_ == 0) {
    doc->error_ = error;
    doc->detail_ = detail;
  }
}

bool PdfDocument::status(HPDF_STATUS st) {
  if (st != HPDF_OK && error_ == 0) error_ = st;
  return st == HPDF_OK;
}

bool PdfDocument::check(const char* what) {
  if (error_ == 0) return true;
  char code[64];
  std::snprintf(code, sizeof code, "error 0x%04X, detail %u", static_cast<unsigned>(error_), static_cast<unsigned>(detail_));
  diags_.error(Code::E003, {where_, 0, 0},
               std::string("libharu failed while ") + what + " (" + code + "); the edition is not written");
  if (pdf_) HPDF_ResetError(pdf_.get());
  error_ = 0;
  ok_ = false;
  return false;
}

PdfDocument::PdfDocument(const layout::Style& style, Diagnostics& diags) : style_(style), diags_(diags), where_(style.name) {
  pdf_.reset(HPDF_New(&PdfDocument::on_error, this));
  if (!pdf_) {
    diags_.error(Code::E003, {style.name, 0, 0}, "libharu cannot create a document");
    return;
  }
  ok_ = true;
  if (!status(HPDF_SetCompressionMode(pdf_.get(), HPDF_COMP_ALL)) || !status(HPDF_UseUTFEncodings(pdf_.get())) ||
      !status(HPDF_SetCurrentEncoder(pdf_.get(), "UTF-8"))) {
    check("setting up UTF-8");
    return;
  }
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) {
    diags_.error(Code::E003, {style.name, 0, 0}, "FreeType cannot start");
    ok_ = false;
    return;
  }
  ft_.reset(lib);
  for (int f = 0; f < layout::kFaceCount; ++f) {
    const std::string path = style.fonts[static_cast<size_t>(f)].string();
    FT_Face face = nullptr;
    if (FT_New_Face(lib, path.c_str(), 0, &face) == 0) faces_[static_cast<size_t>(f)].reset(face);
    if (!faces_[static_cast<size_t>(f)]) {
      // Not a font FreeType can read (or no file): libharu is not asked to parse it.
      diags_.error(Code::E001, {path, 0, 0}, "cannot load this TrueType font");
      ok_ = false;
      return;
    }
    font_files_[static_cast<size_t>(f)] = path;
    kerning_[static_cast<size_t>(f)] = std::make_unique<Kerning>(faces_[static_cast<size_t>(f)].get(), path);
  }
}

HPDF_Font PdfDocument::font(Face face) const {
  const size_t f = static_cast<size_t>(face);
  if (fonts_[f] || embedded_[f] || !ok_) return fonts_[f];
  return self_->embed(face);
}

HPDF_Font PdfDocument::embed(Face face) {
  const size_t f = static_cast<size_t>(face);
  embedded_[f] = true;
  const std::string& path = font_files_[f];
  const char* name = HPDF_LoadTTFontFromFile(pdf_.get(), path.c_str(), HPDF_TRUE);
  if (name) fonts_[f] = HPDF_GetFont(pdf_.get(), name, "UTF-8");
  if (!fonts_[f] && error_ == 0) error_ = HPDF_INVALID_FONTDEF_DATA;
  if (fonts_[f]) status(fix_to_unicode(fonts_[f]));
  if (!check(("embedding the font " + path).c_str())) fonts_[f] = nullptr;
  return fonts_[f];
}

double PdfDocument::units(Face face, std::string_view utf8) const {
  // libharu measures at most HPDF_LIMIT_MAX_STRING_LEN bytes at a time (more is an error that
  // poisons the document): measure long texts in pieces cut between characters. Widths add up,
  // as libharu measures without kerning.
  double units = 0;
  const HPDF_Font font = this->font(face);
  if (!font) return 0;  // after render(), or no font
  size_t from = 0;
  while (from < utf8.size()) {
    size_t to = std::min(utf8.size(), from + 4096);
    while (to < utf8.size() && to > from + 1 && (static_cast<unsigned char>(utf8[to]) & 0xC0) == 0x80) --to;
    HPDF_TextWidth tw = HPDF_Font_TextWidth(font,
                                            reinterpret_cast<const HPDF_BYTE*>(utf8.data() + from),
                                            static_cast<HPDF_UINT>(to - from));
    units += tw.width;
    from = to;
  }
  return units;
}

double PdfDocument::width(Face face, double size, std::string_view utf8) const {
  auto& cache = widths_[static_cast<size_t>(face)];
  auto it = cache.find(utf8);
  double units;
  if (it != cache.end()) {
    units = it->second;
  } else {
    if (!font(face)) return 0;  // after render(), or no font
    units = this->units(face, utf8);
    if (const auto& k = kerning_[static_cast<size_t>(face)]) units += k->total(utf8);
    if (utf8.size() <= 256) cache.emplace(std::string(utf8), units);
  }
  return units * size / 1000.0;
}

void PdfDocument::show(std::string& out, TextOperators& ops, const layout::Glyphs& g) const {
  // Measured, if the layout did not measure this very text: measuring marks its glyphs for the
  // subset of the font libharu embeds (a run the layout measured is found in the cache).
  (void)width(g.face, g.size, g.text);
  const auto& k = kerning_[static_cast<size_t>(g.face)];
  static const std::vector<Kern> none;
  // A reference into the kerning's memory: nothing below asks it for another text.
  const std::vector<Kern>& kerns = k ? k->of(g.text) : none;
  ops.show(out, g.x, g.y, g.text, kerns);
}

double PdfDocument::ascent(Face face) const {
  // The font's bounding box top, as readers of the PDF (pdftotext -bbox) measure a word's box.
  const HPDF_Font font = this->font(face);
  if (!font) return 0;  // after render(), or no font
  HPDF_Box box = HPDF_Font_GetBBox(font);
  return std::max<double>(box.top, HPDF_Font_GetAscent(font)) / 1000.0;
}

bool PdfDocument::covers(Face face, char32_t c) const {
  if (c == ' ' || c == '\n') return true;
  auto& cache = coverage_[static_cast<size_t>(face)];
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  bool has = FT_Get_Char_Index(faces_[static_cast<size_t>(face)].get(), c) != 0;
  // libharu drops characters beyond the Basic Multilingual Plane even when the font has them.
  if (c > 0xFFFF) has = false;
  cache.emplace(c, has);
  return has;
}

std::string PdfDocument::render(layout::Pages laid, const DocumentInfo& info) {
  if (!ok_) return {};
  if (!info.file.empty()) where_ = info.file;
  // An error while the layout measured text.
  if (!check("measuring text")) return {};
  if (laid.pages.empty()) return {};
  HPDF_Doc pdf = pdf_.get();
  // Every call's status is recorded (the first failure wins) and checked after each page and
  // each stage; a call that returns an object is checked for null before the object is used.
  auto rgb = [&](HPDF_Page page, const layout::Colour& c, bool fill) {
    return status(fill ? HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                                              static_cast<HPDF_REAL>(c.b))
                       : HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                                                static_cast<HPDF_REAL>(c.b)));
  };
  auto null = [&](const void* object, HPDF_STATUS code, const std::string& what) {
    if (object) return false;
    if (error_ == 0) error_ = code;
    check(what.c_str());
    return true;
  };
  HPDF_ExtGState translucent = HPDF_CreateExtGState(pdf);
  if (null(translucent, HPDF_INVALID_OBJECT, "creating a graphics state")) return {};
  status(HPDF_ExtGState_SetAlphaFill(translucent, 0.45f));
  if (!check("creating a graphics state")) return {};

  std::vector<HPDF_Page> pages;
  std::map<std::string, std::pair<size_t, double>> anchors;
  // Each page's content deflated once it is drawn (the save only copies it): held until the save.
  PackedContents packed;
  // Tagged PDF: every piece of text is a marked-content sequence of its structure element, or an
  // artifact (running heads, footers, the draft mark, rules and backgrounds).
  StructureTree tree(std::move(laid.elements), laid.langs, info.lang);
  for (size_t i = 0; i < laid.pages.size(); ++i) {
    layout::Page& p = laid.pages[i];
    const std::string what = "drawing page " + std::to_string(i + 1);
    HPDF_Page page = HPDF_AddPage(pdf);
    if (null(page, HPDF_INVALID_PAGE, "adding page " + std::to_string(i + 1))) return {};
    status(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(style_.page_width)));
    status(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(style_.page_height)));
    if (!check(what.c_str())) return {};
    pages.push_back(page);
    for (const auto& a : p.anchors) anchors.emplace(a.id, std::make_pair(i, a.y));
    tree.begin_page();
    HPDF_Stream content = static_cast<HPDF_PageAttr>(page->attr)->stream;
    if (!p.rects.empty() || !p.rules.empty()) status(HPDF_Stream_WriteStr(content, "/Artifact BMC\n"));
    for (const auto& r : p.rects) {
      rgb(page, r.fill, true);
      status(HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(r.y),
                                 static_cast<HPDF_REAL>(r.w), static_cast<HPDF_REAL>(r.h)));
      status(HPDF_Page_Fill(page));
    }
    for (const auto& r : p.rules) {
      rgb(page, r.colour, false);
      status(HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(r.width)));
      static const HPDF_UINT16 dots[] = {1, 2};
      status(HPDF_Page_SetDash(page, r.dotted ? dots : nullptr, r.dotted ? 2 : 0, 0));
      status(HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(r.x1), static_cast<HPDF_REAL>(r.y1)));
      status(HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(r.x2), static_cast<HPDF_REAL>(r.y2)));
      status(HPDF_Page_Stroke(page));
    }
    if (!p.rects.empty() || !p.rules.empty()) status(HPDF_Stream_WriteStr(content, "EMC\n"));
    if (!check(what.c_str())) return {};
    // Text in another language than the document's is a marked-content sequence carrying its
    // /Lang (PDF 32000-1, 14.9.2), so a screen reader speaks each language as itself. libharu has
    // no call for marked content: the operators go into the page's content stream directly,
    // inside the text object (where the standard allows them) and closed before it ends. The
    // language spans nest inside the structure's sequences (`tag`), in another language than
    // their element's.
    int tagged = -2;     // the element of the open structure sequence (-1: an artifact); -2: none open
    std::string marked;  // the language of the open sequence; empty: none open
    auto mark = [&](const std::string& lang) {
      const std::string& around = tagged >= 0 ? tree.lang_of(tagged) : lang;
      const bool wanted = !lang.empty() && lang != around && is_language_tag(lang);
      if (marked == (wanted ? lang : std::string())) return;
      if (!marked.empty()) status(HPDF_Stream_WriteStr(content, "EMC\n"));
      marked = wanted ? lang : std::string();
      if (!marked.empty()) status(HPDF_Stream_WriteStr(content, ("/Span <</Lang (" + marked + ")>> BDC\n").c_str()));
    };
    auto tag = [&](int elem) {
      if (elem == tagged) return;
      mark({});
      if (tagged != -2) status(HPDF_Stream_WriteStr(content, "EMC\n"));
      tagged = elem;
      if (tagged != -2) status(HPDF_Stream_WriteStr(content, tree.open(tagged).c_str()));
    };
    std::string operators;  // a run's, written into the content stream before the next call
    auto draw = [&](const std::vector<layout::Glyphs>& glyphs) {
      if (glyphs.empty()) return;
      status(HPDF_Page_BeginText(page));
      TextOperators text;  // a text object's line, from BT on
      HPDF_Font font = nullptr;
      double size = 0;
      layout::RunColour colour = layout::Colour{-1, -1, -1};
      for (const auto& g : glyphs) {
        if (error_ != 0) return;  // the first failure ends the page
        tag(g.elem < 0 ? -1 : g.elem);
        mark(laid.langs[g.lang]);
        HPDF_Font f = this->font(g.face);
        if (!f) return;  // embedding it failed (reported): the page ends here, the edition below
        if (f != font || g.size != size) {
          status(HPDF_Page_SetFontAndSize(page, f, static_cast<HPDF_REAL>(g.size)));
          font = f;
          size = g.size;
        }
        if (g.colour != colour) {
          status(HPDF_Page_SetRGBFill(page, g.colour.r, g.colour.g, g.colour.b));
          colour = g.colour;
        }
        if (g.angle != 0) {
          const double a = g.angle * 3.14159265358979 / 180;
          status(HPDF_Page_SetTextMatrix(page, static_cast<HPDF_REAL>(std::cos(a)), static_cast<HPDF_REAL>(std::sin(a)),
                                         static_cast<HPDF_REAL>(-std::sin(a)), static_cast<HPDF_REAL>(std::cos(a)),
                                         static_cast<HPDF_REAL>(g.x), static_cast<HPDF_REAL>(g.y)));
          status(HPDF_Page_ShowText(page, g.text.c_str()));
          text.reset();  // the text matrix is turned: the next run is placed anew
        } else {
          operators.clear();
          show(operators, text, g);
          status(HPDF_Stream_Write(content, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                                   static_cast<HPDF_UINT>(operators.size())));
        }
      }
      mark({});
      tag(-2);
      status(HPDF_Page_EndText(page));
    };
    if (!p.marks.empty() && error_ == 0) {  // the draft mark under the text
      status(HPDF_Page_GSave(page));
      status(HPDF_Page_SetExtGState(page, translucent));
      draw(p.marks);
      status(HPDF_Page_GRestore(page));
    }
    draw(p.text);
    if (!check(what.c_str()) || !ok_) return {};
    packed.pack(page);  // when it cannot, the page is saved as it is
    // The page's drawing is libharu's now: only its links and anchors are needed again, so a
    // long document does not hold its laid-out text twice while it is written.
    // (Assigned a new vector: `= {}` would empty it and keep its capacity.)
    p.text = std::vector<layout::Glyphs>();
    p.marks = std::vector<layout::Glyphs>();
    p.rects = std::vector<layout::Rect>();
    p.rules = std::vector<layout::Rule>();
  }
  // A long edition's drawn pages are given back to the system before libharu saves (240
  // commitments: ~50 MiB resident); a short one's are not worth the heap's walk, which also holds
  // up the editions drawn beside it on other threads.
  const bool long_edition = laid.pages.size() >= kLongEditionPages;
  if (long_edition) return_free_heap();

  // One destination per anchor, however many links and bookmarks lead there (an index links each
  // commitment from every organisation it names).
  std::map<std::string, HPDF_Destination> destinations;
  auto destination = [&](const std::string& anchor) -> HPDF_Destination {
    if (auto known = destinations.find(anchor); known != destinations.end()) return known->second;
    auto it = anchors.find(anchor);
    if (it == anchors.end()) return nullptr;
    HPDF_Destination dst = HPDF_Page_CreateDestination(pages[it->second.first]);
    if (!dst) {
      if (error_ == 0) error_ = HPDF_INVALID_DESTINATION;
      return nullptr;
    }
    status(HPDF_Destination_SetXYZ(dst, 0, static_cast<HPDF_REAL>(std::min(style_.page_height, it->second.second + 24)), 1));
    destinations.emplace(anchor, dst);
    return dst;
  };
  for (size_t i = 0; i < laid.pages.size(); ++i) {
    for (const auto& l : laid.pages[i].links) {
      HPDF_Rect rect{static_cast<HPDF_REAL>(l.x), static_cast<HPDF_REAL>(l.y), static_cast<HPDF_REAL>(l.x + l.w),
                     static_cast<HPDF_REAL>(l.y + l.h)};
      HPDF_Annotation annot = nullptr;
      if (l.target.starts_with("#")) {
        if (HPDF_Destination dst = destination(l.target.substr(1))) {
          annot = HPDF_Page_CreateLinkAnnot(pages[i], rect, dst);
          if (null(annot, HPDF_INVALID_OBJECT, "linking to #" + l.target.substr(1))) return {};
        }
      } else {
        annot = HPDF_Page_CreateURILinkAnnot(pages[i], rect, encode_uri(l.target).c_str());
        if (null(annot, HPDF_INVALID_OBJECT, "linking to " + encode_uri(l.target))) return {};
      }
      if (annot) status(HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0));
      if (annot) tree.annotation(l.elem, i, annot);
    }
    if (!check(("writing the links of page " + std::to_string(i + 1)).c_str())) return {};
  }
  HPDF_Encoder utf8 = HPDF_GetCurrentEncoder(pdf);
  if (null(utf8, HPDF_INVALID_ENCODER, "writing bookmarks")) return {};
  for (const auto& entry : laid.outline) {
    HPDF_Outline o = HPDF_CreateOutline(pdf, nullptr, entry.title.c_str(), utf8);
    if (null(o, HPDF_INVALID_OUTLINE, "writing the bookmark #" + entry.anchor)) return {};
    if (HPDF_Destination dst = destination(entry.anchor)) status(HPDF_Outline_SetDestination(o, dst));
  }
  status(HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE));
  // The document's language (libharu has no call for it: the catalogue is written directly).
  if (is_language_tag(info.lang)) {
    HPDF_String lang = HPDF_String_New(pdf->mmgr, info.lang.c_str(), nullptr);
    if (null(lang, HPDF_INVALID_OBJECT, "writing the document's language")) return {};
    status(HPDF_Dict_Add(pdf->catalog, "Lang", lang));
  }
  if (!check("writing links and bookmarks")) return {};
  status(tree.prepare(pdf, pages));
  if (!check("writing the structure tree")) return {};

  status(HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, info.title.c_str()));
  status(HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, info.author.c_str()));
  status(HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, info.subject.c_str()));
  status(HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, info.keywords.c_str()));
  status(HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "renaksi"));
  const auto days = std::chrono::floor<std::chrono::days>(info.date);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{info.date - days};
  HPDF_Date date{static_cast<HPDF_INT>(static_cast<int>(ymd.year())), static_cast<HPDF_INT>(static_cast<unsigned>(ymd.month())),
                 static_cast<HPDF_INT>(static_cast<unsigned>(ymd.day())), static_cast<HPDF_INT>(hms.hours().count()),
                 static_cast<HPDF_INT>(hms.minutes().count()), static_cast<HPDF_INT>(hms.seconds().count()), 'Z', 0, 0};
  status(HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date));
  status(HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date));
  if (!check("writing the document information")) return {};

  // libharu saves through `sink` (save_sink.h), not into its memory stream: it has no call to save
  // to a stream of one's own, but HPDF_SaveToStream writes into the document's `stream` (public in
  // hpdf_doc.h) and makes a memory stream only when there is none. The stream is freed and
  // detached as soon as the save returns, so nothing of libharu's points at the sink after it.
  SaveSink sink;
  pdf->stream = HPDF_CallbackWriter_New(pdf->mmgr, &SaveSink::write, &sink);
  if (null(pdf->stream, HPDF_FAILD_TO_ALLOC_MEM, "saving")) return {};
  status(HPDF_SaveToStream(pdf));
  HPDF_Stream_Free(pdf->stream);
  pdf->stream = nullptr;
  if (!check("saving")) return {};
  // Saved: libharu's document (every page's content and object) is freed now, before the file
  // is read back and its structure tree written into it.
  pdf_.reset();
  fonts_.fill(nullptr);
  ok_ = false;
  if (long_edition) return_free_heap();
  // Room for the structure tree and the new table: about as much again as libharu wrote (the
  // bilingual 240-commitment edition: 10 MB of tree and table after 10 MB). Room not written to
  // costs address space, not memory.
  std::optional<std::string> saved = sink.take(sink.size() + 65536);
  if (!saved || saved->empty()) {
    error_ = HPDF_FILE_IO_ERROR;
    check(saved ? "saving (an empty file)" : "reading the saved file back");
    return {};
  }
  std::string& bytes = *saved;
  if (!tree.splice(bytes)) {
    diags_.error(Code::E003, {where_, 0, 0},
                 "the file libharu saved is not laid out as renaksi reads one (a libharu other than 2.3?), so its "
                 "structure tree cannot be written into it; the edition is not written");
    return {};
  }
  return std::move(bytes);
}

}  // namespace renaksi::pdf
