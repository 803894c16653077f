// Turns the blocks of a composed document into columns of boxes: paragraphs broken into lines,
// lists with hanging indents, tables row by row, metadata fields, headings that keep with what
// follows. One column per language part.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "diag/diagnostic.h"
#include "layout/box.h"
#include "layout/line_breaker.h"

namespace renaksi::layout {

// The start of a page-number placeholder in laid-out text: followed by the anchor whose page it
// shows, its x the right edge the number is set against. The document layout replaces it once
// the pages are counted (an index entry's commitments).
inline constexpr std::string_view kPageRefMark = "\x01page:";

class BlockLayout {
 public:
  BlockLayout(const Style& style, const Measure& measure, Diagnostics& diags);

  // The number of parts of `block` (one per language of its edition).
  static size_t part_count(const doc::Block& block);

  // The column of the `index`-th part of `block`, `width` points wide. Problems are reported
  // at the block's place in the content.
  Column part(const doc::Block& block, size_t index, double width);

  // A chapter's title, in each language's column.
  Column chapter_title(const doc::Chapter& chapter, size_t index, double width);

  double ascent(double size) const { return measure_.ascent(Face::Bold) * size; }

  // Reports the characters the fonts lack, gathered since the last call: one E002 warning per
  // place (a block's place in the content), naming up to limits::kMaxGlyphsNamed characters, for at most
  // limits::kMaxGlyphWarnings places, then one warning summing up the rest.
  void report_missing();

  // The edition's file, named in the E002 messages, and where plain() texts (cover, contents,
  // running heads) are reported: the plan's plan.xml.
  void set_edition(std::string file, SourceLoc front) {
    edition_file_ = std::move(file);
    front_where_ = std::move(front);
  }
  // Plain text set in one style (cover, table of contents, running heads).
  std::vector<TextLine> plain(const std::string& lang, const std::string& text, Face face, double size, double width);

  // The structure tree (Pages::elements): adds an element and returns its index. Element 0 is
  // the Document, made by the constructor.
  int element(Tag tag, int parent, const std::string& lang, bool row_header = false);
  // The element that the next parts and chapter titles go in (a chapter's section).
  void set_parent(int parent) { parent_ = parent; }
  std::vector<Element> take_elements() { return std::move(elements_); }
  // The languages the glyph runs name (Pages::langs).
  Languages& langs() { return langs_; }
  Languages take_langs() { return std::move(langs_); }

 private:
  struct Ctx {
    std::string lang;
    SourceLoc where;
    double size;
    double leading;
    Colour colour;
    int parent = 0;    // the structure element the text goes in
    Tag tag = Tag::P;  // what a paragraph() laid out in this context is
  };

  LineBreaker& breaker(const std::string& lang);
  // Where the baseline sits in a line of this leading and size, from the line's top.
  double baseline(double leading, double size) const;
  std::vector<Run> runs(const prose::Inlines& inlines, const Ctx& ctx, Face base, const std::string& link,
                        std::vector<prose::Blocks>* notes);
  void check_coverage(std::vector<Run>& runs, const Ctx& ctx);
  // Appends the lines of a paragraph as boxes at indent `x`.
  void paragraph(std::vector<Box>& out, std::vector<Run> runs, const Ctx& ctx, double x, double width, bool justify,
                 double space_before);
  // `starts`, when given: where each of `blocks` begins in `out`.
  void blocks(std::vector<Box>& out, const prose::Blocks& blocks, const Ctx& ctx, double x, double width,
              std::vector<prose::Blocks>& notes, std::vector<size_t>* starts = nullptr);
  void table(Column& out, const doc::TableContent& t, const std::string& kind, const Ctx& ctx, double width);
  void chart(Column& out, const doc::ChartContent& c, const Ctx& ctx, double width);
  void prose_table(std::vector<Box>& out, const prose::Block& b, const Ctx& ctx, double x, double width);
  void fields(Column& out, const doc::FieldList& p, const Ctx& ctx, double width, bool index_entry);
  Column heading(const doc::Heading& h, size_t index, const Ctx& ctx, double width, const std::string& anchor);
  Column prose(const prose::Blocks& p, const Ctx& ctx, double width);
  // One table row: cells of lines side by side; returns the box.
  Box row(const std::vector<std::vector<Run>>& cells, const std::vector<double>& widths, const Ctx& ctx,
          bool header, bool stripe);

  const Style& style_;
  const Measure& measure_;
  Diagnostics& diags_;
  std::vector<std::pair<std::string, std::unique_ptr<LineBreaker>>> breakers_;
  struct Missing {
    SourceLoc where;
    std::string lang;
    std::vector<char32_t> chars;  // distinct, in order of first use
    size_t count = 0;             // uses
    std::string context;          // the text around the first
  };
  std::string edition_file_ = "this edition";
  SourceLoc front_where_;
  std::vector<Missing> missing_;
  std::map<std::string, size_t> missing_index_;
  std::vector<Element> elements_;
  Languages langs_;
  int parent_ = 0;
};

}  // namespace renaksi::layout
