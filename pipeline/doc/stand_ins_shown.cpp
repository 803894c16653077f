// Stand-ins as PDF and Word show them: in the part's value, marked.
#include "doc/document.h"

#include <type_traits>

namespace renaksi::doc {

namespace {

using prose::Inline;
using prose::Inlines;

// `text` in `lang`, followed by `mark`; the mark alone when `text` is empty.
Inlines marked(Inlines text, const std::string& lang, const std::string& mark) {
  Inline i;
  i.kind = Inline::Kind::StandIn;
  i.text = mark;
  i.lang = text.empty() ? std::string() : lang;
  i.children = std::move(text);
  return {std::move(i)};
}

prose::Blocks marked(prose::Blocks blocks, const std::string& lang, const std::string& mark) {
  // The mark on a line of its own above the text (a mark inside its first paragraph would not
  // say that the whole text is the other language's).
  prose::Block note;
  note.kind = prose::Block::Kind::Para;
  note.inlines = marked(Inlines{}, lang, mark);
  blocks.insert(blocks.begin(), std::move(note));
  return blocks;
}

FieldList marked(FieldList fields, const std::string& lang, const std::string& mark) {
  if (!is_empty(fields.title)) fields.title = marked(std::move(fields.title), lang, mark);
  for (auto& row : fields.rows)
    if (!is_empty(row.value)) row.value = marked(std::move(row.value), lang, mark);
  return fields;
}

// The cells of `stand_in` that are filled, marked, in the empty cells of `table`.
void fill_cells(TableContent& table, const TableContent& stand_in, const std::string& lang, const std::string& mark) {
  for (size_t r = 0; r < table.rows.size() && r < stand_in.rows.size(); ++r)
    for (size_t c = 0; c < table.rows[r].size() && c < stand_in.rows[r].size(); ++c)
      if (is_empty(table.rows[r][c]) && !is_empty(stand_in.rows[r][c]))
        table.rows[r][c] = marked(stand_in.rows[r][c], lang, mark);
}

TableContent marked(const TableContent& stand_in, const std::string& lang, const std::string& mark) {
  TableContent t;
  t.header = stand_in.header;
  for (const auto& row : stand_in.rows) t.rows.emplace_back(row.size());
  fill_cells(t, stand_in, lang, mark);
  return t;
}

// In an edition of several languages, calls `at` on each place `value` is empty beside a filled
// `other`: each such table cell, else the value as a whole. Returns whether there was one; stops
// at the first when `at` returns false. The one definition of a gap, for showing and for asking.
template <class T, class At>
bool gaps(T& value, const std::remove_const_t<T>& other, At at) {
  if (is_empty(other)) return false;
  if constexpr (std::is_same_v<std::remove_const_t<T>, TableContent>) {
    bool any = false;
    for (size_t r = 0; r < value.rows.size() && r < other.rows.size(); ++r)
      for (size_t c = 0; c < value.rows[r].size() && c < other.rows[r].size(); ++c)
        if (is_empty(value.rows[r][c]) && !is_empty(other.rows[r][c])) {
          any = true;
          if (!at(value.rows[r][c])) return true;
        }
    return any;
  } else {
    if (!is_empty(value)) return false;
    at(value);
    return true;
  }
}

// Whether `with_stand_ins_shown` would change any of `ps` (what Shower::parts below changes,
// without copying or changing anything).
bool would_show(const std::vector<Localized<ChartContent>>&) { return false; }
template <class T>
bool would_show(const std::vector<Localized<T>>& ps) {
  for (const auto& p : ps)
    if (p.stand_in) return true;
  if (ps.size() < 2) return false;
  for (const auto& p : ps)
    for (const auto& other : ps)
      if (&other != &p && gaps(p.value, other.value, [](const auto&) { return false; })) return true;
  return false;
}

class Shower {
 public:
  explicit Shower(const Document& d) : doc_(d) {}

  // A chart's labels come from the catalogue: it never stands in.
  void parts(std::vector<Localized<ChartContent>>&) const {}
  template <class T>
  void parts(std::vector<Localized<T>>& ps) const {
    for (auto& p : ps) {
      if (!p.stand_in) continue;
      const std::string& mark = doc_.front_for(p.lang).untranslated;
      if constexpr (std::is_same_v<T, TableContent>) {
        if (is_empty(p.value))
          p.value = marked(*p.stand_in, p.stand_in_lang, mark);
        else
          fill_cells(p.value, *p.stand_in, p.stand_in_lang, mark);
      } else if (is_empty(p.value)) {
        p.value = marked(std::move(*p.stand_in), p.stand_in_lang, mark);
      }
      p.stand_in.reset();
    }
    if (ps.size() < 2) return;
    // Several languages side by side: an empty part beside a filled one gets the mark alone.
    for (auto& p : ps) {
      const std::string& mark = doc_.front_for(p.lang).untranslated;
      for (const auto& other : ps) {
        if (&other == &p) continue;
        gaps(p.value, other.value, [&](auto& gap) {
          using Gap = std::remove_reference_t<decltype(gap)>;
          if constexpr (std::is_same_v<Gap, Inlines>) gap = marked(Inlines{}, {}, mark);  // a table cell
          else if constexpr (std::is_same_v<Gap, FieldList>) gap.title = marked(Inlines{}, {}, mark);
          else gap = marked(Gap{}, {}, mark);
          return true;
        });
      }
    }
  }

 private:
  const Document& doc_;
};

}  // namespace

std::string plain_text_marked(const prose::Inlines& inlines) {
  std::string out;
  prose::Inlines run;  // the inlines since the last stand-in
  auto flush = [&] {
    out += prose::plain_text(run);
    run.clear();
  };
  for (const auto& i : inlines) {
    if (i.kind != Inline::Kind::StandIn) {
      run.push_back(i);
      continue;
    }
    flush();
    const std::string text = prose::plain_text(i.children);
    out += text + (text.empty() || i.text.empty() ? "" : " ") + i.text;
  }
  flush();
  return out;
}

bool has_stand_ins_to_show(const Document& d) {
  for (const auto& ch : d.chapters) {
    if (would_show(ch.title)) return true;
    for (const auto& b : ch.blocks)
      if (std::visit([](const auto& content) { return would_show(content.parts); }, b.content)) return true;
  }
  return false;
}

const Document& shown_with_stand_ins(const Document& d, std::optional<Document>& copy) {
  if (!has_stand_ins_to_show(d)) return d;
  copy = with_stand_ins_shown(d);
  return *copy;
}

Document with_stand_ins_shown(const Document& d) {
  Document out = d;
  const Shower shower(out);
  for (auto& ch : out.chapters) {
    shower.parts(ch.title);
    for (auto& b : ch.blocks) std::visit([&](auto& content) { shower.parts(content.parts); }, b.content);
  }
  return out;
}

}  // namespace renaksi::doc
