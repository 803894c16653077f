// A stable text form of the composed document, for golden tests and --dump=document.
#include <filesystem>

#include "doc/document.h"

namespace renaksi::doc {

namespace {

const char* chapter_kind(Chapter::Kind k) {
  switch (k) {
    case Chapter::Kind::Foreword: return "foreword";
    case Chapter::Kind::Cocreation: return "cocreation";
    case Chapter::Kind::Commitment: return "commitment";
    case Chapter::Kind::Index: return "index";
    case Chapter::Kind::Changes: return "changes";
    case Chapter::Kind::Summary: return "summary";
    case Chapter::Kind::Proposals: return "proposals";
    case Chapter::Kind::Consultation: return "consultation";
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

// "@ 10-lapor.xml:41:7": the file's name only, so the dump does not depend on where the
// content folder is.
std::string where(const SourceLoc& loc) {
  if (loc.file.empty()) return {};
  SourceLoc short_loc = loc;
  short_loc.file = std::filesystem::path(loc.file).filename().generic_string();
  return " @ " + short_loc.str();
}

struct PartDumper {
  std::string& out;
  int indent;

  void operator()(const prose::Inlines& v, const std::string& tag) const { line(out, indent, tag + " " + inl(v)); }
  void operator()(const prose::Blocks& v, const std::string& tag) const {
    line(out, indent, tag);
    prose::dump(v, out, indent + 1);
  }
  void operator()(const FieldList& v, const std::string& tag) const {
    line(out, indent, tag + (v.title.empty() ? "" : " " + inl(v.title)));
    for (const auto& r : v.rows) line(out, indent + 1, r.label + ": " + inl(r.value));
  }
  void operator()(const ChartContent& v, const std::string& tag) const {
    line(out, indent, tag + " " + v.caption + " (" + v.value_label + ")");
    for (const auto& b : v.bars) line(out, indent + 1, b.id + ": " + b.label + " = " + b.value_text);
  }
  void operator()(const TableContent& v, const std::string& tag) const {
    line(out, indent, tag);
    std::string h;
    for (const auto& c : v.header) h += " | " + c;
    line(out, indent + 1, "header" + h);
    for (const auto& row : v.rows) {
      std::string r;
      for (const auto& cell : row) r += " | " + inl(cell);
      line(out, indent + 1, "row" + r);
    }
  }
};

template <class T>
void parts(std::string& out, const std::vector<Localized<T>>& ps, const SourceLoc& block) {
  const PartDumper d{out, 3};
  for (const auto& p : ps) {
    const bool own = !p.loc.file.empty() && p.loc.str() != block.str();
    d(p.value, "[" + p.lang + (own ? where(p.loc) : "") + "]");
    if (p.stand_in) d(*p.stand_in, "[" + p.lang + " stand-in]");
  }
}

void block(std::string& out, const Block& b) {
  const std::string anchor = b.anchor.empty() ? "" : " #" + b.anchor;
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, Heading>) {
          line(out, 2, "heading " + std::to_string(c.level) + anchor + where(b.loc));
        } else if constexpr (std::is_same_v<T, Paragraph>) {
          line(out, 2, "paragraph" + anchor + where(b.loc));
        } else if constexpr (std::is_same_v<T, Prose>) {
          line(out, 2, "prose" + anchor + where(b.loc));
        } else if constexpr (std::is_same_v<T, Fields>) {
          line(out, 2, "fields" + anchor + where(b.loc));
        } else if constexpr (std::is_same_v<T, Chart>) {
          line(out, 2, "chart " + c.kind + anchor + where(b.loc));
        } else {
          line(out, 2, "table " + c.kind + anchor + where(b.loc));
        }
        parts(out, c.parts, b.loc);
      },
      b.content);
}

void facts(std::string& out, const Facts& f) {
  std::string langs;
  for (const auto& l : f.languages) langs += (langs.empty() ? "" : ",") + l.code + (l.administrative ? "*" : "");
  line(out, 1, "facts stage=" + f.stage + (f.consultation ? " consultation" : "") + " country=" + f.country +
                   " number=" + std::to_string(f.number) + " period=" + f.start + ".." + f.end + " langs=" + langs +
                   where(f.loc));
  line(out, 2, "issuer: " + f.issuer_name + (f.issuer_url.empty() ? "" : " <" + f.issuer_url + ">"));
  for (const auto& t : f.themes) line(out, 2, "theme " + t.id + ": " + t.name);
  for (const auto& c : f.commitments) {
    std::string s = "commitment " + std::to_string(c.number) + " " + c.id + " #" + c.anchor + ": " + c.title;
    if (!c.ogp_id.empty()) s += " [" + c.ogp_id + "]";
    line(out, 2, s);
    std::string leads, themes, titles;
    for (const auto& l : c.leads) leads += (leads.empty() ? "" : "; ") + l;
    for (const auto& t : c.themes) themes += (themes.empty() ? "" : ",") + t;
    for (const auto& t : c.titles) titles += (titles.empty() ? "" : " / ") + t;
    line(out, 3, "leads: " + leads + " · period: " + c.period + " · themes: " + themes);
    line(out, 3, "titles: " + titles);
    if (!c.comment_href.empty() || c.comments > 0)
      line(out, 3, "comment: " + c.comment_subject + " <" + c.comment_href + ">" +
                       (c.comment_form.empty() || c.comment_form == c.comment_href ? "" : " <" + c.comment_form + ">") +
                       " · comments: " + std::to_string(c.comments));
  }
  if (const ConsultationFacts& k = f.consultation_facts; k.declared)
    line(out, 2, std::string("consultation") + (k.open ? " open" : "") + " " + k.start + ".." + k.end + " (" + k.period +
                     ", until " + k.deadline + ") email=" + k.email + " form=" + k.form +
                     " comments=" + std::to_string(k.comments));
  if (f.proposals > 0) line(out, 2, "proposals: " + std::to_string(f.proposals));
  for (const auto& o : f.organisations) {
    line(out, 2, "organisation #" + o.anchor + ": " + o.name + " · " + o.sector);
    for (const auto& r : o.roles) {
      std::string ms;
      for (const auto& m : r.commitments) ms += (ms.empty() ? "" : "; ") + m.label;
      line(out, 3, r.role + ": " + ms);
    }
  }
}

}  // namespace

std::string dump(const Document& d) {
  std::string out;
  std::string langs;
  for (const auto& l : d.langs) langs += (langs.empty() ? "" : ",") + l;
  line(out, 0, "document v" + std::to_string(d.version) + " " + d.plan_id + " edition=" + d.edition + " langs=" + langs +
                   (d.final_stage() ? " final" : " draft") + (d.report_period.empty() ? "" : " report=" + d.report_period));
  facts(out, d.facts);
  for (const auto& f : d.front) {
    line(out, 1, "front [" + f.lang + "]");
    for (const auto& [k, v] : std::initializer_list<std::pair<const char*, const std::string*>>{
             {"title", &f.title}, {"subtitle", &f.subtitle}, {"plan", &f.plan_line}, {"period", &f.period},
             {"stage", &f.stage}, {"issuer", &f.issuer}, {"commitments", &f.commitments}, {"edition", &f.edition},
             {"toc", &f.toc_title}, {"mark", &f.draft_mark}, {"keywords", &f.keywords}})
      if (!v->empty()) line(out, 2, std::string(k) + ": " + *v);
    const std::string page = format_page_label(f.page_label, 3, 40);
    if (!page.empty()) line(out, 2, "page: " + page);
  }
  for (const auto& c : d.chapters) {
    line(out, 1, std::string("chapter ") + chapter_kind(c.kind) + " #" + c.anchor + where(c.loc));
    for (const auto& t : c.title) line(out, 2, "title [" + t.lang + "]: " + inl(t.value));
    for (const auto& b : c.blocks) block(out, b);
  }
  return out;
}

}  // namespace renaksi::doc
