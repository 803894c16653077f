// Turns the blocks of a composed document into columns of boxes.
#include "layout/block_layout.h"

#include <algorithm>

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <set>

#include "env/limits.h"
#include "layout/script_chars.h"

namespace renaksi::layout {

namespace {

Face with_italic(Face f) {
  return f == Face::Bold ? Face::BoldItalic : f == Face::Regular ? Face::Italic : f;
}
Face with_bold(Face f) {
  return f == Face::Italic ? Face::BoldItalic : f == Face::Regular ? Face::Bold : f;
}

bool same(const Colour& a, const Colour& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// Adds the link area of one piece of a line (a word, or a run of one face): it widens the area
// before it when that is the same link (its element) on the same line, so a link is one area per
// line it is set on, not one per word. A PDF then has one annotation per line of a link, which is
// what a reader's link list and a screen reader expect, and libharu holds some 3 KiB per
// annotation (its dictionary, its destination, its structure reference) until the file is saved.
void add_link(std::vector<LinkArea>& links, LinkArea l) {
  if (!links.empty()) {
    LinkArea& last = links.back();
    if (last.elem == l.elem && last.y == l.y && last.h == l.h && last.target == l.target && l.x >= last.x) {
      last.w = std::max(last.w, l.x + l.w - last.x);
      return;
    }
  }
  links.push_back(std::move(l));
}

void shift(Box& from, double dx, double dy, Box& into) {
  for (auto g : from.text) {
    g.x += dx;
    g.y += dy;
    into.text.push_back(std::move(g));
  }
  for (auto r : from.rects) {
    r.x += dx;
    r.y += dy;
    into.rects.push_back(r);
  }
  for (auto r : from.rules) {
    r.x1 += dx;
    r.x2 += dx;
    r.y1 += dy;
    r.y2 += dy;
    into.rules.push_back(r);
  }
  for (auto l : from.links) {
    l.x += dx;
    l.y += dy;
    into.links.push_back(std::move(l));
  }
  for (auto a : from.anchors) {
    a.y += dy;
    into.anchors.push_back(std::move(a));
  }
}

}  // namespace

BlockLayout::BlockLayout(const Style& style, const Measure& measure, Diagnostics& diags)
    : style_(style), measure_(measure), diags_(diags) {
  elements_.push_back({Tag::Document, -1, {}});
}

int BlockLayout::element(Tag tag, int parent, const std::string& lang, bool row_header) {
  if (parent < 0 || static_cast<size_t>(parent) >= elements_.size()) parent = 0;
  elements_.push_back({tag, parent, langs_.id(lang), row_header});
  return static_cast<int>(elements_.size() - 1);
}

double BlockLayout::baseline(double leading, double size) const {
  // Centred in the line, but never so high that the tallest glyph rises out of the line box.
  return std::max((leading + size * 0.72) / 2, measure_.ascent(Face::Bold) * size);
}

LineBreaker& BlockLayout::breaker(const std::string& lang) {
  for (auto& [l, b] : breakers_)
    if (l == lang) return *b;
  breakers_.emplace_back(lang, std::make_unique<LineBreaker>(measure_, lang, &style_.hyphenation));
  return *breakers_.back().second;
}

std::vector<Run> BlockLayout::runs(const prose::Inlines& inlines, const Ctx& ctx, Face base, const std::string& link,
                                   std::vector<prose::Blocks>* notes) {
  std::vector<Run> out;
  auto add = [&](const std::string& text, Face face, const std::string& target) {
    Colour c = target.empty() ? ctx.colour : style_.link;
    if (!out.empty() && out.back().face == face && out.back().link == target && out.back().lang == ctx.lang &&
        same(out.back().colour, c))
      out.back().text += text;
    else
      out.push_back({text, face, c, target, ctx.lang});
  };
  for (const auto& i : inlines) {
    using K = prose::Inline::Kind;
    switch (i.kind) {
      case K::Text: add(i.text, base, link); break;
      case K::Space:
      case K::SoftBreak: add(" ", base, link); break;
      case K::LineBreak: add("\n", base, link); break;
      case K::Code: add(i.text, Face::Mono, link); break;
      case K::Emph:
      case K::Strong:
      case K::Strikeout:
      case K::Inserted:
      case K::Deleted:
      case K::Link:
      case K::Quoted: {
        // The change report's deletions are italic and its insertions upright, inside the
        // markers compose puts around them ([- -], {+ +}), so they read in print without
        // colour. Not bold: a paragraph wholly inserted would read as a heading (the field
        // labels above it are bold).
        Face f = i.kind == K::Emph || i.kind == K::Deleted ? with_italic(base)
                 : i.kind == K::Strong                     ? with_bold(base)
                                                           : base;
        std::string target = i.kind == K::Link ? i.url.get() : link;
        if (i.kind == K::Quoted) add(i.double_quote ? "\u201c" : "\u2018", f, target);
        for (auto& r : runs(i.children, ctx, f, target, notes)) {
          if (!out.empty() && out.back().face == r.face && out.back().link == r.link && out.back().lang == r.lang &&
              same(out.back().colour, r.colour))
            out.back().text += r.text;
          else
            out.push_back(std::move(r));
        }
        if (i.kind == K::Quoted) add(i.double_quote ? "\u201d" : "\u2019", f, target);
        break;
      }
      case K::Lang: {
        // A term in another language: its runs carry that language (the PDF marks it).
        Ctx inner = ctx;
        inner.lang = i.lang;
        for (auto& r : runs(i.children, inner, base, link, notes)) out.push_back(std::move(r));
        break;
      }
      case K::StandIn: {
        // Another language's text, then the mark, in italics and the muted colour.
        Ctx inner = ctx;
        if (!i.lang.empty()) inner.lang = i.lang;
        for (auto& r : runs(i.children, inner, base, link, notes)) out.push_back(std::move(r));
        const std::string mark = (i.children.empty() ? "" : " ") + i.text;
        out.push_back({mark, with_italic(base), link.empty() ? style_.muted : style_.link, link, ctx.lang});
        break;
      }
      case K::Superscript:
      case K::Subscript: {
        // Unicode super/subscript characters where the font has them all; else the plain text.
        const std::string plain = prose::plain_text(i.children);
        auto shown = script_chars(plain, i.kind == K::Superscript, [&](char32_t c) { return measure_.covers(base, c); });
        if (shown)
          add(*shown, base, link);
        else
          for (auto& r : runs(i.children, ctx, base, link, notes)) add(r.text, r.face, r.link);
        break;
      }
      case K::Note:
        if (notes) {
          notes->push_back(i.note);
          add("[" + std::to_string(notes->size()) + "]", base, link);
        }
        break;
    }
  }
  check_coverage(out, ctx);
  return out;
}

void BlockLayout::check_coverage(std::vector<Run>& runs, const Ctx& ctx) {
  Missing* m = nullptr;
  for (auto& r : runs) {
    std::string fixed;
    bool changed = false;
    const std::string& s = r.text;
    for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
      if (c < 0 || (c != '\n' && !measure_.covers(r.face, static_cast<char32_t>(c)))) {
        if (!m) {
          auto [it, added] = missing_index_.emplace(ctx.where.str(), missing_.size());
          if (added) missing_.push_back({ctx.where, ctx.lang, {}, 0, {}});
          m = &missing_[it->second];
        }
        const char32_t shown = c < 0 ? 0xFFFD : static_cast<char32_t>(c);
        if (std::find(m->chars.begin(), m->chars.end(), shown) == m->chars.end()) m->chars.push_back(shown);
        if (m->context.empty()) {
          // Up to 30 bytes either side, cut at character boundaries.
          size_t from = static_cast<size_t>(std::max(0, start - 30)), to = std::min(s.size(), static_cast<size_t>(i) + 30);
          while (from > 0 && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) --from;
          while (to < s.size() && (static_cast<unsigned char>(s[to]) & 0xC0) == 0x80) ++to;
          m->context = s.substr(from, to - from);
        }
        ++m->count;
        fixed += '?';
        changed = true;
      } else {
        fixed.append(s, static_cast<size_t>(start), static_cast<size_t>(i - start));
      }
    }
    if (changed) r.text = std::move(fixed);
  }
}

void BlockLayout::report_missing() {
  auto name = [](char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X ", static_cast<unsigned>(c));
    std::string s = code;
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(s);
    return s;
  };
  const size_t shown = std::min(missing_.size(), limits::kMaxGlyphWarnings);
  for (size_t k = 0; k < shown; ++k) {
    const Missing& m = missing_[k];
    std::string list;
    for (size_t i = 0; i < m.chars.size() && i < limits::kMaxGlyphsNamed; ++i) list += (i ? ", " : "") + name(m.chars[i]);
    if (m.chars.size() > limits::kMaxGlyphsNamed)
      list += " and " + std::to_string(m.chars.size() - limits::kMaxGlyphsNamed) + " more";
    diags_.warning(Code::E002, m.where,
                   "the fonts of " + edition_file_ + " cannot show " + list + " (" + std::to_string(m.count) +
                       (m.count == 1 ? " time" : " times") + ", first in \u201c" + m.context + "\u201d, " + m.lang +
                       "); printed as '?'");
  }
  if (missing_.size() > shown) {
    std::set<char32_t> all;
    size_t count = 0;
    for (size_t k = shown; k < missing_.size(); ++k) {
      all.insert(missing_[k].chars.begin(), missing_[k].chars.end());
      count += missing_[k].count;
    }
    diags_.warning(Code::E002, missing_[shown].where,
                   "and " + std::to_string(missing_.size() - shown) + " more places in " + edition_file_ + " with characters the fonts cannot show (" +
                       std::to_string(all.size()) + " different, " + std::to_string(count) + " times); printed as '?'");
  }
  missing_.clear();
  missing_index_.clear();
}

void BlockLayout::paragraph(std::vector<Box>& out, std::vector<Run> runs, const Ctx& ctx, double x, double width,
                            bool justify, double space_before) {
  // Text set larger than the body's (headings, titles) is not hyphenated.
  auto lines = breaker(ctx.lang).lines(runs, ctx.size, width, justify && width >= style_.justify_min_width,
                                       ctx.size <= style_.body.size);
  bool first = true;
  const int elem = lines.empty() ? -1 : element(ctx.tag, ctx.parent, ctx.lang);
  std::string link_target;  // the link being continued, and its element
  int link_elem = -1;
  for (const auto& line : lines) {
    Box b;
    b.height = ctx.leading;
    b.space_before = first ? space_before : 0;
    first = false;
    const double base = baseline(ctx.leading, ctx.size);
    for (const auto& p : line.pieces) {
      int e = elem;
      if (!p.link.empty()) {
        if (p.link != link_target) link_elem = element(Tag::Link, elem, ctx.lang);
        e = link_elem;
      }
      link_target = p.link;
      b.text.push_back({x + p.x, base, p.face, ctx.size, p.colour, p.text, 0, langs_.id(p.lang), e});
      if (!p.link.empty()) add_link(b.links, {x + p.x, 0, p.width, ctx.leading, p.link, e});
    }
    out.push_back(std::move(b));
  }
  // No orphan, no widow: two lines on each side of a page break (box.h).
  const size_t n = lines.size(), from = out.size() - n;
  for (size_t i = 0; i + 1 < n; ++i) out[from + i].keep_with_next = n <= 3 || i == 0 || i + 2 == n;
}

void BlockLayout::blocks(std::vector<Box>& out, const prose::Blocks& blocks, const Ctx& ctx, double x, double width,
                         std::vector<prose::Blocks>& notes, std::vector<size_t>* starts) {
  bool first = true;
  for (const auto& b : blocks) {
    if (starts) starts->push_back(out.size());
    const double gap = first ? 0 : style_.paragraph_gap;
    first = false;
    using K = prose::Block::Kind;
    switch (b.kind) {
      case K::Para: paragraph(out, runs(b.inlines, ctx, Face::Regular, {}, &notes), ctx, x, width, true, gap); break;
      case K::Heading: {
        Ctx h = ctx;
        h.tag = Tag::H4;  // under the chapter's H1 and its sections' H2, H3
        h.size = style_.subsection.size;
        h.leading = style_.subsection.leading;
        size_t start = out.size();
        paragraph(out, runs(b.inlines, h, Face::Bold, {}, &notes), h, x, width, false,
                  std::max(gap, style_.subsection.space_before));
        for (size_t i = start; i < out.size(); ++i) out[i].keep_with_next = out[i].heading = true;
        break;
      }
      case K::BulletList:
      case K::OrderedList: {
        int n = b.start;
        bool first_item = true;
        const int list = element(Tag::L, ctx.parent, ctx.lang);
        for (const auto& item : b.items) {
          std::vector<Box> inner;
          const int li = element(Tag::LI, list, ctx.lang);
          const int label = element(Tag::Lbl, li, ctx.lang);
          Ctx body = ctx;
          body.parent = element(Tag::LBody, li, ctx.lang);
          this->blocks(inner, item.blocks, body, x + style_.list_indent, width - style_.list_indent, notes);
          if (inner.empty()) continue;
          inner.front().space_before = first_item ? gap : style_.list_item_gap;
          first_item = false;
          std::string marker = b.kind == K::BulletList ? "\u2022" : std::to_string(n++) + ".";
          double mw = measure_.width(Face::Regular, ctx.size, marker);
          double mx = b.kind == K::BulletList ? x + 2 : x + style_.list_indent - mw - 3;
          // The marker first: it is read before the item.
          inner.front().text.insert(inner.front().text.begin(),
                                    {mx, baseline(ctx.leading, ctx.size), Face::Regular, ctx.size, ctx.colour, marker, 0, langs_.id(ctx.lang), label});
          for (auto& box : inner) out.push_back(std::move(box));
        }
        break;
      }
      case K::BlockQuote: {
        std::vector<Box> inner;
        Ctx q = ctx;
        q.colour = style_.muted;
        q.parent = element(Tag::BlockQuote, ctx.parent, ctx.lang);
        this->blocks(inner, b.children, q, x + style_.quote_indent, width - style_.quote_indent, notes);
        if (!inner.empty()) inner.front().space_before = gap;
        for (auto& box : inner) {
          box.rules.push_back({x + 3, 0, x + 3, box.height, 1.5, style_.rule});
          out.push_back(std::move(box));
        }
        break;
      }
      case K::CodeBlock: {
        Ctx c = ctx;
        c.tag = Tag::P;
        c.size = style_.code_size;
        c.leading = style_.code_size * 1.35;
        std::vector<Run> r = {{b.text, Face::Mono, ctx.colour, {}, ctx.lang}};
        check_coverage(r, c);
        size_t start = out.size();
        paragraph(out, r, c, x + 4, width - 8, false, gap);
        for (size_t i = start; i < out.size(); ++i) out[i].rects.push_back({x, 0, width, out[i].height, style_.table_stripe});
        break;
      }
      case K::Table: prose_table(out, b, ctx, x, width); break;
      case K::Rule: {
        Box r;
        r.height = style_.paragraph_gap * 2;
        r.space_before = gap;
        r.rules.push_back({x, r.height / 2, x + width, r.height / 2, style_.table_rule_width, style_.rule});
        out.push_back(std::move(r));
        break;
      }
    }
  }
}

Box BlockLayout::row(const std::vector<std::vector<Run>>& cells, const std::vector<double>& widths, const Ctx& ctx,
                     bool header, bool stripe) {
  const double pad = style_.table_padding;
  Box box;
  double x = 0, height = 0;
  std::vector<std::vector<TextLine>> laid;
  for (size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
    laid.push_back(breaker(ctx.lang).lines(cells[i], ctx.size, std::max(10.0, widths[i] - 2 * pad), false));
    height = std::max(height, laid.back().size() * ctx.leading + 2 * pad);
  }
  double total = 0;
  for (double w : widths) total += w;
  box.height = height;
  // A row of the table element ctx.parent; a cell per column, header cells heading their column.
  const int tr = element(Tag::TR, ctx.parent, ctx.lang);
  size_t most = 0;
  for (const auto& l : laid) most = std::max(most, l.size());
  for (size_t k = 1; k < most; ++k) box.breaks.push_back(pad + static_cast<double>(k) * ctx.leading);
  if (header || stripe) box.rects.push_back({0, 0, total, height, header ? style_.table_header : style_.table_stripe});
  for (size_t i = 0; i < laid.size(); ++i) {
    double y = pad;
    const int cell = element(header ? Tag::TH : Tag::TD, tr, ctx.lang);
    std::string link_target;
    int link_elem = -1;
    for (const auto& line : laid[i]) {
      for (const auto& p : line.pieces) {
        int e = cell;
        if (!p.link.empty()) {
          if (p.link != link_target) link_elem = element(Tag::Link, cell, ctx.lang);
          e = link_elem;
        }
        link_target = p.link;
        box.text.push_back({x + pad + p.x, y + baseline(ctx.leading, ctx.size), p.face, ctx.size, p.colour, p.text, 0, langs_.id(p.lang), e});
        if (!p.link.empty()) add_link(box.links, {x + pad + p.x, y, p.width, ctx.leading, p.link, e});
      }
      y += ctx.leading;
    }
    x += widths[i];
  }
  box.rules.push_back({0, height, total, height, style_.table_rule_width, style_.rule});
  if (header) box.rules.push_back({0, 0, total, 0, style_.table_rule_width * 2, style_.accent});
  return box;
}

void BlockLayout::table(Column& out, const doc::TableContent& t, const std::string& kind, const Ctx& ctx0, double width) {
  Ctx ctx = ctx0;
  ctx.parent = element(Tag::Table, ctx0.parent, ctx0.lang);
  ctx.size = style_.table.size;
  ctx.leading = style_.table.leading;
  const size_t n = t.header.size();
  std::vector<double> widths;
  auto it = style_.table_columns.find(kind);
  if (it != style_.table_columns.end() && it->second.size() == n)
    for (double share : it->second) widths.push_back(share * width);
  else
    widths.assign(n, width / static_cast<double>(std::max<size_t>(n, 1)));

  std::vector<std::vector<Run>> head;
  for (const auto& h : t.header) head.push_back(runs({{prose::Inline::Kind::Text, h, {}, true, {}, {}, {}}}, ctx, Face::Bold, {}, nullptr));
  Box header = row(head, widths, ctx, true, false);
  header.space_before = style_.table.space_before;
  const int index = static_cast<int>(out.headers.size());
  Box repeated = header;  // a copy on a continuation page is not read again: an artifact
  for (auto& g : repeated.text) g.elem = -1;
  for (auto& l : repeated.links) l.elem = -1;
  out.headers.push_back(std::move(repeated));
  header.keep_with_next = true;
  out.boxes.push_back(header);
  bool stripe = false;
  for (const auto& r : t.rows) {
    std::vector<std::vector<Run>> cells;
    for (const auto& c : r) cells.push_back(runs(c, ctx, Face::Regular, {}, nullptr));
    Box b = row(cells, widths, ctx, false, stripe);
    b.table = index;
    b.keep_with_next = t.rows.size() > 1 && &r == &t.rows.front();  // a header and two rows, at least
    stripe = !stripe;
    out.boxes.push_back(std::move(b));
  }
  if (!out.boxes.empty()) {
    Box end;
    end.height = style_.table.space_after;
    out.boxes.push_back(end);
  }
}

// A bar chart: its caption, then a row per bar: the label (wrapped within a third of the width),
// the bar from there, its length the value's share of the largest value, and the value after it.
// Drawn by hand because no library here draws into the layout's boxes; the bars are rectangles
// (artifacts in the tagged PDF), the labels and values a table's header and data cells, so the
// structure reads "Complete 3" as the picture shows it.
void BlockLayout::chart(Column& out, const doc::ChartContent& c, const Ctx& ctx0, double width) {
  if (c.bars.empty()) return;
  Ctx ctx = ctx0;
  ctx.size = style_.table.size;
  ctx.leading = style_.table.leading;
  Ctx caption = ctx;
  caption.tag = Tag::P;
  paragraph(out.boxes, runs({{prose::Inline::Kind::Text, c.caption, {}, true, {}, {}, {}}}, caption, Face::Bold, {}, nullptr),
            caption, 0, width, false, style_.table.space_before);
  for (auto& b : out.boxes) b.keep_with_next = true;  // the caption stays with the bars
  ctx.parent = element(Tag::Table, ctx0.parent, ctx0.lang);
  int most = 0;
  for (const auto& bar : c.bars) most = std::max(most, bar.value);
  double value_w = 0;
  for (const auto& bar : c.bars) value_w = std::max(value_w, measure_.width(Face::Regular, ctx.size, bar.value_text));
  const double gap = 6, label_w = width / 3, bar_max = std::max(0.0, width - label_w - 2 * gap - value_w);
  const double bar_h = ctx.leading * 1.1;
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const doc::ChartBar& bar = c.bars[i];
    Box box;
    box.keep_with_next = i + 1 < c.bars.size();  // a chart is not split across pages
    const int tr = element(Tag::TR, ctx.parent, ctx.lang);
    const int th = element(Tag::TH, tr, ctx.lang, true);
    const int td = element(Tag::TD, tr, ctx.lang);
    const auto lines = breaker(ctx.lang).lines({{bar.label, Face::Regular, style_.text, {}, ctx.lang}}, ctx.size, label_w, false);
    const double height = std::max(bar_h, static_cast<double>(lines.size()) * ctx.leading) + 4;
    double y = 2;
    for (const auto& line : lines) {
      for (const auto& piece : line.pieces)
        box.text.push_back({piece.x, y + baseline(ctx.leading, ctx.size), piece.face, ctx.size, style_.text, piece.text, 0, langs_.id(piece.lang), th});
      y += ctx.leading;
    }
    const double length = most > 0 ? bar_max * static_cast<double>(std::max(bar.value, 0)) / most : 0;
    const double bar_top = 2 + (ctx.leading - bar_h) / 2;  // centred on the label's first line
    if (length > 0) box.rects.push_back({label_w + gap, bar_top, length, bar_h, style_.accent});
    box.text.push_back({label_w + gap + length + 4, 2 + baseline(ctx.leading, ctx.size), Face::Bold, ctx.size,
                        style_.text, bar.value_text, 0, langs_.id(ctx.lang), td});
    box.height = height;
    // The axis: a rule down the bars' start.
    box.rules.push_back({label_w + gap, 0, label_w + gap, height, style_.table_rule_width, style_.rule});
    out.boxes.push_back(std::move(box));
  }
  Box end;
  end.height = style_.table.space_after;
  out.boxes.push_back(end);
}

void BlockLayout::prose_table(std::vector<Box>& out, const prose::Block& b, const Ctx& ctx0, double x, double width) {
  Ctx ctx = ctx0;
  ctx.parent = element(Tag::Table, ctx0.parent, ctx0.lang);
  ctx.size = style_.table.size;
  ctx.leading = style_.table.leading;
  size_t n = b.header.size();
  for (const auto& r : b.rows) n = std::max(n, r.size());
  if (n == 0) return;
  std::vector<double> widths(n, width / static_cast<double>(n));
  auto cells_of = [&](const std::vector<prose::TableCell>& row, Face face) {
    std::vector<std::vector<Run>> cells;
    for (const auto& c : row) {
      prose::Inlines all;
      for (const auto& blk : c.blocks) all.insert(all.end(), blk.inlines.begin(), blk.inlines.end());
      cells.push_back(runs(all, ctx, face, {}, nullptr));
    }
    cells.resize(n);
    return cells;
  };
  auto place = [&](Box box) {
    Box shifted;
    shifted.height = box.height;
    shifted.breaks = box.breaks;
    shifted.space_before = box.space_before;
    shifted.keep_with_next = box.keep_with_next;
    shift(box, x, 0, shifted);
    out.push_back(std::move(shifted));
  };
  if (!b.header.empty()) {
    Box h = row(cells_of(b.header, Face::Bold), widths, ctx, true, false);
    h.space_before = style_.table.space_before;
    h.keep_with_next = true;
    place(std::move(h));
  }
  bool stripe = false;
  for (const auto& r : b.rows) {
    place(row(cells_of(r, Face::Regular), widths, ctx, false, stripe));
    stripe = !stripe;
  }
}

void BlockLayout::fields(Column& out, const doc::FieldList& p, const Ctx& ctx0, double width, bool index_entry) {
  Ctx ctx = ctx0;
  ctx.size = style_.fields.size;
  ctx.leading = style_.fields.leading;
  const double pad = style_.fields_padding;
  if (index_entry) {
    std::vector<Box> name;
    Ctx n = ctx;
    n.size = style_.body.size;
    n.leading = style_.body.leading;
    paragraph(name, runs(p.title, n, Face::Bold, {}, nullptr), n, 0, width, false, style_.paragraph_gap * 1.5);
    for (auto& b : name) {
      b.keep_with_next = b.heading = true;
      out.boxes.push_back(std::move(b));
    }
  }
  const double label_pad = index_entry ? 0 : pad * 1.5;  // the label's inset and its gap to the value
  double label_w = index_entry ? width * 0.22 : width * style_.fields_label_share;
  // The label column is at least as wide as the labels' longest word, so that no word is cut
  // between its letters; up to the layout's label_max_share, past which such a label goes above
  // its value instead (`stacked`).
  double longest = 0;
  for (const auto& f : p.rows) {
    size_t from = 0;
    for (size_t k = 0; k <= f.label.size(); ++k) {
      if (k < f.label.size() && f.label[k] != ' ') continue;
      if (k > from) longest = std::max(longest, measure_.width(Face::Bold, ctx.size, std::string_view(f.label).substr(from, k - from)));
      from = k + 1;
    }
  }
  if (longest + label_pad > label_w) label_w = std::min(width * style_.fields_label_max_share, longest + label_pad);
  const bool stacked = longest + label_pad > label_w;
  bool first = true;
  // A table of two columns: each label heads its row.
  const int table = p.rows.empty() ? -1 : element(Tag::Table, ctx.parent, ctx.lang);
  for (const auto& f : p.rows) {
    const int tr = element(Tag::TR, table, ctx.lang);
    const int th = element(Tag::TH, tr, ctx.lang, true);
    const int td = element(Tag::TD, tr, ctx.lang);
    Ctx label = ctx;
    label.colour = style_.muted;
    std::vector<Run> label_runs = runs({{prose::Inline::Kind::Text, f.label, {}, true, {}, {}, {}}}, label, Face::Bold, {}, nullptr);
    const double value_x = stacked ? (index_entry ? 0 : pad) : label_w;
    auto l = breaker(ctx.lang).lines(label_runs, ctx.size, stacked ? width - label_pad : label_w - label_pad, false);
    // An index entry's commitments: one under the other, each followed on its last line by the
    // page it starts on, right-aligned in a column as wide as the widest number can be; the number
    // is a placeholder (kPageRefMark and the link's anchor) that the document layout replaces
    // once the pages are counted.
    std::vector<TextLine> v;
    std::vector<std::pair<size_t, std::string>> page_refs;  // (line, anchor)
    // Only a value that is a list of such links (between separators) is one: a sentence with a
    // link in it ("Taken up as Commitment 3: …") is set as a sentence.
    const bool refs = index_entry &&
                      std::any_of(f.value.begin(), f.value.end(), [](const prose::Inline& i) {
                        return i.kind == prose::Inline::Kind::Link && i.url.get().starts_with("#");
                      }) &&
                      std::all_of(f.value.begin(), f.value.end(), [](const prose::Inline& i) {
                        if (i.kind == prose::Inline::Kind::Link) return i.url.get().starts_with("#");
                        return i.kind == prose::Inline::Kind::Text && i.text.find_first_not_of("; ,") == std::string::npos;
                      });
    const double ref_w = refs ? measure_.width(Face::Regular, ctx.size, "0000") + 6 : 0;
    if (refs) {
      for (const auto& i : f.value) {
        if (i.kind != prose::Inline::Kind::Link || !i.url.get().starts_with("#")) continue;
        auto lines = breaker(ctx.lang).lines(runs({i}, ctx, Face::Regular, {}, nullptr), ctx.size, width - value_x - pad - ref_w, false);
        if (lines.empty()) continue;
        v.insert(v.end(), lines.begin(), lines.end());
        page_refs.emplace_back(v.size() - 1, i.url.get().substr(1));
      }
    } else {
      v = breaker(ctx.lang).lines(runs(f.value, ctx, Face::Regular, {}, nullptr), ctx.size, width - value_x - pad, false);
    }
    const size_t rows = stacked ? l.size() + v.size() : std::max(l.size(), v.size());
    Box box;
    const double top = index_entry ? 1 : (first ? pad * 0.6 : 1.5);
    box.height = static_cast<double>(rows) * ctx.leading + top + (index_entry ? 1 : 1.5);
    for (size_t k = 1; k < rows; ++k) box.breaks.push_back(top + static_cast<double>(k) * ctx.leading);
    if (!index_entry) box.rects.push_back({0, 0, width, box.height, style_.fields_fill});
    double y = top;
    for (const auto& line : l) {
      for (const auto& pc : line.pieces)
        box.text.push_back({(index_entry ? 0 : pad) + pc.x, y + baseline(ctx.leading, ctx.size), pc.face, ctx.size, pc.colour, pc.text, 0, langs_.id(pc.lang), th});
      y += ctx.leading;
    }
    if (!stacked) y = top;
    std::string link_target;
    int link_elem = -1;
    for (const auto& line : v) {
      for (const auto& pc : line.pieces) {
        int e = td;
        if (!pc.link.empty()) {
          if (pc.link != link_target) link_elem = element(Tag::Link, td, ctx.lang);
          e = link_elem;
        }
        link_target = pc.link;
        box.text.push_back({value_x + pc.x, y + baseline(ctx.leading, ctx.size), pc.face, ctx.size, pc.colour, pc.text, 0, langs_.id(pc.lang), e});
        if (!pc.link.empty()) add_link(box.links, {value_x + pc.x, y, pc.width, ctx.leading, pc.link, e});
      }
      y += ctx.leading;
    }
    for (const auto& [line, anchor] : page_refs)  // x: the right edge the number is set against
      box.text.push_back({width, top + static_cast<double>((stacked ? l.size() : 0) + line) * ctx.leading + baseline(ctx.leading, ctx.size),
                          Face::Regular, ctx.size, ctx.colour, std::string(kPageRefMark) + anchor, 0, {}, td});
    first = false;
    box.keep_with_next = index_entry && f.value.empty();  // an index entry's sector line stays with its roles
    out.boxes.push_back(std::move(box));
  }
  if (!index_entry && !out.boxes.empty()) {
    out.boxes.back().height += pad * 0.6;
    out.boxes.back().rects.back().h += pad * 0.6;
    Box after;
    after.height = style_.fields.space_after;
    out.boxes.push_back(after);
  }
}

size_t BlockLayout::part_count(const doc::Block& block) {
  return std::visit([](const auto& c) { return c.parts.size(); }, block.content);
}

Column BlockLayout::heading(const doc::Heading& h, size_t index, const Ctx& ctx, double width, const std::string& anchor) {
  Column col;
  const TextStyle& ts = h.level <= 2 ? style_.section : style_.subsection;
  Ctx c = ctx;
  c.size = ts.size;
  c.leading = ts.leading;
  c.colour = h.level <= 2 ? style_.accent : style_.text;
  c.tag = h.level <= 2 ? Tag::H2 : h.level == 3 ? Tag::H3 : Tag::H4;
  paragraph(col.boxes, runs(h.parts[index].value, c, Face::Bold, {}, nullptr), c, 0, width, false, ts.space_before);
  for (auto& b : col.boxes) b.keep_with_next = b.heading = true;
  if (!col.boxes.empty()) {
    col.boxes.back().height += ts.space_after;
    if (!anchor.empty()) col.boxes.front().anchors.push_back({anchor, 0});
  }
  return col;
}

Column BlockLayout::prose(const prose::Blocks& p, const Ctx& ctx, double width) {
  Column col;
  std::vector<prose::Blocks> notes;
  std::vector<size_t> starts;
  blocks(col.boxes, p, ctx, 0, width, notes, &starts);
  // Each block's first box: the paginator starts the n-th of both languages level.
  for (size_t k = 0; k < starts.size(); ++k)
    if (starts[k] < col.boxes.size()) col.boxes[starts[k]].pair = static_cast<int>(k);
  Ctx small = ctx;
  small.size = style_.table.size;
  small.leading = style_.table.leading;
  small.colour = style_.muted;
  for (size_t i = 0; i < notes.size(); ++i) {
    std::vector<prose::Blocks> none;
    std::vector<Box> note;
    Ctx in_note = small;
    in_note.parent = element(Tag::Note, ctx.parent, ctx.lang);
    blocks(note, notes[i], in_note, 14, width - 14, none);
    if (note.empty()) continue;
    note.front().space_before = i == 0 ? style_.paragraph_gap : 2;
    note.front().text.insert(note.front().text.begin(), {0, baseline(small.leading, small.size), Face::Regular, small.size, small.colour,
                                 "[" + std::to_string(i + 1) + "]", 0, langs_.id(small.lang), in_note.parent});
    for (auto& b : note) col.boxes.push_back(std::move(b));
  }
  if (!col.boxes.empty() && col.boxes.front().space_before == 0) col.boxes.front().space_before = style_.paragraph_gap * 0.5;
  return col;
}

Column BlockLayout::part(const doc::Block& block, size_t index, double width) {
  Column col;
  std::visit(
      [&](const auto& content) {
        using T = std::decay_t<decltype(content)>;
        const auto& part = content.parts[index];
        Ctx ctx{part.lang, part.loc.file.empty() ? block.loc : part.loc, style_.body.size, style_.body.leading, style_.text};
        // Each language's column of a block of several is one element in its language, so that the
        // structure reads one column, then the next.
        ctx.parent = part_count(block) > 1 ? element(Tag::Div, parent_, part.lang) : parent_;
        if constexpr (std::is_same_v<T, doc::Heading>) {
          col = heading(content, index, ctx, width, block.anchor);
        } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
          paragraph(col.boxes, runs(part.value, ctx, Face::Regular, {}, nullptr), ctx, 0, width, true, style_.paragraph_gap);
        } else if constexpr (std::is_same_v<T, doc::Prose>) {
          col = prose(part.value, ctx, width);
        } else if constexpr (std::is_same_v<T, doc::Fields>) {
          fields(col, part.value, ctx, width, !part.value.title.empty());
        } else if constexpr (std::is_same_v<T, doc::Chart>) {
          chart(col, part.value, ctx, width);
        } else {
          table(col, part.value, content.kind, ctx, width);
        }
      },
      block.content);
  if (!block.anchor.empty() && !col.boxes.empty() && col.boxes.front().anchors.empty())
    col.boxes.front().anchors.push_back({block.anchor, 0});
  return col;
}

Column BlockLayout::chapter_title(const doc::Chapter& chapter, size_t index, double width) {
  Column col;
  const auto& title = chapter.title[index];
  Ctx ctx{title.lang, chapter.loc, style_.chapter_title.size, style_.chapter_title.leading, style_.accent};
  ctx.parent = parent_;
  ctx.tag = Tag::H1;
  paragraph(col.boxes, runs(title.value, ctx, Face::Bold, {}, nullptr), ctx, 0, width, false, 0);
  for (auto& b : col.boxes) b.keep_with_next = b.heading = true;
  if (!col.boxes.empty()) {
    Box& last = col.boxes.back();
    last.rules.push_back({0, last.height + 5, 48, last.height + 5, 2.5, style_.accent});
    last.height += style_.chapter_title.space_after;
  }
  return col;
}

std::vector<TextLine> BlockLayout::plain(const std::string& lang, const std::string& text, Face face, double size,
                                         double width) {
  Ctx ctx{lang, front_where_, size, size, style_.text};
  std::vector<Run> r = {{text, face, style_.text, {}, lang}};
  check_coverage(r, ctx);
  return breaker(lang).lines(r, size, width, false, false);
}

}  // namespace renaksi::layout
