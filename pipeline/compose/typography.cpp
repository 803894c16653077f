// Straight quotes in composed texts made typographic, by language.
#include "compose/typography.h"

#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/utf8.h>

#include <map>
#include <mutex>

namespace renaksi {

namespace {

std::string utf8_of(const UChar* s, int32_t n) {
  std::string out;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(s, i, n, c);
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
    if (!error) out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

// The character before `at` in `s`, 0 at the start.
char32_t previous(std::string_view s, size_t at, char32_t before) {
  if (at == 0) return before;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c < 0 ? U'?' : static_cast<char32_t>(c);
}

bool opens(char32_t prev) {
  if (prev == 0) return true;
  if (u_isUWhiteSpace(static_cast<UChar32>(prev)) || prev == 0xA0 || prev == 0x202F) return true;
  switch (u_charType(static_cast<UChar32>(prev))) {
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_DASH_PUNCTUATION: return true;
    default: return false;
  }
}

bool looks_like_address(std::string_view s) {
  return s.find(":/") != std::string_view::npos || s.find('@') != std::string_view::npos || s.find("www.") != std::string_view::npos;
}

char32_t last_char(std::string_view s, char32_t before) { return previous(s, s.size(), before); }

class Curler {
 public:
  void inlines(prose::Inlines& in, const std::string& lang) {
    char32_t prev = 0;
    inlines(in, lang, prev);
  }
  void blocks(prose::Blocks& bs, const std::string& lang) {
    for (auto& b : bs) {
      if (b.kind == prose::Block::Kind::CodeBlock) continue;
      inlines(b.inlines, lang);
      for (auto& item : b.items) blocks(item.blocks, lang);
      blocks(b.children, lang);
      for (auto& c : b.header) blocks(c.blocks, lang);
      for (auto& r : b.rows)
        for (auto& c : r) blocks(c.blocks, lang);
    }
  }
  void text(std::string& s, const std::string& lang) { s = curly_quotes(s, marks(lang)); }

 private:
  void inlines(prose::Inlines& in, const std::string& lang, char32_t& prev) {
    using K = prose::Inline::Kind;
    for (auto& i : in) {
      switch (i.kind) {
        case K::Text:
          i.text = curly_quotes(i.text, marks(lang), prev);
          prev = last_char(i.text, prev);
          break;
        case K::Space:
        case K::SoftBreak:
        case K::LineBreak: prev = U' '; break;
        case K::Code: prev = last_char(i.text, prev); break;
        case K::Link:
          if (!i.url.get().starts_with("#")) {  // a web or mail address shown as itself
            prev = U'x';
            break;
          }
          inlines(i.children, lang, prev);
          break;
        case K::Note:
          if (!i.note.empty()) blocks(i.note.edit(), lang);
          break;
        case K::StandIn:
        case K::Lang:
          inlines(i.children, i.lang.empty() ? lang : i.lang.get(), prev);
          break;
        default: inlines(i.children, lang, prev); break;
      }
    }
  }

  const QuoteMarks& marks(const std::string& lang) {
    auto it = cache_.find(lang);
    if (it == cache_.end()) it = cache_.emplace(lang, quote_marks(lang)).first;
    return it->second;
  }

  std::map<std::string, QuoteMarks> cache_;
};

template <typename T, typename F>
void each_part(std::vector<doc::Localized<T>>& parts, F&& f) {
  for (auto& p : parts) {
    f(p.value, p.lang);
    if (p.stand_in) f(*p.stand_in, p.stand_in_lang.empty() ? p.lang : p.stand_in_lang);
  }
}

}  // namespace

QuoteMarks quote_marks(const std::string& lang) {
  QuoteMarks m;
  UErrorCode status = U_ZERO_ERROR;
  ULocaleData* data = ulocdata_open(lang.c_str(), &status);
  if (U_FAILURE(status) || !data) return m;
  auto get = [&](ULocaleDataDelimiterType type, std::string& out) {
    UChar buf[8];
    UErrorCode s = U_ZERO_ERROR;
    const int32_t n = ulocdata_getDelimiter(data, type, buf, 8, &s);
    if (U_SUCCESS(s) && n > 0 && n < 8) out = utf8_of(buf, n);
  };
  get(ULOCDATA_QUOTATION_START, m.open);
  get(ULOCDATA_QUOTATION_END, m.close);
  get(ULOCDATA_ALT_QUOTATION_START, m.open2);
  get(ULOCDATA_ALT_QUOTATION_END, m.close2);
  ulocdata_close(data);
  return m;
}

namespace {
// One word's quotes curled (curly_quotes, without its address check), appended to `out`.
void curl_word(std::string_view text, const QuoteMarks& marks, char32_t before, std::string& out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '"' && c != '\'') {
      out += c;
      continue;
    }
    const char32_t prev = previous(text, i, before);
    if (c == '"') {
      out += opens(prev) ? marks.open : marks.close;
    } else if (!opens(prev) && (u_isalnum(static_cast<UChar32>(prev)) || prev == U'.')) {
      out += "\u2019";  // an apostrophe, or a closing single quote after a word
    } else {
      out += opens(prev) ? marks.open2 : marks.close2;
    }
  }
}
}  // namespace

// Word by word: a text holds a run of words (a title, a cell, or prose whose words the reader
// joined, prose/join_words.h), and an address among them keeps its quotes without keeping the
// others' straight.
std::string curly_quotes(std::string_view text, const QuoteMarks& marks, char32_t before) {
  if (text.find_first_of("\"'") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t start = 0;;) {
    const size_t space = text.find(' ', start);
    const std::string_view word = text.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start);
    if (looks_like_address(word))
      out += word;
    else
      curl_word(word, marks, before, out);
    if (space == std::string_view::npos) break;
    out += ' ';
    before = U' ';
    start = space + 1;
  }
  return out;
}

void curl_quotes(prose::Blocks& blocks, const std::string& lang) { Curler().blocks(blocks, lang); }

namespace {

// Whether curling would change anything: a straight quote in a text it curls (a code block's or
// code span's text is not; an address's is not either, but is counted: a rare copy for nothing).
bool has_straight_quotes(const prose::Inlines& in);
bool has_straight_quotes(const prose::Blocks& bs) {
  for (const auto& b : bs) {
    if (b.kind == prose::Block::Kind::CodeBlock) continue;
    if (has_straight_quotes(b.inlines) || has_straight_quotes(b.children)) return true;
    for (const auto& item : b.items)
      if (has_straight_quotes(item.blocks)) return true;
    for (const auto& c : b.header)
      if (has_straight_quotes(c.blocks)) return true;
    for (const auto& r : b.rows)
      for (const auto& c : r)
        if (has_straight_quotes(c.blocks)) return true;
  }
  return false;
}
bool has_straight_quotes(const prose::Inlines& in) {
  for (const auto& i : in) {
    if (i.kind == prose::Inline::Kind::Text && i.text.find_first_of("\"'") != std::string::npos) return true;
    if (has_straight_quotes(i.children) || has_straight_quotes(i.note)) return true;
  }
  return false;
}

}  // namespace

prose::SharedBlocks CurledProse::get(const prose::SharedBlocks& parsed, const std::string& lang) {
  if (parsed.empty()) return {};
  auto [it, added] = done_.try_emplace({&parsed.get(), lang});
  if (added) {
    if (has_straight_quotes(parsed.get())) {
      prose::Blocks blocks = parsed.get();
      curl_quotes(blocks, lang);
      it->second = std::move(blocks);
    } else {
      // Nothing to curl: the parsed text itself, shared, not a copy (most texts have no quote).
      it->second = parsed;
    }
    it->second.quotes_curled = true;
  }
  return it->second;
}

void curl_quotes(doc::Document& d) {
  Curler c;
  auto inl = [&](prose::Inlines& v, const std::string& lang) { c.inlines(v, lang); };
  for (auto& f : d.front)
    for (std::string* s : {&f.title, &f.subtitle, &f.plan_line, &f.period, &f.stage, &f.issuer, &f.commitments, &f.edition,
                           &f.toc_title, &f.draft_mark, &f.keywords}) {
      const std::string& lang = s == &f.title && !f.title_lang.empty()         ? f.title_lang
                                : s == &f.subtitle && !f.subtitle_lang.empty() ? f.subtitle_lang
                                                                               : f.lang;
      c.text(*s, lang);
    }
  const std::string& first = d.langs.empty() ? std::string() : d.langs.front();
  c.text(d.issuer_name, first);
  for (auto& ch : d.chapters) {
    each_part(ch.title, inl);
    for (auto& b : ch.blocks) {
      if (auto* h = std::get_if<doc::Heading>(&b.content)) each_part(h->parts, inl);
      else if (auto* p = std::get_if<doc::Paragraph>(&b.content)) each_part(p->parts, inl);
      else if (auto* pr = std::get_if<doc::Prose>(&b.content))
        each_part(pr->parts, [&](prose::SharedBlocks& v, const std::string& lang) {
          if (!v.quotes_curled && !v.empty()) c.blocks(v.edit(), lang);
        });
      else if (auto* f = std::get_if<doc::Fields>(&b.content))
        each_part(f->parts, [&](doc::FieldList& v, const std::string& lang) {
          c.inlines(v.title, lang);
          for (auto& r : v.rows) {
            c.text(r.label, lang);
            c.inlines(r.value, lang);
          }
        });
      else if (auto* t = std::get_if<doc::Table>(&b.content))
        each_part(t->parts, [&](doc::TableContent& v, const std::string& lang) {
          for (auto& h : v.header) c.text(h, lang);
          for (auto& r : v.rows)
            for (auto& cell : r) c.inlines(cell, lang);
        });
    }
  }
  doc::Facts& f = d.facts;
  c.text(f.issuer_name, first);
  for (auto& t : f.themes) c.text(t.name, first);
  for (auto& r : f.commitments) {
    c.text(r.title, first);
    for (auto& l : r.leads) c.text(l, first);
  }
  for (auto& o : f.organisations) {
    c.text(o.name, first);
    c.text(o.sector, first);
    for (auto& r : o.roles) {
      c.text(r.role, first);
      for (auto& m : r.commitments) c.text(m.label, first);
    }
  }
}

}  // namespace renaksi
