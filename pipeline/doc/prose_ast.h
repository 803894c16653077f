// The project's own prose types: what a Markdown fragment becomes after Pandoc, limited to the
// constructs the outputs render (paragraphs, headings, lists, emphasis, links, code, quotes,
// footnotes, simple tables, super- and subscripts).
#pragma once

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace renaksi::prose {

struct Block;

// A member that most inlines leave empty, held behind a pointer: 8 bytes when empty, against the
// 24 to 32 of the value itself. Almost no inline has a link, a footnote or a language of its own
// (240 commitments: some 600,000 inlines as Pandoc gives them, a node per word and per space;
// fewer once the reader has joined the words, prose/join_words.h). Reads as the value (`get()`, or the conversion); `edit()` to change it. Copies copy
// the value.
template <typename T>
class Sparse {
 public:
  Sparse() = default;
  Sparse(T value) { *this = std::move(value); }  // NOLINT(google-explicit-constructor): a T is a Sparse<T>
  Sparse(const char* text)  // NOLINT(google-explicit-constructor): as a std::string is
    requires std::is_same_v<T, std::string>
      : Sparse(std::string(text)) {}
  Sparse(const Sparse& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Sparse(Sparse&&) noexcept = default;
  Sparse& operator=(const Sparse& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  Sparse& operator=(Sparse&&) noexcept = default;
  Sparse& operator=(const char* text)
    requires std::is_same_v<T, std::string>
  {
    return *this = std::string(text);
  }
  Sparse& operator=(T value) {
    if (value.empty()) value_.reset();
    else value_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  ~Sparse() = default;

  const T& get() const { return value_ ? *value_ : none(); }
  operator const T&() const { return get(); }  // NOLINT(google-explicit-constructor)
  T& edit() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }
  bool empty() const { return !value_ || value_->empty(); }
  size_t size() const { return get().size(); }
  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }

  friend bool operator==(const Sparse& a, const T& b) { return a.get() == b; }
  friend bool operator==(const Sparse& a, const char* b)
    requires std::is_same_v<T, std::string>
  {
    return a.get() == b;
  }
  friend bool operator==(const Sparse& a, const Sparse& b) { return a.get() == b.get(); }

 private:
  static const T& none() {
    static const T empty;
    return empty;
  }
  std::unique_ptr<T> value_;
};

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
    Inserted,    // children: words a later draft added (the change report; never from prose)
    Deleted,     // children: words a later draft removed (the change report; never from prose)
  };
  Inline() = default;
  // In the order an inline is thought of (and was once declared): what it is, its text, where it
  // links, its quote marks, what it holds. Its members are ordered to pack instead (88 bytes
  // rather than 96): Pandoc gives an inline per word and per space, until the reader joins them.
  Inline(Kind kind_, std::string text_ = {}, Sparse<std::string> url_ = {}, bool double_quote_ = true,
         std::vector<Inline> children_ = {}, Sparse<std::vector<Block>> note_ = {}, Sparse<std::string> lang_ = {})
      : kind(kind_), double_quote(double_quote_), text(std::move(text_)), url(std::move(url_)), children(std::move(children_)),
        note(std::move(note_)), lang(std::move(lang_)) {}

  Kind kind = Kind::Text;
  bool double_quote = true;
  std::string text;
  Sparse<std::string> url;
  std::vector<Inline> children;
  Sparse<std::vector<Block>> note;
  Sparse<std::string> lang;  // StandIn, Lang: the language of the children
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
static_assert(sizeof(void*) != 8 || sizeof(Inline) <= 88, "inlines are held by the hundred thousand: keep it packed");

// A parsed prose text shared by every edition that shows it, never copied: a plan's prose is
// most of its memory, and the editions (one per language and the bilingual one) and the copies
// the PDF and Word passes make of a document would otherwise hold it several times over.
// Read through `get()` (or the conversion); `edit()` copies the blocks first when they are
// shared, so a change never reaches another edition.
class SharedBlocks {
 public:
  SharedBlocks() = default;
  SharedBlocks(Blocks blocks)  // NOLINT(google-explicit-constructor): a Blocks is a SharedBlocks
      : blocks_(blocks.empty() ? nullptr : std::make_shared<Blocks>(std::move(blocks))) {}

  const Blocks& get() const { return blocks_ ? *blocks_ : none(); }
  operator const Blocks&() const { return get(); }  // NOLINT(google-explicit-constructor)
  Blocks& edit();

  Blocks::const_iterator begin() const { return get().begin(); }
  Blocks::const_iterator end() const { return get().end(); }
  bool empty() const { return get().empty(); }
  size_t size() const { return get().size(); }

  // Set when the quotes of its text are already the language's (compose curls each shared text
  // once, not once per edition): the typography pass leaves it as it is.
  bool quotes_curled = false;

 private:
  static const Blocks& none();
  std::shared_ptr<Blocks> blocks_;  // null when empty; written only through edit()
};

// Plain text of inlines (for titles, search, sorting): spaces for breaks, notes left out.
std::string plain_text(const Inlines& inlines);
std::string plain_text(const Blocks& blocks);

// A stable, indented text form of the tree, for golden tests and `--dump`.
void dump(const Blocks& blocks, std::string& out, int indent);
void dump(const Inlines& inlines, std::string& out);

}  // namespace renaksi::prose
