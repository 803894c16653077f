// The Word editions' own writer (word_body, word_package): every construct of the prose reaches
// Word and reads back, every part is well-formed and names only what the package holds, text
// Word's XML cannot hold is left out and markup in the content stays text.
#include "emit/docx/word_body.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>
#include <set>

#include "driver/pipeline.h"
#include "emit/docx/docx_pass.h"
#include "emit/docx/editions.h"
#include "emit/docx/word_package.h"
#include "support/build.h"
#include "support/command.h"
#include "support/paths.h"
#include "xml/handles.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::run_shell;
using testing::shell_quote;

// The rich fixture (tests/fixtures/docx/rich over the check base plan) composed, once.
const BuildState& rich_plan() {
  static const testing::TempDir dir("docx-rich");
  static const BuildState state = [] {
    const fs::path plan = testing::copy_base_plan(dir);
    fs::copy(testing::fixtures_dir() / "docx" / "rich", plan, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    Env env = testing::docx_env();
    env.cache_dir = dir.path() / "cache";
    return testing::plan_through(plan, "compose", env);
  }();
  return state;
}

const doc::Document& rich_edition(const std::string& lang) {
  for (const auto& d : rich_plan().documents)
    if (d.edition == lang) return d;
  throw std::runtime_error("the rich fixture has no " + lang + " edition");
}

// The edition's DOCX, written to `dir`; its path.
std::string written(const doc::Document& d, const testing::TempDir& dir) {
  Diagnostics diags;
  const std::string bytes = docx_of(d, testing::docx_build_options(), testing::docx_env(), diags);
  EXPECT_FALSE(diags.has_errors()) << (diags.all().empty() ? "" : diags.all().front().str());
  const fs::path file = dir.path() / (d.plan_id + "." + d.edition + ".docx");
  testing::write_output(file, bytes);
  return file.string();
}

std::string part(const std::string& docx, const std::string& name) {
  // unzip reads a name as a pattern: its brackets ("[Content_Types].xml") escaped.
  std::string pattern;
  for (char c : name) {
    if (c == '[' || c == ']' || c == '*' || c == '?') pattern += '\\';
    pattern += c;
  }
  auto r = run_shell("unzip -p " + shell_quote(docx) + " " + shell_quote(pattern));
  EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
  return r.out;
}

// The values of `attribute` on every element named `element` (local names, any namespace).
void collect(const xmlNode* n, const char* element, const char* attribute, std::vector<std::string>& out) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (xmlStrEqual(n->name, BAD_CAST element)) {
      for (const xmlAttr* a = n->properties; a; a = a->next)
        if (xmlStrEqual(a->name, BAD_CAST attribute)) {
          xmlChar* v = xmlNodeGetContent(a->children);
          out.emplace_back(v ? reinterpret_cast<const char*>(v) : "");
          xmlFree(v);
        }
    }
    collect(n->children, element, attribute, out);
  }
}

struct Parsed {
  XmlDocPtr doc;
  std::vector<std::string> all(const char* element, const char* attribute) const {
    std::vector<std::string> out;
    collect(xmlDocGetRootElement(doc.get()), element, attribute, out);
    return out;
  }
};

Parsed parse_part(const std::string& docx, const std::string& name) {
  const std::string xml = part(docx, name);
  Parsed p{XmlDocPtr(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING))};
  EXPECT_TRUE(p.doc) << name << " of " << docx << " is not well-formed XML";
  return p;
}

// What a Word file must hold together: every part well-formed; each style, note, list, link
// relationship and bookmark the document names exists; bookmarks open and close once each.
void expect_whole(const std::string& docx) {
  SCOPED_TRACE(docx);
  const auto r = run_shell("unzip -Z1 " + shell_quote(docx));
  ASSERT_EQ(r.exit_code, 0);
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/styles.xml",
                           "word/numbering.xml", "word/footnotes.xml", "word/settings.xml", "word/_rels/document.xml.rels",
                           "word/_rels/footnotes.xml.rels"})
    EXPECT_NE(r.out.find(std::string(name) + "\n"), std::string::npos) << name;
  std::istringstream names(r.out);
  for (std::string name; std::getline(names, name);)
    if (name.ends_with(".xml") || name.ends_with(".rels")) parse_part(docx, name);

  const Parsed document = parse_part(docx, "word/document.xml"), styles = parse_part(docx, "word/styles.xml"),
               notes = parse_part(docx, "word/footnotes.xml"), numbering = parse_part(docx, "word/numbering.xml"),
               rels = parse_part(docx, "word/_rels/document.xml.rels"), note_rels = parse_part(docx, "word/_rels/footnotes.xml.rels");
  if (!document.doc || !styles.doc || !notes.doc || !numbering.doc || !rels.doc || !note_rels.doc) return;
  const std::vector<std::string> defined = styles.all("style", "styleId");
  const std::set<std::string> style_ids(defined.begin(), defined.end());
  for (const Parsed* p : {&document, &notes})
    for (const char* kind : {"pStyle", "rStyle", "tblStyle"})
      for (const auto& s : p->all(kind, "val")) EXPECT_TRUE(style_ids.count(s)) << "style " << s << " is not defined";
  const std::vector<std::string> note_ids = notes.all("footnote", "id");
  for (const auto& id : document.all("footnoteReference", "id"))
    EXPECT_NE(std::find(note_ids.begin(), note_ids.end(), id), note_ids.end()) << "note " << id;
  const std::vector<std::string> nums = numbering.all("num", "numId");
  for (const auto& id : document.all("numId", "val")) EXPECT_NE(std::find(nums.begin(), nums.end(), id), nums.end()) << "list " << id;
  for (const auto& [part_of, relationships] : {std::pair{&document, &rels}, std::pair{&notes, &note_rels}}) {
    const std::vector<std::string> ids = relationships->all("Relationship", "Id");
    for (const auto& id : part_of->all("hyperlink", "id")) EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << "link " << id;
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size()) << "a relationship id twice";
  }
  const std::vector<std::string> bookmarks = document.all("bookmarkStart", "name");
  for (const auto& anchor : document.all("hyperlink", "anchor"))
    EXPECT_NE(std::find(bookmarks.begin(), bookmarks.end(), anchor), bookmarks.end()) << "anchor " << anchor;
  std::vector<std::string> starts = document.all("bookmarkStart", "id"), ends = document.all("bookmarkEnd", "id");
  std::sort(starts.begin(), starts.end());
  std::sort(ends.begin(), ends.end());
  EXPECT_EQ(starts, ends);
  EXPECT_EQ(std::set<std::string>(starts.begin(), starts.end()).size(), starts.size()) << "a bookmark id twice";
}

TEST(WordBody, EveryProseConstructReachesWordAndPandocReadsItBack) {
  if (run_shell("command -v pandoc").exit_code != 0) GTEST_SKIP() << "pandoc is not installed";
  testing::TempDir dir("docx-rich-out");
  ASSERT_FALSE(rich_plan().diags.has_errors());
  const std::string docx = written(rich_edition("en"), dir);
  expect_whole(docx);
  const auto native = run_shell("pandoc -f docx -t native " + shell_quote(docx));
  ASSERT_EQ(native.exit_code, 0) << native.err;
  const std::string& n = native.out;
  for (const char* construct :
       {"Emph [ Str \"emphasis\" ]", "Strong [ Str \"strong\" ]", "Strikeout [ Str \"struck\" ]", "Subscript [ Str \"2\" ]",
        "Superscript [ Str \"2\" ]", "Code ( \"\" , [] , [] ) \"code <w:t>\"", "\"https://example.org/a?b=1&c=2\"",
        "BlockQuote", "Str \"quoted\"", "OrderedList\n    ( 3 , Decimal , Period )", "BulletList", "OrderedList\n", "Str \"deep\"",
        "CodeBlock\n    ( \"\" , [] , [] ) \"code line 1\\n<script>line 2</script>\"", "Str \"Column\"", "Str \"1\"",
        "Note", "\"https://example.org/note\"", "Str \"second\"", "\\1605\\1585\\1581\\1576\\1575",
        "\\128105\\8205\\128105\\8205\\128103"})
    EXPECT_NE(n.find(construct), std::string::npos) << construct;
  // The title's markup is text (Pandoc reads it into the metadata's title).
  const auto meta = run_shell("pandoc -s -f docx -t markdown " + shell_quote(docx));
  EXPECT_NE(meta.out.find("Plan \\\\</w:t\\\\>\\\\<w:r\\\\> & \\\"quotes\\\" \\\\]\\\\]\\\\>"), std::string::npos) << meta.out;
}

TEST(WordBody, EveryPartHoldsTogetherInEveryEditionOfThePlans) {
  testing::TempDir dir("docx-whole");
  expect_whole(written(rich_edition("id"), dir));
  int editions = 0;
  for (const auto& plan : testing::composed_archive().plans)
    for (const auto& d : plan->documents)
      if (has_docx(d)) {
        expect_whole(written(d, dir));
        ++editions;
      }
  EXPECT_GE(editions, 6);
}

// A term in another language is a run with its w:lang: in the English edition the Indonesian
// term; the edition's own language is the styles' default, not repeated on runs.
TEST(WordBody, RunsInAnotherLanguageCarryIt) {
  const docx::WordBody en = docx::word_body(rich_edition("en"), {}, {});
  EXPECT_NE(en.body.find("<w:lang w:val=\"id\"/></w:rPr><w:t xml:space=\"preserve\">kepemilikan manfaat</w:t>"), std::string::npos);
  EXPECT_EQ(en.body.find("<w:lang w:val=\"en\"/>"), std::string::npos);
  EXPECT_EQ(en.lang, "en");
  const docx::WordBody id = docx::word_body(rich_edition("id"), {}, {});
  EXPECT_NE(id.body.find("<w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">beneficial ownership</w:t>"), std::string::npos);
}

// Each list is its own numbering, so an ordered list starts at its own first number; a
// note's link has its relationship in the notes' part, not the document's.
TEST(WordBody, ListsNotesAndLinksAreNumberedAndRelatedWhereWordLooks) {
  const docx::WordBody en = docx::word_body(rich_edition("en"), {}, {});
  EXPECT_NE(en.numbering_instances.find("<w:startOverride w:val=\"3\"/>"), std::string::npos) << en.numbering_instances;
  ASSERT_EQ(en.footnote_links.size(), 1u);
  EXPECT_EQ(en.footnote_links.front().url, "https://example.org/note");
  // The foreword's link and the contact's address; none for a link to a bookmark.
  ASSERT_EQ(en.links.size(), 2u);
  EXPECT_EQ(en.links.front().url, "https://example.org/a?b=1&c=2");
  EXPECT_EQ(en.links.back().url, "mailto:humas@badan.go.id");
  EXPECT_NE(en.links.front().id, en.links.back().id);
  EXPECT_NE(en.links.front().id, en.footnote_links.front().id);
  EXPECT_NE(en.footnotes.find("<w:footnoteRef/>"), std::string::npos);
  EXPECT_NE(en.footnotes.find("A second paragraph in the note."), std::string::npos);
}

TEST(WordXml, TextWordCannotHoldIsLeftOutAndMarkupIsEscaped) {
  std::string out;
  docx::append_xml_escaped(out, std::string("a\x01" "b\x1f<&>\"'\t\n") + "\xff\xc0\x80\xed\xa0\x80\xef\xbf\xbe\xf4\x90\x80\x80" +
                                    "\xe2\x82" + " é 👩 \xe2\x82\xac");
  EXPECT_EQ(out, "ab&lt;&amp;&gt;&quot;'\t\n é 👩 €");
}

// The page's text width comes from the reference document's section (A4, its margins).
TEST(WordPackage, TheTextWidthIsTheReferenceDocumentsPageLessItsMargins) {
  const std::string reference = testing::file_bytes(testing::docx_env().reference_docx());
  EXPECT_EQ(docx::reference_geometry(reference).text_width, 11906 - 1280 - 1280);
  EXPECT_EQ(docx::reference_geometry("not a zip").text_width, docx::BodyGeometry{}.text_width);
}

TEST(WordPackage, DatesAreWrittenAsWordAndZipHoldThem) {
  EXPECT_EQ(docx::w3c_date(1700000000), "2023-11-14T22:13:20Z");
  EXPECT_EQ(docx::w3c_date(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(docx::w3c_date(-1), "1969-12-31T23:59:59Z");
  // The ZIP's first day (1980-01-01 00:00) for earlier dates, and its last year's end at most.
  EXPECT_EQ(docx::dos_date_time(0), docx::dos_date_time(315532800));
  EXPECT_EQ(docx::dos_date_time(315532800), (1u | 1u << 5) << 16);
  EXPECT_EQ(docx::dos_date_time(99999999999), docx::dos_date_time(4354819199));
  EXPECT_EQ(docx::dos_date_time(1700000000), (22u << 11 | 13u << 5 | 10u) | (14u | 11u << 5 | 43u << 9) << 16);
}

}  // namespace
}  // namespace renaksi
