// Tests of the raw-HTML tokenizer and tree builder: tags, attributes with quotes and entities,
// what is not a tag, nesting by a stack, and bounds.
#include "prose/html_subset.h"

#include <gtest/gtest.h>

namespace renaksi::prose::html {
namespace {

// A compact form of a tree: elements as name(children), text in quotes, opaque nodes as #n.
std::string shape(const std::vector<Node>& nodes) {
  std::string out;
  for (const auto& n : nodes) {
    if (!out.empty()) out += ' ';
    switch (n.kind) {
      case Node::Kind::Text: out += "'" + n.text + "'"; break;
      case Node::Kind::Opaque: out += "#" + std::to_string(n.opaque); break;
      case Node::Kind::Element:
        out += n.name;
        for (const auto& a : n.attrs) out += "[" + a.name + "=" + a.value + "]";
        out += "(" + shape(n.children) + ")";
        break;
    }
  }
  return out;
}

std::vector<Node> one(std::string_view raw) { return build({Piece{true, raw, 0, 0}}, 50); }

TEST(HtmlTokenize, TagsAttributesAndText) {
  const auto t = tokenize("a <A HREF='x&amp;y' title=\"q'&quot;\" data-x=1 checked>b</a><br/>");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].kind, Token::Kind::Text);
  EXPECT_EQ(t[0].text, "a ");
  EXPECT_EQ(t[1].kind, Token::Kind::Open);
  EXPECT_EQ(t[1].name, "a");
  EXPECT_EQ(t[1].offset, 2u);
  ASSERT_EQ(t[1].attrs.size(), 4u);
  EXPECT_EQ(t[1].attrs[0].name, "href");
  EXPECT_EQ(t[1].attrs[0].value, "x&y");
  EXPECT_EQ(t[1].attrs[1].value, "q'\"");
  EXPECT_EQ(t[1].attrs[2].value, "1");
  EXPECT_EQ(t[1].attrs[3].name, "checked");
  EXPECT_EQ(t[3].kind, Token::Kind::Close);
  EXPECT_TRUE(t[4].self_closing);
}

TEST(HtmlTokenize, WhatIsNotATagIsText) {
  for (std::string_view raw : {"a < b", "<", "<1>", "x <a href='unclosed>", "<a", "< a>", "<scr<"}) {
    const auto t = tokenize(raw);
    ASSERT_EQ(t.size(), 1u) << raw;
    EXPECT_EQ(t[0].kind, Token::Kind::Text) << raw;
  }
  // "<scr<script>ipt>": the first '<' starts no tag; the second does.
  EXPECT_EQ(shape(one("<scr<script>ipt>x</script>")), "'<scr' script('ipt>x')");
}

TEST(HtmlTokenize, EntitiesAndComments) {
  EXPECT_EQ(decode_entities("&lt;&#60;&#x3C;&nbsp;&copy;&#0;&#xD800;&#99999999;&"),
            "<<<\u00a0&copy;&#0;&#xD800;&#99999999;&");
  const auto t = tokenize("a<!-- <b>x</b> -->c<!-- never closed");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].kind, Token::Kind::Comment);
  EXPECT_EQ(t[2].text, "c");
}

TEST(HtmlBuild, NestsByAStack) {
  EXPECT_EQ(shape(one("<em>a<strong>b</em>c")), "em('a' strong('b')) 'c'");
  EXPECT_EQ(shape(one("</b>x<i>y")), "'x' i('y')");
  EXPECT_EQ(shape(one("<ul><li>a<li>b</ul>")), "ul(li('a') li('b'))");
  EXPECT_EQ(shape(one("<p>a<p>b")), "p('a') p('b')");
  EXPECT_EQ(shape(one("a<br>b<img src=x>c<br/>")), "'a' br() 'b' img[src=x]() 'c' br()");
}

TEST(HtmlBuild, PandocNodesBetweenTagsAndOffsets) {
  const std::vector<Piece> pieces = {{true, "<a href=\"h\">", 10, 0}, {false, {}, kNoOffset, 1}, {true, "</a>", 25, 0}};
  const auto nodes = build(pieces, 50);
  EXPECT_EQ(shape(nodes), "a[href=h](#1)");
  EXPECT_EQ(nodes[0].offset, 10u);
}

TEST(HtmlBuild, DepthIsBounded) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<em>";
  const auto nodes = one(deep + "x");
  int depth = 0;
  for (const std::vector<Node>* level = &nodes; !level->empty() && (*level)[0].kind == Node::Kind::Element;
       level = &(*level)[0].children)
    ++depth;
  EXPECT_EQ(depth, 50);
}

}  // namespace
}  // namespace renaksi::prose::html
