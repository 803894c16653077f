// A stable text form of the composed document, for golden tests and --dump=document.
#include "doc/document.h"

namespace renaksi::doc {

const Front& Document::front_for(const std::string& lang) const {
  for (const auto& f : front)
    if (f.lang == lang) return f;
  return front.front();
}

namespace {

const char* kind_name(Block::Kind k) {
  switch (k) {
    case Block::Kind::Heading: return "heading";
    case Block::Kind::Paragraph: return "paragraph";
    case Block::Kind::Prose: return "prose";
    case Block::Kind::Fields: return "fields";
    case Block::Kind::Table: return "table";
  }
  return "?";
}

const char* chapter_kind(Chapter::Kind k) {
  switch (k) {
    case Chapter::Kind::Foreword: return "foreword";
    case Chapter::Kind::Cocreation: return "cocreation";
    case Chapter::Kind::Commitment: return "commitment";
    case Chapter::Kind::Index: return "index";
  }
  return "?";
}

void line(std::string& out, int indent, const std::string& s) {
  out.append(static_cast<size_t>(indent) * 2, ' ');
  out += s;
  out += '\n';
}

std::string inl(const prose::Inlines& i) {
  std::string s;
  prose::dump(i, s);
  return s;
}

}  // namespace

std::string dump(const Document& d) {
  std::string out;
  std::string langs;
  for (const auto& l : d.langs) langs += (langs.empty() ? "" : ",") + l;
  line(out, 0, "document " + d.plan_id + " edition=" + d.edition + " langs=" + langs + (d.final_stage ? " final" : " draft"));
  for (const auto& f : d.front) {
    line(out, 1, "front [" + f.lang + "]");
    for (const auto& [k, v] : std::initializer_list<std::pair<const char*, const std::string*>>{
             {"title", &f.title}, {"subtitle", &f.subtitle}, {"plan", &f.plan_line}, {"period", &f.period},
             {"stage", &f.stage}, {"issuer", &f.issuer}, {"commitments", &f.commitments}, {"edition", &f.edition},
             {"toc", &f.toc_title}, {"mark", &f.draft_mark}, {"keywords", &f.keywords}})
      if (!v->empty()) line(out, 2, std::string(k) + ": " + *v);
    if (f.page_label) line(out, 2, "page: " + f.page_label(3, 40));
  }
  for (const auto& c : d.chapters) {
    line(out, 1, std::string("chapter ") + chapter_kind(c.kind) + " #" + c.anchor);
    for (const auto& t : c.title) line(out, 2, "title [" + t.lang + "]: " + inl(t.text));
    for (const auto& b : c.blocks) {
      std::string head = std::string(kind_name(b.kind));
      if (b.level) head += " " + std::to_string(b.level);
      if (!b.anchor.empty()) head += " #" + b.anchor;
      line(out, 2, head);
      for (const auto& p : b.parts) {
        const std::string tag = "[" + p.lang + "]";
        switch (b.kind) {
          case Block::Kind::Heading:
          case Block::Kind::Paragraph: line(out, 3, tag + " " + inl(p.text)); break;
          case Block::Kind::Prose: {
            line(out, 3, tag);
            prose::dump(p.prose, out, 4);
            break;
          }
          case Block::Kind::Fields:
            line(out, 3, tag + (p.text.empty() ? "" : " " + inl(p.text)));
            for (const auto& r : p.fields) line(out, 4, r.label + ": " + inl(r.value));
            break;
          case Block::Kind::Table: {
            line(out, 3, tag + " " + p.table.kind);
            std::string h;
            for (const auto& c2 : p.table.header) h += " | " + c2;
            line(out, 4, "header" + h);
            for (const auto& row : p.table.rows) {
              std::string r;
              for (const auto& cell : row) r += " | " + inl(cell);
              line(out, 4, "row" + r);
            }
            break;
          }
        }
      }
    }
  }
  return out;
}

}  // namespace renaksi::doc
