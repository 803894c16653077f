// The project's own prose types: what a Markdown fragment becomes after Pandoc, limited to the
// constructs the outputs render (paragraphs, headings, lists, emphasis, links, code, quotes,
// footnotes, simple tables, super- and subscripts).
#pragma once

#include <string>
#include <vector>

namespace renaksi::prose {

struct Block;

struct Inline {
  enum class Kind {
    Text,        // `text`
    Space,       // an inter-word space (a break opportunity)
    SoftBreak,   // a line end in the source: rendered as a space
    LineBreak,   // a hard line break
    Emph,        // children
    Strong,      // children
    Strikeout,   // children
    Code,        // `text`
    Link,        // `url`, children
    Quoted,      // children; `double_quote` says which marks
    Note,        // a footnote: `note` blocks
    StandIn,     // another language's text standing in for a missing translation: children (none
                 // when the text is beside it, as in a bilingual edition), `lang` the children's
                 // language, `text` the mark to show ("[belum diterjemahkan]")
    Superscript, // children (from <sup> in prose)
    Subscript,   // children (from <sub> in prose)
    Lang,        // children in the language `lang` (BCP 47), not the text's own: a term marked
                 // `[beneficial ownership]{lang=en}` in prose, a name given in one language only
  };
  Kind kind = Kind::Text;
  std::string text;
  std::string url;
  bool double_quote = true;
  std::vector<Inline> children;
  std::vector<Block> note;
  std::string lang;  // StandIn, Lang: the language of the children
};

struct ListItem {
  std::vector<Block> blocks;
};

struct TableCell {
  std::vector<Block> blocks;
};

struct Block {
  enum class Kind {
    Para,         // inlines
    Heading,      // level, inlines
    BulletList,   // items
    OrderedList,  // start, items
    BlockQuote,   // children
    CodeBlock,    // text
    Table,        // header, rows
    Rule,         // a horizontal rule
  };
  Kind kind = Kind::Para;
  int level = 0;
  int start = 1;
  std::string text;
  std::vector<Inline> inlines;
  std::vector<ListItem> items;
  std::vector<Block> children;
  std::vector<TableCell> header;
  std::vector<std::vector<TableCell>> rows;
};

using Blocks = std::vector<Block>;
using Inlines = std::vector<Inline>;

// Plain text of inlines (for titles, search, sorting): spaces for breaks, notes left out.
std::string plain_text(const Inlines& inlines);
std::string plain_text(const Blocks& blocks);

// A stable, indented text form of the tree, for golden tests and `--dump`.
void dump(const Blocks& blocks, std::string& out, int indent);
void dump(const Inlines& inlines, std::string& out);

}  // namespace renaksi::prose
