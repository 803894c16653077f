// A single-language composed document as a Pandoc JSON AST document.
#include "emit/docx/document_to_pandoc.h"

#include <optional>

#include "emit/docx/merge_text.h"
#include "emit/docx/pandoc_nodes.h"
#include "emit/docx/prose_to_pandoc.h"
#include "emit/docx/word_language.h"

namespace renaksi::docx {

using nlohmann::json;

namespace {

// Word keeps bookmark names of at most 40 characters; a longer anchor (no link points at one)
// gets no bookmark rather than one Word would cut.
std::string bookmark(const std::string& anchor) { return anchor.size() <= 40 ? anchor : std::string(); }

class Writer {
 public:
  Writer(const doc::Document& d, const Options& o) : d_(d), options_(o), lang_(d.langs.front()) {}

  json run() const {
    const doc::Front& f = d_.front_for(lang_);
    json blocks = json::array(), front = json::array();
    cover(f, front);
    contents(f, front);
    append_compact(std::move(front), blocks);
    for (const auto& c : d_.chapters) chapter(c, blocks);
    return pandoc::document(meta(f), std::move(blocks));
  }

 private:
  // The part of this document's language.
  template <class T>
  const T& part(const std::vector<doc::Localized<T>>& parts) const {
    for (const auto& p : parts)
      if (p.lang == lang_) return p.value;
    return parts.front().value;
  }

  // Pandoc's title block (title, subtitle, author, date) and the document properties.
  json meta(const doc::Front& f) const {
    json m = json::object();
    m["title"] = pandoc::meta_inlines(pandoc::text(f.title));
    if (!f.subtitle.empty()) m["subtitle"] = pandoc::meta_inlines(pandoc::text(f.subtitle));
    if (!d_.issuer_name.empty()) m["author"] = pandoc::meta_list({pandoc::meta_inlines(pandoc::text(d_.issuer_name))});
    m["date"] = pandoc::meta_inlines(pandoc::text(f.period));
    m["lang"] = pandoc::meta_string(lang_);
    m["subject"] = pandoc::meta_inlines(pandoc::text(f.subtitle.empty() ? f.edition : f.subtitle + " \u2014 " + f.edition));
    std::vector<json> keywords;
    for (size_t start = 0; start < f.keywords.size();) {
      size_t comma = f.keywords.find(", ", start);
      if (comma == std::string::npos) comma = f.keywords.size();
      keywords.push_back(pandoc::meta_inlines(pandoc::text(f.keywords.substr(start, comma - start))));
      start = comma + 2;
    }
    if (!keywords.empty()) m["keywords"] = pandoc::meta_list(std::move(keywords));
    return m;
  }

  // The cover's lines after the title block, and the draft mark of a draft.
  void cover(const doc::Front& f, json& out) const {
    json lines = json::array();
    // Another language's title or subtitle (Pandoc's title block has no room for a mark): the mark.
    if (!f.title_lang.empty() || !f.subtitle_lang.empty())
      lines.push_back(pandoc::para(json::array({pandoc::emph(pandoc::text(f.untranslated))})));
    for (const std::string* s : {&f.plan_line, &f.stage, &f.commitments, &f.edition})
      if (!s->empty()) lines.push_back(pandoc::para(pandoc::text(*s)));
    out.push_back(pandoc::div({}, styles::kCoverLine, std::move(lines)));
    if (!f.draft_mark.empty())
      out.push_back(pandoc::div({}, styles::kDraftMark, json::array({pandoc::para(pandoc::text(f.draft_mark))})));
  }

  // The contents: a Word TOC field over the chapter headings (level 1), marked dirty so Word
  // updates it (page numbers) on opening. Its result, what LibreOffice and a Word that does not
  // update show, is written here: one entry per chapter, a link to its heading's bookmark, without
  // page numbers (only a word processor knows them). Raw OpenXML, the one raw node renaksi
  // writes besides the language runs; every text in it is escaped.
  void contents(const doc::Front& f, json& out) const {
    out.push_back(pandoc::div({}, styles::kContentsHeading, json::array({pandoc::para(pandoc::text(f.toc_title))})));
    std::string xml =
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/><w:docPartUnique/></w:docPartObj>"
        "</w:sdtPr><w:sdtContent>";
    const std::string begin =
        "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o "
        "&quot;1-1&quot; \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    const std::string end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    const std::string style = "<w:pPr><w:pStyle w:val=\"ContentsEntry\"/></w:pPr>";
    bool first = true;
    for (const auto& c : d_.chapters) {
      const std::string name = bookmark(c.anchor);
      const std::string run = "<w:r><w:t xml:space=\"preserve\">" + xml_escaped(prose::plain_text(part(c.title))) + "</w:t></w:r>";
      xml += "<w:p>" + style + (first ? begin : "") +
             (name.empty() ? run : "<w:hyperlink w:anchor=\"" + xml_escaped(name) + "\" w:history=\"1\">" + run + "</w:hyperlink>") +
             "</w:p>";
      first = false;
    }
    if (first) xml += "<w:p>" + style + begin + "</w:p>";  // no chapter: the field alone
    xml += "<w:p>" + style + end + "</w:p></w:sdtContent></w:sdt>";
    out.push_back(pandoc::node("RawBlock", json::array({"openxml", xml})));
  }

  static std::string xml_escaped(const std::string& s) {
    std::string out;
    for (char ch : s) {
      switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
      }
    }
    return out;
  }

  void chapter(const doc::Chapter& c, json& out) const {
    append_compact(json::array({pandoc::header(1, bookmark(c.anchor), pandoc::to_pandoc(part(c.title)))}), out);
    const doc::Block* previous = nullptr;
    for (const auto& b : c.blocks) {
      block(b, previous && std::holds_alternative<doc::Table>(previous->content), out);
      previous = &b;
    }
  }

  // Appends `blocks`, inside a Div that carries the anchor when there is one.
  static void add(const std::string& anchor, json blocks, json& out) {
    if (bookmark(anchor).empty()) {
      for (auto& b : blocks) out.push_back(std::move(b));
      return;
    }
    out.push_back(pandoc::div(anchor, {}, std::move(blocks)));
  }

  // Appends `nodes` (blocks) with their languages marked and their words merged
  // (mark_languages, merge_text) as soon as they are written, a block at a time: the whole
  // document's tree with a node per word was what a Word edition held at its peak (a
  // 240-commitment plan's: some 170 MiB). Every block goes through here; docx_pandoc_input
  // merges the metadata's words.
  static void append_compact(json nodes, json& out) {
    mark_languages(nodes);
    merge_text(nodes);
    for (auto& n : nodes) out.push_back(std::move(n));
  }

  void block(const doc::Block& b, bool after_table, json& out) const {
    json mine = json::array();
    block_nodes(b, after_table, mine);
    append_compact(std::move(mine), out);
  }

  // `after_table`: Word sets no space below a table, so a paragraph there takes a style with
  // space above it.
  void block_nodes(const doc::Block& b, bool after_table, json& out) const {
    std::visit(
        [&](const auto& content) {
          using T = std::decay_t<decltype(content)>;
          const auto& p = part(content.parts);
          if constexpr (std::is_same_v<T, doc::Heading>) {
            out.push_back(pandoc::header(content.level <= 2 ? 2 : 3, bookmark(b.anchor), pandoc::to_pandoc(p)));
          } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
            json para = json::array({pandoc::para(pandoc::to_pandoc(p))});
            if (after_table) para = json::array({pandoc::div({}, styles::kAfterTable, std::move(para))});
            add(b.anchor, std::move(para), out);
          } else if constexpr (std::is_same_v<T, doc::Prose>) {
            add(b.anchor, pandoc::to_pandoc(p), out);
          } else if constexpr (std::is_same_v<T, doc::Fields>) {
            if (p.title.empty())
              add(b.anchor, json::array({fields_table(p)}), out);
            else
              index_entry(b.anchor, p, out);
          } else if constexpr (std::is_same_v<T, doc::Chart>) {
            add(b.anchor, json::array({table(doc::chart_table(p), "chart-" + content.kind)}), out);  // Word gets its table
          } else {
            add(b.anchor, json::array({table(p, content.kind)}), out);
          }
        },
        b.content);
  }

  // A commitment's metadata: a two-column table of labels and values, without a header row.
  json fields_table(const doc::FieldList& p) const {
    std::vector<std::vector<json>> rows;
    for (const auto& f : p.rows)
      rows.push_back({json::array({pandoc::plain(json::array({pandoc::strong(pandoc::text(f.label))}))}),
                      json::array({pandoc::plain(pandoc::to_pandoc(f.value))})});
    const double share = options_.fields_label_share;
    return pandoc::table({share, 1 - share}, {}, rows);
  }

  // An organisation of the index: its name, then one line per field ("Leads: 3. …; 7. …"),
  // a field without a value (the sector) in italics.
  void index_entry(const std::string& anchor, const doc::FieldList& p, json& out) const {
    out.push_back(pandoc::div(bookmark(anchor), styles::kIndexEntry, json::array({pandoc::para(pandoc::to_pandoc(p.title))})));
    json lines = json::array();
    for (const auto& f : p.rows) {
      if (f.value.empty()) {
        lines.push_back(pandoc::para(json::array({pandoc::emph(pandoc::text(f.label))})));
        continue;
      }
      json line = json::array({pandoc::strong(pandoc::text(f.label + ":")), pandoc::node("Space")});
      lines.push_back(pandoc::para(pandoc::concat(std::move(line), pandoc::to_pandoc(f.value))));
    }
    out.push_back(pandoc::div({}, styles::kIndexDetail, std::move(lines)));
  }

  json table(const doc::TableContent& t, const std::string& kind) const {
    std::vector<json> header;
    for (const auto& h : t.header) header.push_back(json::array({pandoc::plain(pandoc::text(h))}));
    std::vector<std::vector<json>> rows;
    for (const auto& r : t.rows) {
      std::vector<json> cells;
      for (const auto& cell : r) cells.push_back(json::array({pandoc::plain(pandoc::to_pandoc(cell))}));
      rows.push_back(std::move(cells));
    }
    auto shares = options_.column_shares.find(kind);
    return pandoc::table(shares != options_.column_shares.end() ? shares->second : std::vector<double>{}, header, rows);
  }

  const doc::Document& d_;
  const Options& options_;
  std::string lang_;
};

}  // namespace

json to_pandoc(const doc::Document& document, const Options& options) {
  std::optional<doc::Document> copy;
  return Writer(doc::shown_with_stand_ins(document, copy), options).run();
}

}  // namespace renaksi::docx
