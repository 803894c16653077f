// The project's own prose types: plain text and the dump form.
#include "doc/prose_ast.h"

namespace renaksi::prose {

namespace {
void plain(const Inlines& inlines, std::string& out) {
  for (const auto& i : inlines) {
    switch (i.kind) {
      case Inline::Kind::Text:
      case Inline::Kind::Code: out += i.text; break;
      case Inline::Kind::Space:
      case Inline::Kind::SoftBreak:
      case Inline::Kind::LineBreak: out += ' '; break;
      case Inline::Kind::Quoted:
        out += i.double_quote ? "\u201c" : "\u2018";
        plain(i.children, out);
        out += i.double_quote ? "\u201d" : "\u2019";
        break;
      case Inline::Kind::Note: break;
      default: plain(i.children, out);
    }
  }
}

void plain(const Blocks& blocks, std::string& out) {
  for (const auto& b : blocks) {
    if (!out.empty() && out.back() != ' ') out += ' ';
    plain(b.inlines, out);
    for (const auto& item : b.items) plain(item.blocks, out);
    plain(b.children, out);
    if (b.kind == Block::Kind::CodeBlock) out += b.text;
    for (const auto& c : b.header) plain(c.blocks, out);
    for (const auto& row : b.rows)
      for (const auto& c : row) plain(c.blocks, out);
  }
}

const char* inline_name(Inline::Kind k) {
  switch (k) {
    case Inline::Kind::Emph: return "emph";
    case Inline::Kind::Strong: return "strong";
    case Inline::Kind::Strikeout: return "strike";
    case Inline::Kind::Quoted: return "quoted";
    case Inline::Kind::Link: return "link";
    case Inline::Kind::Note: return "note";
    case Inline::Kind::StandIn: return "stand-in";
    case Inline::Kind::Superscript: return "sup";
    case Inline::Kind::Subscript: return "sub";
    case Inline::Kind::Lang: return "lang";
    case Inline::Kind::Inserted: return "inserted";
    case Inline::Kind::Deleted: return "deleted";
    default: return "";
  }
}
}  // namespace

std::string plain_text(const Inlines& inlines) {
  std::string out;
  plain(inlines, out);
  return out;
}

const Blocks& SharedBlocks::none() {
  static const Blocks none;
  return none;
}

Blocks& SharedBlocks::edit() {
  if (!blocks_)
    blocks_ = std::make_shared<Blocks>();
  else if (blocks_.use_count() > 1)
    blocks_ = std::make_shared<Blocks>(*blocks_);
  return *blocks_;
}

std::string plain_text(const Blocks& blocks) {
  std::string out;
  plain(blocks, out);
  return out;
}

void dump(const Inlines& inlines, std::string& out) {
  for (const auto& i : inlines) {
    switch (i.kind) {
      case Inline::Kind::Text: out += i.text; break;
      case Inline::Kind::Space:
      case Inline::Kind::SoftBreak: out += ' '; break;
      case Inline::Kind::LineBreak: out += "[br]"; break;
      case Inline::Kind::Code: out += "[code " + i.text + "]"; break;
      case Inline::Kind::Note: {
        out += "[note ";
        std::string inner;
        dump(i.note, inner, 0);
        for (char& c : inner)
          if (c == '\n') c = ' ';
        out += inner + "]";
        break;
      }
      default:
        out += "[";
        out += inline_name(i.kind);
        if (i.kind == Inline::Kind::Link) out += " <" + i.url.get() + ">";
        if (i.kind == Inline::Kind::Quoted) out += i.double_quote ? " double" : " single";
        if (i.kind == Inline::Kind::StandIn) out += " " + i.lang.get() + " \"" + i.text + "\"";
        if (i.kind == Inline::Kind::Lang) out += " " + i.lang.get();
        out += " ";
        dump(i.children, out);
        out += "]";
    }
  }
}

void dump(const Blocks& blocks, std::string& out, int indent) {
  const std::string pad(static_cast<size_t>(indent) * 2, ' ');
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::Kind::Para:
        out += pad + "para: ";
        dump(b.inlines, out);
        out += "\n";
        break;
      case Block::Kind::Heading:
        out += pad + "heading " + std::to_string(b.level) + ": ";
        dump(b.inlines, out);
        out += "\n";
        break;
      case Block::Kind::BulletList:
      case Block::Kind::OrderedList:
        out += pad + (b.kind == Block::Kind::BulletList ? "bullets:\n" : "numbered from " + std::to_string(b.start) + ":\n");
        for (const auto& item : b.items) {
          out += pad + "- item:\n";
          dump(item.blocks, out, indent + 2);
        }
        break;
      case Block::Kind::BlockQuote:
        out += pad + "quote:\n";
        dump(b.children, out, indent + 1);
        break;
      case Block::Kind::CodeBlock: out += pad + "code: " + b.text + "\n"; break;
      case Block::Kind::Rule: out += pad + "rule\n"; break;
      case Block::Kind::Table:
        out += pad + "table:\n";
        out += pad + "  header:";
        for (const auto& c : b.header) out += " | " + plain_text(c.blocks);
        out += "\n";
        for (const auto& row : b.rows) {
          out += pad + "  row:";
          for (const auto& c : row) out += " | " + plain_text(c.blocks);
          out += "\n";
        }
        break;
    }
  }
}

}  // namespace renaksi::prose
