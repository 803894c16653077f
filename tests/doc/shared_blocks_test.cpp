// A plan's prose is shared by its editions, never copied, and a change to one edition's copy
// never reaches another's.
#include <gtest/gtest.h>

#include "compose/typography.h"
#include "doc/prose_ast.h"

namespace renaksi {
namespace {

prose::Blocks paragraph(const std::string& text) {
  prose::Block b;
  b.kind = prose::Block::Kind::Para;
  prose::Inline i;
  i.text = text;
  b.inlines.push_back(i);
  return {b};
}

TEST(SharedBlocks, CopiesShareTheBlocksAndAnEditCopiesThemFirst) {
  const prose::SharedBlocks a(paragraph("one"));
  prose::SharedBlocks b = a;
  EXPECT_EQ(&a.get(), &b.get());  // a copy is the same blocks, not a second tree
  b.edit().front().inlines.front().text = "two";
  EXPECT_EQ(a.get().front().inlines.front().text, "one");  // the other copy is untouched
  EXPECT_EQ(b.get().front().inlines.front().text, "two");
  EXPECT_NE(&a.get(), &b.get());
}

TEST(SharedBlocks, EmptyIsAnEmptyListAndCanBeEdited) {
  prose::SharedBlocks none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.size(), 0u);
  EXPECT_EQ(none.begin(), none.end());
  none.edit() = paragraph("x");
  EXPECT_EQ(none.size(), 1u);
  EXPECT_TRUE(prose::SharedBlocks(prose::Blocks{}).empty());
}

TEST(CurledProse, EachTextIsCurledOncePerLanguageAndSharedByEveryEdition) {
  const prose::SharedBlocks parsed(paragraph("\"open\" data's"));
  CurledProse curled;
  const prose::SharedBlocks en1 = curled.get(parsed, "en");
  const prose::SharedBlocks en2 = curled.get(parsed, "en");
  const prose::SharedBlocks id = curled.get(parsed, "id");
  EXPECT_EQ(&en1.get(), &en2.get());  // the second edition gets the first one's blocks
  EXPECT_NE(&en1.get(), &id.get());
  EXPECT_TRUE(en1.quotes_curled);
  EXPECT_EQ(en1.get().front().inlines.front().text, "\u201copen\u201d data\u2019s");
  EXPECT_EQ(id.get().front().inlines.front().text, curly_quotes("\"open\" data's", quote_marks("id")));
  EXPECT_EQ(parsed.get().front().inlines.front().text, "\"open\" data's");  // the parsed text is kept as it was
  EXPECT_TRUE(curled.get(prose::SharedBlocks{}, "en").empty());
}

TEST(CurledProse, ATextWithNoStraightQuoteIsTheParsedTextItselfNotACopy) {
  const prose::SharedBlocks parsed(paragraph("open data, in \u201ccurled\u201d quotes already"));
  CurledProse curled;
  const prose::SharedBlocks en = curled.get(parsed, "en");
  const prose::SharedBlocks id = curled.get(parsed, "id");
  EXPECT_EQ(&en.get(), &parsed.get());  // shared with the parsed text and every language
  EXPECT_EQ(&id.get(), &parsed.get());
  EXPECT_TRUE(en.quotes_curled);
  EXPECT_FALSE(parsed.quotes_curled);

  // A quote anywhere the curling reaches (a list item's note here) makes it a curled copy; one
  // only in code is left alone, and the text shared.
  prose::Blocks deep;
  prose::Block list;
  list.kind = prose::Block::Kind::BulletList;
  prose::Inline note;
  note.kind = prose::Inline::Kind::Note;
  note.note = paragraph("it's");
  prose::Block item = paragraph("item").front();
  item.inlines.push_back(note);
  list.items.push_back({{item}});
  deep.push_back(list);
  const prose::SharedBlocks with_quote(deep);
  const prose::SharedBlocks curled_deep = curled.get(with_quote, "en");
  EXPECT_NE(&curled_deep.get(), &with_quote.get());
  EXPECT_EQ(curled_deep.get()[0].items[0].blocks[0].inlines[1].note.get()[0].inlines[0].text, "it\u2019s");

  prose::Block code;
  code.kind = prose::Block::Kind::CodeBlock;
  code.text = "say \"hi\"";
  const prose::SharedBlocks only_code(prose::Blocks{code});
  EXPECT_EQ(&curled.get(only_code, "en").get(), &only_code.get());
}

}  // namespace
}  // namespace renaksi
