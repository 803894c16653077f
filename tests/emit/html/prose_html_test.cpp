// Prose to HTML: every node type, and nothing from content ever becomes markup or script.
#include "emit/html/prose_html.h"

#include <gtest/gtest.h>

namespace renaksi::html {
namespace {

using prose::Block;
using prose::Inline;

Inline txt(const std::string& s) { return {Inline::Kind::Text, s, {}, true, {}, {}, {}}; }
Inline link(const std::string& url, const std::string& label) { return {Inline::Kind::Link, {}, url, true, {txt(label)}, {}, {}}; }

// The serialised <body> of a document holding `blocks`.
std::string render(const prose::Blocks& blocks, ProseContext ctx = {}) {
  XmlDocPtr doc = new_document("en");
  xmlNode* body = element(xmlDocGetRootElement(doc.get()), "body");
  render_blocks(body, blocks, ctx);
  std::string html = serialize(doc.get());
  size_t a = html.find("<body>"), b = html.find("</body>");
  return html.substr(a + 6, b - a - 6);
}

Block para(prose::Inlines inlines) {
  Block b;
  b.kind = Block::Kind::Para;
  b.inlines = std::move(inlines);
  return b;
}

TEST(ProseHtml, ScriptAndMarkupInTextComeOutEscaped) {
  std::string out = render({para({txt("<script>alert(\"x\")</script> & <img src=x onerror=alert(1)>")})});
  EXPECT_EQ(out, "<p>&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>");
}

TEST(ProseHtml, OnlyHttpHttpsAndMailtoLinksAreLinked) {
  std::string out = render({para({link("javascript:alert(1)", "a"), link("JaVaScRiPt:alert(1)", "b"),
                                  link("data:text/html,<script>", "c"), link("vbscript:x", "d"),
                                  link("https://example.org/?a=1&b=\"2\"", "e"), link("mailto:x@example.org", "f"),
                                  link("HTTP://EXAMPLE.ORG/", "g")})});
  EXPECT_EQ(out,
            "<p>abcd<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">e</a>"
            "<a href=\"mailto:x@example.org\">f</a><a href=\"HTTP://EXAMPLE.ORG/\">g</a></p>");
}

TEST(ProseHtml, InternalLinksOnlyThroughTheSite) {
  ProseContext ctx;
  ctx.internal_link = [](const std::string& url) { return url == "#commitment-1" ? std::string("../1-a/index.html") : ""; };
  EXPECT_EQ(render({para({link("#commitment-1", "one"), link("#other", "two"), link("relative.html", "three")})}, ctx),
            "<p><a href=\"../1-a/index.html\">one</a>twothree</p>");
}

TEST(ProseHtml, EveryNodeType) {
  Block heading;
  heading.kind = Block::Kind::Heading;
  heading.level = 1;
  heading.inlines = {txt("Head")};
  Block list;
  list.kind = Block::Kind::OrderedList;
  list.start = 3;
  list.items = {{{para({txt("three")})}}, {{para({txt("four")})}}};
  Block quote;
  quote.kind = Block::Kind::BlockQuote;
  quote.children = {para({txt("q")})};
  Block code;
  code.kind = Block::Kind::CodeBlock;
  code.text = "</code><script>";
  Block rule;
  rule.kind = Block::Kind::Rule;
  Block table;
  table.kind = Block::Kind::Table;
  table.header = {{{para({txt("H")})}}};
  table.rows = {{{{para({txt("c")})}}}};
  Inline emph{Inline::Kind::Emph, {}, {}, true, {txt("e")}, {}, {}};
  Inline strong{Inline::Kind::Strong, {}, {}, true, {txt("s")}, {}, {}};
  Inline strike{Inline::Kind::Strikeout, {}, {}, true, {txt("x")}, {}, {}};
  Inline code_i{Inline::Kind::Code, "<b>", {}, true, {}, {}, {}};
  Inline quoted{Inline::Kind::Quoted, {}, {}, true, {txt("q")}, {}, {}};
  Inline single{Inline::Kind::Quoted, {}, {}, false, {txt("s")}, {}, {}};
  Inline brk{Inline::Kind::LineBreak, {}, {}, true, {}, {}, {}};
  Inline space{Inline::Kind::Space, {}, {}, true, {}, {}, {}};
  Inline soft{Inline::Kind::SoftBreak, {}, {}, true, {}, {}, {}};
  ProseContext ctx;
  ctx.heading_base = 2;
  EXPECT_EQ(render({heading, para({emph, space, strong, soft, strike, code_i, quoted, single, brk}), list, quote, code, rule,
                    table},
                   ctx),
            "<h3>Head</h3><p><em>e</em> <strong>s</strong> <s>x</s><code>&lt;b&gt;</code>\u201cq\u201d\u2018s\u2019<br /></p>"
            "<ol start=\"3\"><li>three</li><li>four</li></ol><blockquote><p>q</p></blockquote>"
            "<pre><code>&lt;/code&gt;&lt;script&gt;</code></pre><hr />"
            "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">H</th></tr></thead>"
            "<tbody><tr><td>c</td></tr></tbody></table></div>");
}

TEST(ProseHtml, ATermInAnotherLanguageCarriesItsLang) {
  Inline term;
  term.kind = Inline::Kind::Lang;
  term.lang = "en";
  term.children = {txt("beneficial <ownership>")};
  Inline emph{Inline::Kind::Emph, {}, {}, true, {term}, {}, {}};
  EXPECT_EQ(render({para({txt("Prinsip "), emph, txt(".")})}, {}),
            "<p>Prinsip <em><span lang=\"en\" xml:lang=\"en\">beneficial &lt;ownership&gt;</span></em>.</p>");
}

TEST(ProseHtml, FootnotesAreNumberedAndWrittenAtTheEnd) {
  Notes notes;
  ProseContext ctx;
  ctx.notes = &notes;
  Inline note{Inline::Kind::Note, {}, {}, true, {}, prose::Blocks{para({txt("<the note>")})}, {}};
  XmlDocPtr doc = new_document("en");
  xmlNode* body = element(xmlDocGetRootElement(doc.get()), "body");
  render_blocks(body, {para({txt("a"), note, txt("b"), note})}, ctx);
  write_notes(body, notes, "Notes", "Back", ctx);
  std::string html = serialize(doc.get());
  EXPECT_NE(html.find("<sup class=\"note-ref\"><a href=\"#note-1\" id=\"note-ref-1\">1</a></sup>b"), std::string::npos);
  EXPECT_NE(html.find("<li id=\"note-2\"><p>&lt;the note&gt;</p> <a href=\"#note-ref-2\""), std::string::npos) << html;
}

TEST(HtmlTree, SerialisesAsHtml5WithOneEncodingDeclaration) {
  XmlDocPtr doc = new_document("id");
  xmlNode* html = xmlDocGetRootElement(doc.get());
  xmlNode* head = element(html, "head");
  element_text(head, "title", "T");
  xmlNode* body = element(html, "body");
  element(body, "div");
  element(body, "br");
  element(body, "script", {{"src", "a.js"}});
  std::string out = serialize(doc.get());
  EXPECT_TRUE(out.starts_with("<!DOCTYPE html>\n<html")) << out;
  EXPECT_NE(out.find("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />"), std::string::npos);
  EXPECT_NE(out.find("<div></div><br /><script src=\"a.js\"></script>"), std::string::npos) << out;
  EXPECT_EQ(out.find("<?xml"), std::string::npos);
}

}  // namespace
}  // namespace renaksi::html
