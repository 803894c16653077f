// Joins the words of read prose into one text per run.
#include "prose/join_words.h"

#include <cstddef>
#include <utility>

namespace renaksi::prose {

namespace {
bool is_gap(const Inline& i) { return i.kind == Inline::Kind::Space || i.kind == Inline::Kind::SoftBreak; }
}  // namespace

void join_words(Inlines& in) {
  size_t kept = 0;
  for (size_t at = 0; at < in.size();) {
    Inline& cur = in[at];
    size_t next = at + 1;
    if (cur.kind == Inline::Kind::Text) {
      while (next + 1 < in.size() && is_gap(in[next]) && in[next + 1].kind == Inline::Kind::Text) {
        cur.text += ' ';
        cur.text += in[next + 1].text;
        next += 2;
      }
    } else {
      join_words(cur.children);
      if (!cur.note.empty()) join_words(cur.note.edit());
    }
    if (kept != at) in[kept] = std::move(cur);
    ++kept;
    at = next;
  }
  if (kept == in.size()) return;
  in.erase(in.begin() + static_cast<std::ptrdiff_t>(kept), in.end());
  in.shrink_to_fit();  // the reader reserved one inline per Pandoc node
}

void join_words(Blocks& blocks) {
  for (Block& b : blocks) {
    join_words(b.inlines);
    for (ListItem& item : b.items) join_words(item.blocks);
    join_words(b.children);
    for (TableCell& cell : b.header) join_words(cell.blocks);
    for (auto& row : b.rows)
      for (TableCell& cell : row) join_words(cell.blocks);
  }
}

}  // namespace renaksi::prose
