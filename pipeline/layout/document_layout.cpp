// Lays out a whole edition.
#include "layout/document_layout.h"

#include <cmath>
#include <optional>
#include <map>
#include <tuple>

#include "env/limits.h"
#include "output/artifact.h"
#include "layout/block_layout.h"
#include "layout/paginate.h"

namespace renaksi::layout {

namespace {

struct Geometry {
  std::vector<double> x;
  double width;
};

Geometry columns(const Style& s, size_t n) {
  Geometry g;
  g.width = (s.text_width() - s.gutter * static_cast<double>(n - 1)) / static_cast<double>(n);
  for (size_t i = 0; i < n; ++i) g.x.push_back(s.margin_left + static_cast<double>(i) * (g.width + s.gutter));
  return g;
}

// Text lines placed on a page at (x, baseline y), right-aligned when `right` is set.
// `elem`: their structure element; -1, an artifact (running heads and footers).
void put_lines(Page& page, Languages& langs, const std::vector<TextLine>& lines, double x, double y, double leading, double size,
               const Colour& colour, double width = 0, bool right = false, int elem = -1) {
  for (const auto& line : lines) {
    double dx = right ? width - line.width : 0;
    for (const auto& p : line.pieces) page.text.push_back({x + dx + p.x, y, p.face, size, colour, p.text, 0, langs.id(p.lang), elem});
    y -= leading;
  }
}

class DocumentLayout {
 public:
  DocumentLayout(const doc::Document& d, const Style& s, const Measure& m, Diagnostics& diags)
      : doc_(d), style_(s), measure_(m), diags_(diags), blocks_(s, m, diags), geo_(columns(s, d.langs.size())) {
    blocks_.set_edition(file_, doc_.facts.loc);
  }

  // The pages, or none after an E004 error (too many pages).
  Pages run() {
    Pages out = pages();
    blocks_.report_missing();
    return out;
  }

 private:
  Pages too_many_pages(const SourceLoc& at) {
    diags_.error(Code::E004, at,
                 file_ + " needs more than " + std::to_string(limits::kMaxPagesPerEdition) +
                     " pages (the most renaksi writes); the layout stopped here and the edition is not written");
    return {};
  }

  Pages pages() {
    Pages out;
    Page cover = cover_page();

    // The chapters, each from a new page. The cover and at least one page of contents come first.
    const size_t max_pages = static_cast<size_t>(limits::kMaxPagesPerEdition);
    Paginator body(geo_.x, style_.text_top(), style_.text_bottom(), max_pages - 2);
    std::vector<size_t> chapter_page;
    for (const auto& ch : doc_.chapters) {
      blocks_.set_parent(blocks_.element(Tag::Sect, 0, doc_.langs.front()));  // the chapter's section
      if (!body.new_page()) return too_many_pages(ch.loc);
      chapter_page.push_back(body.pages().size() - 1);
      std::vector<std::vector<Column>> laid;
      laid.push_back(chapter_title(ch));
      std::vector<SourceLoc> at{ch.loc};
      for (const auto& b : ch.blocks) {
        const size_t parts = BlockLayout::part_count(b);
        // A table in a bilingual edition: each language's table at full width, one after the
        // other (a table in half a page is too cramped to read), unless the layout asks otherwise.
        if (std::holds_alternative<doc::Table>(b.content) && parts > 1 && !style_.tables_side_by_side) {
          for (size_t k = 0; k < parts; ++k) {
            Column table = blocks_.part(b, k, style_.text_width());
            // A short table keeps with its translation below it (a contact table and its
            // translation on one page, not the second alone on the next).
            double h = 0;
            for (const auto& box : table.boxes) h += box.space_before + box.height;
            if (k + 1 < parts && h <= (style_.text_top() - style_.text_bottom()) / 4)
              for (auto& box : table.boxes) box.keep_with_next = true;
            laid.push_back({std::move(table)});
            at.push_back(b.loc);
          }
          continue;
        }
        std::vector<Column> cols;
        for (size_t k = 0; k < parts; ++k) cols.push_back(blocks_.part(b, k, geo_.width));
        laid.push_back(std::move(cols));
        at.push_back(b.loc);
      }
      // What must fit below each block that ends keeping with the next (a heading): the lead of
      // the next block, and through a chain of headings the lead of the block after them.
      const std::vector<double> lead = next_leads(laid);
      for (size_t i = 0; i < laid.size(); ++i)
        if (!body.place(std::move(laid[i]), lead[i])) return too_many_pages(at[i]);
      out.outline.push_back({outline_title(ch), ch.anchor, 1});
    }

    // The table of contents: laid out once to know its length, then numbered.
    Paginator toc(std::vector<double>{style_.margin_left}, style_.text_top(), style_.text_bottom());
    toc.new_page();
    // One heading line; in a bilingual edition it carries both languages, as the entries do.
    doc::Chapter contents;
    contents.anchor = "toc";
    contents.loc = doc_.facts.loc;
    const doc::Front& first = doc_.front.front();
    const std::string heading_text =
        doc_.front.size() > 1 ? first.toc_title + " \u00b7 " + doc_.front[1].toc_title : first.toc_title;
    contents.title.push_back({first.lang, {{prose::Inline::Kind::Text, heading_text, {}, true, {}, {}, {}}}, std::nullopt, {}, {}});
    const int toc_sect = blocks_.element(Tag::Sect, 0, first.lang);  // the contents' heading, then its list
    blocks_.set_parent(toc_sect);
    std::vector<Column> heading{blocks_.chapter_title(contents, 0, style_.text_width())};
    toc_elem_ = blocks_.element(Tag::TOC, toc_sect, first.lang);
    if (!toc.place(std::move(heading))) return too_many_pages(doc_.facts.loc);
    const size_t toc_pages_before = 1;  // the cover
    std::vector<std::pair<size_t, size_t>> number_glyphs;  // (toc page, glyph index) per chapter
    for (size_t i = 0; i < doc_.chapters.size(); ++i) {
      Column col;
      col.boxes.push_back(toc_entry(doc_.chapters[i]));
      if (!toc.place({std::move(col)})) return too_many_pages(doc_.facts.loc);
      Page& page = toc.pages().back();
      number_glyphs.emplace_back(toc.pages().size() - 1, page.text.size() - 1);
    }
    const size_t toc_pages = toc.pages().size();
    if (toc_pages_before + toc_pages + body.pages().size() > max_pages) return too_many_pages(doc_.facts.loc);
    const size_t first_body = toc_pages_before + toc_pages;  // 0-based index of the first body page
    for (size_t i = 0; i < doc_.chapters.size(); ++i) {
      auto [p, g] = number_glyphs[i];
      Glyphs& num = toc.pages()[p].text[g];
      num.text = std::to_string(first_body + chapter_page[i] + 1);
      num.x = style_.margin_left + style_.text_width() - measure_.width(num.face, num.size, num.text);
    }
    // The index's page numbers, now that they are known: each placeholder (kPageRefMark and an
    // anchor) becomes the number of the page the anchor is on, right-aligned at its x, so a
    // number of any width ends at the same edge.
    std::map<std::string, size_t> anchor_page;
    for (size_t i = 0; i < body.pages().size(); ++i)
      for (const auto& a : body.pages()[i].anchors) anchor_page.emplace(a.id, first_body + i + 1);
    for (auto& page : body.pages())
      std::erase_if(page.text, [&](Glyphs& g) {
        if (!g.text.starts_with(kPageRefMark)) return false;
        auto it = anchor_page.find(g.text.substr(kPageRefMark.size()));
        if (it == anchor_page.end()) return true;  // an anchor on no page: no number
        g.text = std::to_string(it->second);
        g.x -= measure_.width(g.face, g.size, g.text);
        return false;
      });

    out.pages.push_back(std::move(cover));
    for (auto& p : toc.pages()) out.pages.push_back(std::move(p));
    for (auto& p : body.pages()) out.pages.push_back(std::move(p));
    out.outline.insert(out.outline.begin(), {toc_title(), "toc", 1});
    out.pages[1].anchors.push_back({"toc", style_.text_top()});
    furnish(out.pages);
    out.elements = blocks_.take_elements();
    out.langs = blocks_.take_langs();
    return out;
  }

  // A chapter's title. In a bilingual edition its languages are stacked at full width (a long
  // title in half a page runs to many lines), the second in the muted colour, one rule under both.
  std::vector<Column> chapter_title(const doc::Chapter& ch) {
    std::vector<Column> title;
    const bool stacked = ch.title.size() > 1;
    for (size_t k = 0; k < ch.title.size(); ++k)
      title.push_back(blocks_.chapter_title(ch, k, stacked ? style_.text_width() : geo_.width));
    if (!title.empty() && !title.front().boxes.empty()) title.front().boxes.front().anchors.push_back({ch.anchor, 0});
    if (!stacked) return title;
    Column one;
    for (size_t k = 0; k < title.size(); ++k) {
      auto& boxes = title[k].boxes;
      if (boxes.empty()) continue;
      if (k + 1 < title.size()) {  // the rule and the space after go under the last language only
        boxes.back().rules.clear();
        boxes.back().height -= style_.chapter_title.space_after - 4;
      }
      if (k > 0)
        for (auto& b : boxes)
          for (auto& g : b.text) g.colour = style_.muted;
      for (auto& b : boxes) one.boxes.push_back(std::move(b));
    }
    return {std::move(one)};
  }

  std::string outline_title(const doc::Chapter& ch) const {
    return ch.title.empty() ? ch.anchor : prose::plain_text(ch.title.front().value);
  }

  std::string toc_title() const { return doc_.front.front().toc_title; }

  // One entry: the title in each language (stacked), dotted leaders from the end of its last
  // line to the page number, which is set later, right-aligned at the text's right edge.
  Box toc_entry(const doc::Chapter& ch) {
    Box b;
    const double size = style_.toc.size, leading = style_.toc.leading;
    const double number_w = measure_.width(Face::Regular, size, "0000") + 6;
    const double w = style_.text_width() - number_w;
    const bool commitment = ch.kind == doc::Chapter::Kind::Commitment;
    // An entry of the contents' list: a link holding its titles and its page number.
    const std::string& lang = ch.title.empty() ? doc_.langs.front() : ch.title.front().lang;
    const int link = blocks_.element(Tag::Link, blocks_.element(Tag::TOCI, toc_elem_, lang), lang);
    double y = 0, last = leading * 0.7;  // the last line's baseline
    bool first = true;
    for (const auto& t : ch.title) {
      Face face = first ? (commitment ? Face::Regular : Face::Bold) : Face::Italic;
      Colour colour = first ? style_.text : style_.muted;
      auto lines = blocks_.plain(t.lang, doc::plain_text_marked(t.value), face, size, w - 12 - 14);
      bool wrapped = false;
      for (const auto& line : lines) {
        const double indent = wrapped ? 14 : 0;  // a wrapped title hangs under its first line
        wrapped = true;
        for (const auto& p : line.pieces) b.text.push_back({indent + p.x, y + leading * 0.7, p.face, size, colour, p.text, 0, blocks_.langs().id(p.lang), link});
        last = y + leading * 0.7;
        y += leading * (first ? 1.0 : 0.85);
      }
      first = false;
    }
    b.height = y + (ch.title.size() > 1 ? 4 : 0);
    b.space_before = ch.kind == doc::Chapter::Kind::Commitment ? 2 : 6;
    // Dotted leaders from the last line to the number.
    double lead_from = 0;
    for (const auto& g : b.text)
      if (g.y == last) lead_from = std::max(lead_from, g.x + measure_.width(g.face, size, g.text));
    b.rules.push_back({lead_from + 4, last, style_.text_width() - number_w + 2, last, 0.8, style_.muted, true});
    b.links.push_back({0, 0, style_.text_width(), b.height, "#" + ch.anchor, link});
    b.text.push_back({0, last, Face::Regular, size, style_.text, "0", 0, {}, link});  // the number, set later
    return b;
  }

  // The plan's title in `f`'s language; in a bilingual edition without it (a draft not yet
  // translated), the mark instead of an empty line.
  std::string title_of(const doc::Front& f) const {
    if (!f.title.empty()) return f.title;
    for (const auto& other : doc_.front)
      if (!other.title.empty()) return f.untranslated;
    return {};
  }

  // A cover line followed by the mark when it is another language's text.
  static std::string with_mark(const std::string& text, const std::string& lang, const doc::Front& f) {
    return lang.empty() || text.empty() ? text : text + " " + f.untranslated;
  }

  Page cover_page() {
    Page page;
    const double w = style_.text_width(), left = style_.margin_left;
    const double band_bottom = style_.page_height - style_.cover_band_height;
    page.rects.push_back({0, band_bottom, style_.page_width, style_.cover_band_height, style_.accent});
    Colour white{1, 1, 1};
    const int sect = blocks_.element(Tag::Sect, 0, doc_.langs.front());  // the cover's lines, each a paragraph
    // The title in the band; in a bilingual edition the second language's title below it, lighter.
    double y = style_.text_top() - blocks_.ascent(style_.cover_title_size);
    bool first = true;
    for (const auto& f : doc_.front) {
      const double size = first ? style_.cover_title_size : style_.cover_subtitle_size + 2;
      const double leading = first ? style_.cover_title_leading : (style_.cover_subtitle_size + 2) * 1.3;
      auto t = blocks_.plain(f.title_lang.empty() ? f.lang : f.title_lang, title_of(f), first ? Face::Bold : Face::Italic, size, w);
      put_lines(page, blocks_.langs(), t, left, y, leading, size, white, 0, false, blocks_.element(Tag::P, sect, f.title_lang.empty() ? f.lang : f.title_lang));
      y -= leading * static_cast<double>(t.size()) + 10;
      if (!f.title_lang.empty()) {  // another language's title: the mark under it
        auto m = blocks_.plain(f.lang, f.untranslated, Face::Italic, style_.cover_line_size, w);
        put_lines(page, blocks_.langs(), m, left, y + 4, style_.cover_line_size * 1.4, style_.cover_line_size, white, 0, false, blocks_.element(Tag::P, sect, f.lang));
        y -= style_.cover_line_size * 1.4 * static_cast<double>(m.size()) + 4;
      }
      first = false;
    }
    double below = band_bottom - 40;
    for (const auto& f : doc_.front) {
      for (const auto& [text, face, size] : std::initializer_list<std::tuple<std::string, Face, double>>{
               {with_mark(f.subtitle, f.subtitle_lang, f), Face::Bold, style_.cover_subtitle_size},
               {f.plan_line, Face::Regular, style_.cover_line_size},
               {f.period, Face::Regular, style_.cover_line_size},
               {f.commitments, Face::Regular, style_.cover_line_size},
               {f.stage, Face::Bold, style_.cover_line_size},
               {with_mark(f.issuer, f.issuer_lang, f), Face::Regular, style_.cover_line_size},
               {f.edition, Face::Italic, style_.cover_line_size}}) {
        if (text.empty()) continue;
        auto lines = blocks_.plain(f.lang, text, face, size, w);
        put_lines(page, blocks_.langs(), lines, left, below, size * 1.4, size, face == Face::Bold ? style_.accent : style_.text, 0, false,
                  blocks_.element(Tag::P, sect, f.lang));
        below -= size * 1.4 * static_cast<double>(lines.size()) + 2;
      }
      below -= 18;
    }
    page.rules.push_back({left, style_.margin_bottom + 24, left + w, style_.margin_bottom + 24, 0.6, style_.rule});
    page.text.push_back({left, style_.margin_bottom + 10, Face::Regular, style_.footer_size, style_.muted,
                         "Open Government Partnership", 0, blocks_.langs().id("en"), blocks_.element(Tag::P, sect, "en")});
    return page;
  }

  // The running head in `f`'s language: one line of at most `w` points, shortened by rule, never
  // cut silently. (1) The title when it fits. (2) Else the title without its subtitle part (what
  // follows ": " or a spaced dash), its last word (the years, "2020–2022") added back when the
  // cut took it. (3) Else the title's first words, an ellipsis, and its last word when that
  // holds a digit (the years): "Rencana Aksi Nasional … 2020–2022". (4) Else the first words
  // and an ellipsis.
  std::vector<TextLine> running_head(const doc::Front& f, double w) {
    const std::string title = title_of(f);
    auto one_line = [&](const std::string& text) {
      auto lines = blocks_.plain(f.lang, text, Face::Regular, style_.header_size, w);
      return lines.size() <= 1 ? std::optional<std::vector<TextLine>>(std::move(lines)) : std::nullopt;
    };
    if (auto l = one_line(title)) return *l;
    std::vector<std::string> words;
    for (size_t at = 0; at < title.size() && words.size() < 200;) {  // at most 200 words considered
      const size_t space = title.find(' ', at);
      const std::string word = title.substr(at, space == std::string::npos ? std::string::npos : space - at);
      if (!word.empty()) words.push_back(word);
      if (space == std::string::npos) break;
      at = space + 1;
    }
    if (words.size() < 2) {
      auto lines = blocks_.plain(f.lang, title, Face::Regular, style_.header_size, w);
      if (!lines.empty()) lines.resize(1);  // one word wider than the head: broken by the line breaker
      return lines;
    }
    const std::string& last = words.back();
    const bool years = last.find_first_of("0123456789") != std::string::npos;
    size_t cut = std::string::npos;
    for (const char* sep : {": ", " \u2013 ", " \u2014 "}) cut = std::min(cut, title.find(sep));
    if (cut != std::string::npos && cut > 0) {
      std::string main = title.substr(0, cut);
      if (years && main.find(last) == std::string::npos) main += " " + last;
      if (auto l = one_line(main)) return *l;
    }
    const std::string ellipsis = "\u2026";
    for (size_t n = words.size() - 1; n > 0; --n) {
      std::string head;
      for (size_t i = 0; i < n; ++i) head += (i ? " " : "") + words[i];
      while (!head.empty() && (head.back() == ',' || head.back() == ':' || head.back() == ';')) head.pop_back();
      if (auto l = one_line(head + (years ? " " + ellipsis + " " + last : ellipsis))) return *l;
    }
    auto lines = blocks_.plain(f.lang, words.front() + ellipsis, Face::Regular, style_.header_size, w);
    if (!lines.empty()) lines.resize(1);
    return lines;
  }

  // Running head, footer and draft mark on every page but the cover.
  void furnish(std::vector<Page>& pages) {
    const int total = static_cast<int>(pages.size());
    const double left = style_.margin_left, right = style_.margin_left + style_.text_width();
    const double head_y = style_.page_height - style_.header_baseline_from_top;
    const double foot_y = style_.footer_baseline_from_bottom;
    for (int i = 0; i < total; ++i) {
      Page& p = pages[static_cast<size_t>(i)];
      if (i > 0) {
        // Head: the plan's title; in a bilingual edition the first language left, the second right.
        for (size_t k = 0; k < doc_.front.size() && k < 2; ++k) {
          const auto& f = doc_.front[k];
          double w = doc_.front.size() > 1 ? style_.text_width() / 2 - 6 : style_.text_width();
          auto lines = running_head(f, w);
          if (lines.empty()) continue;
          put_lines(p, blocks_.langs(), lines, k == 0 ? left : right - w, head_y, 0, style_.header_size, style_.muted, w, k == 1);
        }
        p.rules.push_back({left, head_y - 5, right, head_y - 5, 0.5, style_.rule});
        // Foot: "page X of Y" in each language; the stage of a draft.
        std::string label;
        for (const auto& f : doc_.front)
          if (!f.page_label.pattern.empty())
            label += (label.empty() ? "" : "  \u00b7  ") + doc::format_page_label(f.page_label, i + 1, total);
        auto lines = blocks_.plain(doc_.langs.front(), label, Face::Regular, style_.footer_size, style_.text_width());
        if (!lines.empty()) lines.resize(1);
        put_lines(p, blocks_.langs(), lines, left, foot_y, 0, style_.footer_size, style_.muted, style_.text_width(), true);
        if (!doc_.final_stage()) {
          auto stage = blocks_.plain(doc_.langs.front(), doc_.front.front().stage, Face::Bold, style_.footer_size,
                                     style_.text_width() / 2);
          if (!stage.empty()) stage.resize(1);
          put_lines(p, blocks_.langs(), stage, left, foot_y, 0, style_.footer_size, style_.accent);
        }
      }
      if (!doc_.final_stage()) {
        // The draft mark, centred on the page along its diagonal.
        const std::string& mark = doc_.front.front().draft_mark;
        const double w = measure_.width(Face::Bold, style_.draft_mark_size, mark);
        const double a = style_.draft_mark_angle * 3.14159265358979 / 180;
        const double cx = style_.page_width / 2, cy = style_.page_height / 2;
        const double x = cx - std::cos(a) * w / 2 + std::sin(a) * style_.draft_mark_size * 0.35;
        const double y = cy - std::sin(a) * w / 2 - std::cos(a) * style_.draft_mark_size * 0.35;
        p.marks.push_back({x, y, Face::Bold, style_.draft_mark_size, style_.draft_mark, mark, static_cast<float>(style_.draft_mark_angle), blocks_.langs().id(doc_.langs.front())});
      }
      p.shrink();  // what the head and foot added
    }
  }

  const doc::Document& doc_;
  const std::string file_ = Artifact{ArtifactKind::Pdf, doc_.plan_id, doc_.edition, doc_.report_period}.file_name();  // named in messages
  const Style& style_;
  const Measure& measure_;
  Diagnostics& diags_;
  BlockLayout blocks_;
  Geometry geo_;
  int toc_elem_ = 0;  // the contents' /TOC element
};

}  // namespace

Pages layout_document(const doc::Document& doc, const Style& style, const Measure& measure, Diagnostics& diags) {
  std::optional<doc::Document> copy;
  return DocumentLayout(doc::shown_with_stand_ins(doc, copy), style, measure, diags).run();
}

}  // namespace renaksi::layout
