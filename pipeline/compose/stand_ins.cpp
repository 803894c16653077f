// The translation-fallback decision, made once for every output.
#include "compose/stand_ins.h"

#include <type_traits>

namespace renaksi {

namespace {

using doc::Localized;
using doc::TableContent;

// The cells of `table` that are empty where `admin` has text, filled from it; nullopt when none.
std::optional<TableContent> cell_stand_ins(const TableContent& table, const TableContent& admin) {
  TableContent out;
  out.header = admin.header;
  bool any = false;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    out.rows.emplace_back(table.rows[r].size());
    for (size_t c = 0; c < table.rows[r].size(); ++c)
      if (r < admin.rows.size() && c < admin.rows[r].size() && doc::is_empty(table.rows[r][c]) &&
          !doc::is_empty(admin.rows[r][c])) {
        out.rows[r][c] = admin.rows[r][c];
        any = true;
      }
  }
  return any ? std::optional<TableContent>(std::move(out)) : std::nullopt;
}

// A chart's labels come from the catalogue: it never stands in.
void stand_in_parts(std::vector<Localized<doc::ChartContent>>&, const std::vector<Localized<doc::ChartContent>>&) {}

template <class T>
void stand_in_parts(std::vector<Localized<T>>& parts, const std::vector<Localized<T>>& admin) {
  for (size_t i = 0; i < parts.size() && i < admin.size(); ++i) {
    Localized<T>& part = parts[i];
    const Localized<T>& other = admin[i];
    if (other.lang == part.lang || part.stand_in) continue;  // an earlier edition stands in already
    if (doc::is_empty(part.value)) {
      if (!doc::is_empty(other.value)) part.stand_in = other.value;
    } else if constexpr (std::is_same_v<T, TableContent>) {
      part.stand_in = cell_stand_ins(part.value, other.value);
    }
    if (part.stand_in) part.stand_in_lang = other.lang;
  }
}

void stand_in_block(doc::Block& block, const doc::Block& admin) {
  if (block.content.index() != admin.content.index()) return;
  std::visit(
      [&](auto& content) {
        using T = std::decay_t<decltype(content)>;
        stand_in_parts(content.parts, std::get<T>(admin.content).parts);
      },
      block.content);
}

}  // namespace

void attach_stand_ins(doc::Document& edition, const doc::Document& admin) {
  for (auto& chapter : edition.chapters) {
    const doc::Chapter* other = admin.chapter(chapter.kind, chapter.commitment_number);
    if (!other || other->blocks.size() != chapter.blocks.size()) continue;
    for (size_t i = 0; i < chapter.blocks.size(); ++i) stand_in_block(chapter.blocks[i], other->blocks[i]);
  }
}

}  // namespace renaksi
