// A single-language composed document as WordprocessingML.
//
// Written by hand, as the HTML and PDF writers are: no library writes a Word body from a tree of
// our own, and Pandoc (which did, from a JSON copy of the tree) took half the CPU of a cold build
// and more memory than renaksi itself. The element order inside w:pPr, w:rPr and w:tblPr follows
// the OOXML schema's sequences (ECMA-376 part 1, 17.3.1.26, 17.3.2.28, 17.4.60): Word refuses a
// file whose children are out of order.
#include "emit/docx/word_body.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace renaksi::docx {

namespace {

constexpr int kMaxListDepth = 9;   // Word's list levels
constexpr int kMaxNesting = 64;    // deeper than renaksi's prose allows: written flat from there

// Word keeps bookmark names of at most 40 characters; a longer anchor (no link points at one)
// gets no bookmark rather than one Word would cut.
bool bookmarkable(const std::string& anchor) { return !anchor.empty() && anchor.size() <= 40; }

// The formatting a run inherits from the inlines around it.
struct RunStyle {
  bool bold = false, italic = false, strike = false, underline = false, superscript = false, subscript = false;
  bool code = false, link = false;
  const std::string* lang = nullptr;  // another language than the edition's, else null
};

// Where paragraphs go and how they look: the style a paragraph takes when it has no reason for
// another, the list it belongs to.
struct Context {
  const char* style = nullptr;  // forced: "Compact" in a tight list or cell, "BlockText" in a quote
  int list_level = -1;          // the list item's level, -1 outside lists
  int num_id = 0;               // its numbering instance
  bool in_note = false;         // inside a footnote: no further notes, its own relationships
  const std::string* lang = nullptr;  // the text's language when not the edition's (a stand-in)
  int depth = 0;
};

class Writer {
 public:
  Writer(const doc::Document& d, const Options& options, const BodyGeometry& geometry)
      : d_(d), options_(options), geometry_(geometry), lang_(d.langs.front()) {
    out_.lang = lang_;
  }

  WordBody run() {
    const doc::Front& f = d_.front_for(lang_);
    std::string& o = out_.body;
    title_block(f, o);
    cover(f, o);
    contents(f, o);
    for (const auto& c : d_.chapters) chapter(c, o);
    return std::move(out_);
  }

 private:
  // ---- the document's own parts ----

  // The title block (Word's Title, Subtitle, Author and Date styles), each line in the language
  // it is written in.
  void title_block(const doc::Front& f, std::string& o) {
    plain_paragraph("Title", f.title, f.title_lang, false, o);
    if (!f.subtitle.empty()) plain_paragraph("Subtitle", f.subtitle, f.subtitle_lang, false, o);
    if (!d_.issuer_name.empty()) plain_paragraph("Author", d_.issuer_name, {}, false, o);
    if (!f.period.empty()) plain_paragraph("Date", f.period, {}, false, o);
  }

  // The cover's lines after the title block, and the draft mark of a draft.
  void cover(const doc::Front& f, std::string& o) {
    const std::string style = style_id(styles::kCoverLine);
    // Another language's title or subtitle: the mark that says so.
    if (!f.title_lang.empty() || !f.subtitle_lang.empty()) plain_paragraph(style, f.untranslated, {}, true, o);
    for (const std::string* s : {&f.plan_line, &f.stage, &f.commitments, &f.edition})
      if (!s->empty()) plain_paragraph(style, *s, {}, false, o);
    if (!f.draft_mark.empty()) plain_paragraph(style_id(styles::kDraftMark), f.draft_mark, {}, false, o);
  }

  // The contents: a Word TOC field over the chapter headings (level 1), marked dirty so Word
  // updates it (page numbers) on opening (settings.xml asks for it too). Its result, what
  // LibreOffice and a Word that does not update show, is written here: one entry per chapter, a
  // link to its heading's bookmark, without page numbers (only a word processor knows them).
  void contents(const doc::Front& f, std::string& o) {
    plain_paragraph(style_id(styles::kContentsHeading), f.toc_title, {}, false, o);
    o += "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/><w:docPartUnique/></w:docPartObj>"
         "</w:sdtPr><w:sdtContent>";
    const std::string begin =
        "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o "
        "&quot;1-1&quot; \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    const std::string style = "<w:pPr><w:pStyle w:val=\"" + style_id(styles::kContentsEntry) + "\"/></w:pPr>";
    bool first = true;
    for (const auto& c : d_.chapters) {
      o += "<w:p>" + style + (first ? begin : "");
      const bool linked = bookmarkable(c.anchor);
      if (linked) {
        o += "<w:hyperlink w:anchor=\"";
        append_xml_escaped(o, c.anchor);
        o += "\" w:history=\"1\">";
      }
      text_run(prose::plain_text(part(c.title)), RunStyle{}, o);
      if (linked) o += "</w:hyperlink>";
      o += "</w:p>";
      first = false;
    }
    if (first) o += "<w:p>" + style + begin + "</w:p>";  // no chapter: the field alone
    o += "<w:p>" + style + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:sdtContent></w:sdt>";
  }

  void chapter(const doc::Chapter& c, std::string& o) {
    heading(1, c.anchor, part(c.title), o);
    const doc::Block* previous = nullptr;
    for (const auto& b : c.blocks) {
      block(b, previous && is_table(*previous), o);
      previous = &b;
    }
  }

  // Whether the block is written as a Word table: a table, a chart (its table form), a
  // commitment's metadata (an index entry, which has a title, is paragraphs).
  bool is_table(const doc::Block& b) const {
    if (std::holds_alternative<doc::Table>(b.content) || std::holds_alternative<doc::Chart>(b.content)) return true;
    const auto* fields = std::get_if<doc::Fields>(&b.content);
    return fields && part(fields->parts).title.empty();
  }

  // `after_table`: Word sets no space below a table, so a paragraph there takes a style with
  // space above it.
  void block(const doc::Block& b, bool after_table, std::string& o) {
    std::visit(
        [&](const auto& content) {
          using T = std::decay_t<decltype(content)>;
          const auto& p = part(content.parts);
          if constexpr (std::is_same_v<T, doc::Heading>) {
            heading(content.level <= 2 ? 2 : 3, b.anchor, p, o);
          } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
            const int mark = bookmark_start(b.anchor, o);
            paragraph(after_table ? style_id(styles::kAfterTable) : body_style(), Context{}, p, o);
            bookmark_end(mark, o);
          } else if constexpr (std::is_same_v<T, doc::Prose>) {
            const int mark = bookmark_start(b.anchor, o);
            Context ctx;
            ctx.lang = stand_in_language(content.parts);
            blocks(p.get(), ctx, o);
            bookmark_end(mark, o);
          } else if constexpr (std::is_same_v<T, doc::Fields>) {
            if (p.title.empty()) {
              const int mark = bookmark_start(b.anchor, o);
              fields_table(p, o);
              bookmark_end(mark, o);
            } else {
              index_entry(b.anchor, p, o);
            }
          } else if constexpr (std::is_same_v<T, doc::Chart>) {
            const int mark = bookmark_start(b.anchor, o);
            table(doc::chart_table(p), "chart-" + content.kind, o);  // Word gets its table
            bookmark_end(mark, o);
          } else {
            const int mark = bookmark_start(b.anchor, o);
            table(p, content.kind, o);
            bookmark_end(mark, o);
          }
        },
        b.content);
  }

  // A commitment's metadata: a two-column table of labels (bold) and values, no header row.
  void fields_table(const doc::FieldList& p, std::string& o) {
    const double share = std::clamp(options_.fields_label_share, 0.05, 0.95);
    const std::vector<int> widths = table_start({share, 1 - share}, 2, false, o);
    for (const auto& f : p.rows) {
      o += "<w:tr>";
      cell_start(widths, 0, o);
      o += "<w:p>" + paragraph_properties(kCompact, Context{});
      RunStyle bold;
      bold.bold = true;
      text_run(f.label, bold, o);
      o += "</w:p></w:tc>";
      cell_start(widths, 1, o);
      paragraph(kCompact, Context{}, f.value, o);
      o += "</w:tc></w:tr>";
    }
    o += "</w:tbl>";
    after_heading_ = false;
  }

  // An organisation of the index: its name, then one line per field ("Leads: 3. …; 7. …"), a
  // field without a value (the sector) in italics.
  void index_entry(const std::string& anchor, const doc::FieldList& p, std::string& o) {
    const int mark = bookmark_start(anchor, o);
    o += "<w:p>" + paragraph_properties(style_id(styles::kIndexEntry), Context{});
    inlines(p.title, RunStyle{}, Context{}, o);
    o += "</w:p>";
    bookmark_end(mark, o);
    const std::string detail = style_id(styles::kIndexDetail);
    for (const auto& f : p.rows) {
      o += "<w:p>" + paragraph_properties(detail, Context{});
      RunStyle label;
      if (f.value.empty()) {
        label.italic = true;
        text_run(f.label, label, o);
      } else {
        label.bold = true;
        text_run(f.label + ":", label, o);
        text_run(" ", RunStyle{}, o);
        inlines(f.value, RunStyle{}, Context{}, o);
      }
      o += "</w:p>";
    }
    after_heading_ = false;
  }

  // A table of the document: the header row (repeated on each page by the table style) and the
  // rows, its columns shared out as the PDF's layout shares them.
  void table(const doc::TableContent& t, const std::string& kind, std::string& o) {
    size_t columns = t.header.size();
    for (const auto& r : t.rows) columns = std::max(columns, r.size());
    if (columns == 0) return;
    std::vector<double> shares;
    if (auto s = options_.column_shares.find(kind); s != options_.column_shares.end()) shares = s->second;
    const std::vector<int> widths = table_start(shares, columns, !t.header.empty(), o);
    if (!t.header.empty()) {
      o += "<w:tr><w:trPr><w:tblHeader/></w:trPr>";
      for (size_t c = 0; c < columns; ++c) {
        cell_start(widths, c, o);
        o += "<w:p>" + paragraph_properties(kCompact, Context{});
        if (c < t.header.size()) text_run(t.header[c], RunStyle{}, o);
        o += "</w:p></w:tc>";
      }
      o += "</w:tr>";
    }
    for (const auto& r : t.rows) {
      o += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
      for (size_t c = 0; c < columns; ++c) {
        cell_start(widths, c, o);
        if (c < r.size()) paragraph(kCompact, Context{}, r[c], o);
        else o += "<w:p>" + paragraph_properties(kCompact, Context{}) + "</w:p>";
        o += "</w:tc>";
      }
      o += "</w:tr>";
    }
    o += "</w:tbl>";
    after_heading_ = false;
  }

  // ---- prose ----

  void blocks(const prose::Blocks& bs, const Context& ctx, std::string& o) {
    for (const auto& b : bs) prose_block(b, ctx, o);
  }

  void prose_block(const prose::Block& b, const Context& ctx, std::string& o) {
    using K = prose::Block::Kind;
    Context inner = ctx;
    inner.depth = ctx.depth + 1;
    switch (b.kind) {
      case K::Para:
        paragraph(ctx.style ? std::string(ctx.style) : body_style(), ctx, b.inlines, o);
        break;
      case K::Heading:
        if (ctx.in_note || ctx.list_level >= 0 || ctx.style) {
          // No heading inside a note, a list or a cell: a paragraph in bold.
          const prose::Inlines bold{prose::Inline(prose::Inline::Kind::Strong, {}, {}, true, b.inlines)};
          paragraph(ctx.style ? std::string(ctx.style) : body_style(), ctx, bold, o);
        } else {
          heading(std::min(6, 4 + std::max(b.level, 1) - 1), {}, b.inlines, o, ctx.lang);
        }
        break;
      case K::BulletList:
      case K::OrderedList: list(b, ctx, o); break;
      case K::BlockQuote:
        if (ctx.depth >= kMaxNesting) break;
        if (!ctx.style || std::string_view(ctx.style) != kCompact) inner.style = "BlockText";
        blocks(b.children, inner, o);
        break;
      case K::CodeBlock: code_block(b.text, ctx, o); break;
      case K::Table: prose_table(b, ctx, o); break;
      case K::Rule:
        o += "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(body_style()) +
             "\"/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr></w:pPr></w:p>";
        after_heading_ = false;
        break;
    }
  }

  // A list: each item's first paragraph numbered (or bulleted) at the list's level, the item's
  // later paragraphs indented to its text. Each list is its own numbering instance, so an
  // ordered list starts at its own first number.
  void list(const prose::Block& b, const Context& ctx, std::string& o) {
    if (ctx.depth >= kMaxNesting) return;
    const bool ordered = b.kind == prose::Block::Kind::OrderedList;
    const int level = std::min(ctx.list_level + 1, kMaxListDepth - 1);
    const int num = ++lists_;
    out_.numbering_instances += "<w:num w:numId=\"" + std::to_string(num) + "\"><w:abstractNumId w:val=\"" +
                                (ordered ? "1" : "0") + "\"/>";
    if (ordered)
      out_.numbering_instances += "<w:lvlOverride w:ilvl=\"" + std::to_string(level) + "\"><w:startOverride w:val=\"" +
                                  std::to_string(std::max(0, b.start)) + "\"/></w:lvlOverride>";
    out_.numbering_instances += "</w:num>";
    // An item that opens with this list shows its own number first, on a line of its own.
    if (numbered_pending_) o += "<w:p>" + paragraph_properties(kCompact, ctx) + "</w:p>";
    for (const auto& item : b.items) {
      Context in_item = ctx;
      in_item.depth = ctx.depth + 1;
      in_item.list_level = level;
      in_item.num_id = num;  // the first paragraph takes the number; paragraph() clears it after
      in_item.style = kCompact;  // tight, as the PDF sets lists
      numbered_pending_ = true;
      blocks(item.blocks, in_item, o);
      if (numbered_pending_) {  // an empty item still shows its number
        o += "<w:p>" + paragraph_properties(kCompact, in_item) + "</w:p>";
        numbered_pending_ = false;
      }
    }
    after_heading_ = false;
  }

  void code_block(const std::string& text, const Context& ctx, std::string& o) {
    o += "<w:p>" + paragraph_properties("SourceCode", ctx) + "<w:r><w:rPr><w:rStyle w:val=\"VerbatimChar\"/></w:rPr>";
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {  // bounded by the text
      if (i < text.size() && text[i] != '\n') continue;
      if (start > 0) o += "<w:br/>";
      o += "<w:t xml:space=\"preserve\">";
      append_xml_escaped(o, std::string_view(text).substr(start, i - start));
      o += "</w:t>";
      start = i + 1;
    }
    o += "</w:r></w:p>";
    after_heading_ = false;
  }

  void prose_table(const prose::Block& b, const Context& ctx, std::string& o) {
    if (ctx.depth >= kMaxNesting) return;
    size_t columns = b.header.size();
    for (const auto& r : b.rows) columns = std::max(columns, r.size());
    if (columns == 0) return;
    // Its own widths: a note in a cell may hold a table of its own.
    const std::vector<int> widths = table_start({}, columns, !b.header.empty(), o);
    Context cell = ctx;
    cell.depth = ctx.depth + 1;
    cell.style = kCompact;
    cell.list_level = -1;
    auto row = [&](const std::vector<prose::TableCell>& cells, bool header) {
      o += header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
      for (size_t c = 0; c < columns; ++c) {
        cell_start(widths, c, o);
        const size_t before = o.size();
        if (c < cells.size()) blocks(cells[c].blocks, cell, o);
        // A cell holds at least one paragraph, and ends with one (not a table).
        if (o.size() == before || o.ends_with("</w:tbl>")) o += "<w:p>" + paragraph_properties(kCompact, Context{}) + "</w:p>";
        o += "</w:tc>";
      }
      o += "</w:tr>";
    };
    if (!b.header.empty()) row(b.header, true);
    for (const auto& r : b.rows) row(r, false);
    o += "</w:tbl>";
    after_heading_ = false;
  }

  // ---- paragraphs and runs ----

  void heading(int level, const std::string& anchor, const prose::Inlines& text, std::string& o,
               const std::string* lang = nullptr) {
    // The bookmark around the paragraph, as Word and Pandoc's reader take a heading's.
    const int mark = bookmark_start(anchor, o);
    o += "<w:p><w:pPr><w:pStyle w:val=\"Heading" + std::to_string(level) + "\"/></w:pPr>";
    RunStyle style;
    style.lang = lang;
    inlines(text, style, Context{}, o);
    o += "</w:p>";
    bookmark_end(mark, o);
    after_heading_ = true;
  }

  // One paragraph of plain text in `style`, in `lang` when that is not the edition's.
  void plain_paragraph(const std::string& style, const std::string& text, const std::string& lang, bool italic, std::string& o) {
    o += "<w:p>" + paragraph_properties(style, Context{});
    RunStyle s;
    s.italic = italic;
    if (!lang.empty() && lang != lang_) s.lang = &lang;
    text_run(text, s, o);
    o += "</w:p>";
  }

  void paragraph(const std::string& style, const Context& ctx, const prose::Inlines& text, std::string& o) {
    o += "<w:p>" + paragraph_properties(style, ctx);
    RunStyle base;
    base.lang = ctx.lang;
    inlines(text, base, ctx, o);
    o += "</w:p>";
    after_heading_ = false;
  }

  // The body text's style: First Paragraph right after a heading, as Pandoc's writer did.
  std::string body_style() const { return after_heading_ ? "FirstParagraph" : "BodyText"; }

  // <w:pPr> with the style, and in a list the number (the item's first paragraph) or the
  // indent of the item's text (its later ones).
  std::string paragraph_properties(const std::string& style, const Context& list) {
    std::string p = "<w:pPr><w:pStyle w:val=\"" + style + "\"/>";
    if (list.list_level >= 0) {
      if (numbered_pending_) {
        p += "<w:numPr><w:ilvl w:val=\"" + std::to_string(list.list_level) + "\"/><w:numId w:val=\"" +
             std::to_string(list.num_id) + "\"/></w:numPr>";
        numbered_pending_ = false;
      } else {
        p += "<w:ind w:left=\"" + std::to_string(list_indent(list.list_level)) + "\"/>";
      }
    }
    return p + "</w:pPr>";
  }

  void inlines(const prose::Inlines& is, const RunStyle& style, const Context& ctx, std::string& o) {
    std::string pending;  // words and spaces in `style`, written as one run
    auto flush = [&] {
      if (!pending.empty()) text_run(pending, style, o);
      pending.clear();
    };
    for (const auto& i : is) {
      using K = prose::Inline::Kind;
      if (i.kind == K::Text) {
        pending += i.text;
        continue;
      }
      if (i.kind == K::Space || i.kind == K::SoftBreak) {
        pending += ' ';
        continue;
      }
      flush();
      inline_node(i, style, ctx, o);
    }
    flush();
  }

  void inline_node(const prose::Inline& i, const RunStyle& style, const Context& ctx, std::string& o) {
    using K = prose::Inline::Kind;
    if (ctx.depth >= kMaxNesting) return;
    Context inner = ctx;
    inner.depth = ctx.depth + 1;
    RunStyle s = style;
    switch (i.kind) {
      case K::Text:
      case K::Space:
      case K::SoftBreak: return;  // inlines() joins them
      case K::LineBreak: o += "<w:r><w:br/></w:r>"; return;
      case K::Emph: s.italic = !s.italic; break;
      case K::Strong: s.bold = true; break;
      case K::Strikeout:
      case K::Deleted: s.strike = true; break;
      case K::Inserted: s.underline = true; break;
      case K::Superscript: s.superscript = true; s.subscript = false; break;
      case K::Subscript: s.subscript = true; s.superscript = false; break;
      case K::Code:
        s.code = true;
        text_run(i.text, s, o);
        return;
      case K::Link: link(i, s, inner, o); return;
      case K::Quoted: {
        const bool single = !i.double_quote;
        text_run(single ? "\u2018" : "\u201c", s, o);
        inlines(i.children, s, inner, o);
        text_run(single ? "\u2019" : "\u201d", s, o);
        return;
      }
      case K::Note: note(i, s, inner, o); return;
      case K::StandIn: {
        if (!i.children.empty()) {
          RunStyle other = s;
          if (!i.lang.empty() && i.lang.get() != lang_) other.lang = &i.lang.get();
          inlines(i.children, other, inner, o);
          text_run(" ", s, o);
        }
        RunStyle mark = s;
        mark.italic = true;
        mark.lang = nullptr;  // the mark is in the edition's language
        text_run(i.text, mark, o);
        return;
      }
      case K::Lang:
        if (!i.lang.empty() && i.lang.get() != lang_) s.lang = &i.lang.get();
        break;
    }
    inlines(i.children, s, inner, o);
  }

  // A link: to a bookmark of this document (w:anchor), or an external one through a
  // relationship. A link inside a link is its text.
  void link(const prose::Inline& i, RunStyle s, const Context& ctx, std::string& o) {
    const std::string& url = i.url.get();
    if (s.link || url.empty()) {
      inlines(i.children, s, ctx, o);
      return;
    }
    s.link = true;
    if (url.front() == '#') {
      o += "<w:hyperlink w:anchor=\"";
      append_xml_escaped(o, std::string_view(url).substr(1));
      o += "\" w:history=\"1\">";
    } else {
      std::vector<LinkTarget>& links = ctx.in_note ? out_.footnote_links : out_.links;
      const std::string id = "rIdLink" + std::to_string(++link_ids_);
      links.push_back({id, url});
      o += "<w:hyperlink r:id=\"" + id + "\" w:history=\"1\">";
    }
    inlines(i.children, s, ctx, o);
    o += "</w:hyperlink>";
  }

  // A footnote: its reference here, its text in footnotes.xml. A note inside a note (Word has
  // none) is written in brackets where it stands.
  void note(const prose::Inline& i, const RunStyle& s, const Context& ctx, std::string& o) {
    if (ctx.in_note) {
      text_run(" [", s, o);
      text_run(prose::plain_text(i.note.get()), s, o);
      text_run("]", s, o);
      return;
    }
    const int id = ++notes_;
    o += "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"" + std::to_string(id) +
         "\"/></w:r>";
    std::string body;
    Context in_note;
    in_note.in_note = true;
    in_note.style = "FootnoteText";
    in_note.lang = s.lang;
    in_note.depth = ctx.depth;
    const bool saved_after_heading = after_heading_;
    const bool saved_pending = numbered_pending_;
    numbered_pending_ = false;
    blocks(i.note.get(), in_note, body);
    numbered_pending_ = saved_pending;
    after_heading_ = saved_after_heading;
    const std::string mark =
        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> "
        "</w:t></w:r>";
    // The mark goes at the start of the note's first paragraph (a note without one gets one).
    if (const size_t p = body.find("</w:pPr>"); body.starts_with("<w:p>") && p != std::string::npos)
      body.insert(p + 8, mark);
    else
      body = "<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>" + mark + "</w:p>" + body;
    out_.footnotes += "<w:footnote w:id=\"" + std::to_string(id) + "\">" + body + "</w:footnote>";
  }

  // One run of `text` in `style`; nothing for no text. Tabs become Word's tab, line ends spaces.
  void text_run(std::string_view text, const RunStyle& s, std::string& o) {
    if (text.empty()) return;
    o += "<w:r>";
    if (s.bold || s.italic || s.strike || s.underline || s.superscript || s.subscript || s.code || s.link || s.lang) {
      o += "<w:rPr>";
      if (s.code) o += "<w:rStyle w:val=\"VerbatimChar\"/>";
      else if (s.link) o += "<w:rStyle w:val=\"Hyperlink\"/>";
      if (s.bold) o += "<w:b/><w:bCs/>";
      if (s.italic) o += "<w:i/><w:iCs/>";
      if (s.strike) o += "<w:strike/>";
      if (s.underline) o += "<w:u w:val=\"single\"/>";
      if (s.superscript) o += "<w:vertAlign w:val=\"superscript\"/>";
      if (s.subscript) o += "<w:vertAlign w:val=\"subscript\"/>";
      if (s.lang) {
        o += "<w:lang w:val=\"";
        append_xml_escaped(o, *s.lang);
        o += "\"/>";
      }
      o += "</w:rPr>";
    }
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {  // bounded by the text
      if (i < text.size() && text[i] != '\t') continue;
      if (i > start) {
        o += "<w:t xml:space=\"preserve\">";
        append_xml_escaped(o, text.substr(start, i - start));
        o += "</w:t>";
      }
      if (i < text.size()) o += "<w:tab/>";
      start = i + 1;
    }
    o += "</w:r>";
  }

  // ---- tables ----

  // <w:tbl> and its properties and grid: the table style (the reference document's "Table"),
  // the full text width, the columns as `shares` give them (fixed), or equal and left to Word.
  std::vector<int> table_start(std::vector<double> shares, size_t columns, bool header, std::string& o) {
    const bool fixed = shares.size() == columns;
    double total = 0;
    for (double& s : shares) total += (s = std::max(s, 0.0));
    if (!fixed || total <= 0) shares.assign(columns, 1.0), total = static_cast<double>(columns);
    std::vector<int> widths;
    for (double s : shares) widths.push_back(static_cast<int>(std::lround(geometry_.text_width * s / total)));
    o += "<w:tbl><w:tblPr><w:tblStyle w:val=\"Table\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>";
    if (fixed) o += "<w:tblLayout w:type=\"fixed\"/>";
    o += header ? "<w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
                  "w:noHBand=\"0\" w:noVBand=\"0\"/>"
                : "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
                  "w:noHBand=\"0\" w:noVBand=\"0\"/>";
    o += "</w:tblPr><w:tblGrid>";
    for (int w : widths) o += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    o += "</w:tblGrid>";
    return widths;
  }

  static void cell_start(const std::vector<int>& widths, size_t column, std::string& o) {
    o += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(column < widths.size() ? widths[column] : 0) +
         "\" w:type=\"dxa\"/></w:tcPr>";
  }

  // ---- bookmarks ----

  int bookmark_start(const std::string& anchor, std::string& o) {
    if (!bookmarkable(anchor)) return -1;
    const int id = bookmarks_++;
    o += "<w:bookmarkStart w:id=\"" + std::to_string(id) + "\" w:name=\"";
    append_xml_escaped(o, anchor);
    o += "\"/>";
    return id;
  }
  static void bookmark_end(int id, std::string& o) {
    if (id >= 0) o += "<w:bookmarkEnd w:id=\"" + std::to_string(id) + "\"/>";
  }

  // The indent of a list level's text, as numbering_definitions() sets it.
  static int list_indent(int level) { return 720 * (level + 1); }

  // A style's id is its name without spaces ("Cover Line" is CoverLine), as Word makes it.
  static std::string style_id(std::string_view name) {
    std::string id;
    for (char c : name)
      if (c != ' ') id += c;
    return id;
  }

  // The language of prose shown in another language's stead (the stand-in, after the mark
  // stand_ins_shown.cpp puts on a line above it), when not the edition's; else null.
  const std::string* stand_in_language(const std::vector<doc::Localized<prose::SharedBlocks>>& parts) const {
    for (const auto& p : parts) {
      if (p.lang != lang_) continue;
      const prose::Blocks& bs = p.value.get();
      const bool marked = !bs.empty() && bs.front().kind == prose::Block::Kind::Para && bs.front().inlines.size() == 1 &&
                          bs.front().inlines.front().kind == prose::Inline::Kind::StandIn &&
                          bs.front().inlines.front().children.empty();
      return marked && !p.stand_in_lang.empty() && p.stand_in_lang != lang_ ? &p.stand_in_lang : nullptr;
    }
    return nullptr;
  }

  template <class T>
  const T& part(const std::vector<doc::Localized<T>>& parts) const {
    for (const auto& p : parts)
      if (p.lang == lang_) return p.value;
    return parts.front().value;
  }

  static constexpr const char* kCompact = "Compact";

  const doc::Document& d_;
  const Options& options_;
  const BodyGeometry& geometry_;
  std::string lang_;
  WordBody out_;
  bool after_heading_ = false;
  bool numbered_pending_ = false;  // the list item's first paragraph is still to come
  int bookmarks_ = 0, notes_ = 0, lists_ = 0, link_ids_ = 0;
};

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size();) {  // bounded: each step consumes at least one byte
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // A UTF-8 sequence: copied when it is well-formed and a character XML allows.
    const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    bool ok = len > 0 && c <= 0xF4 && i + len <= text.size();
    char32_t cp = ok ? (c & (0x7F >> len)) : 0;
    for (size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = cp << 6 | (cc & 0x3F);
    }
    ok = ok && !(len == 3 && cp < 0x800) && !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
         !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
    if (ok) out.append(text.substr(i, len));
    i += ok ? len : 1;
  }
}

std::string numbering_definitions() {
  // Half an inch more per level, the marker in the half inch before the text (as Pandoc's
  // writer set them); bullets alternate with dashes by level.
  static const char* const kBullets[] = {"\u2022", "\u2013"};
  std::string out;
  for (int ordered = 0; ordered < 2; ++ordered) {
    out += "<w:abstractNum w:abstractNumId=\"" + std::to_string(ordered) + "\"><w:multiLevelType w:val=\"multilevel\"/>";
    for (int l = 0; l < kMaxListDepth; ++l) {
      out += "<w:lvl w:ilvl=\"" + std::to_string(l) + "\"><w:start w:val=\"1\"/>";
      out += ordered ? "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%" + std::to_string(l + 1) + ".\"/>"
                     : std::string("<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"") + kBullets[l % 2] + "\"/>";
      out += "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" + std::to_string(720 * (l + 1)) +
             "\" w:hanging=\"480\"/></w:pPr></w:lvl>";
    }
    out += "</w:abstractNum>";
  }
  return out;
}

WordBody word_body(const doc::Document& document, const Options& options, const BodyGeometry& geometry) {
  std::optional<doc::Document> copy;
  return Writer(doc::shown_with_stand_ins(document, copy), options, geometry).run();
}

}  // namespace renaksi::docx
