// The composed document's lookups, emptiness tests and page labels.
#include "doc/document.h"

#include <algorithm>

#include "text/message_format.h"

namespace renaksi::doc {

const Front& Document::front_for(const std::string& lang) const {
  for (const auto& f : front)
    if (f.lang == lang) return f;
  return front.front();
}

const Chapter* Document::chapter(Chapter::Kind kind, int number) const {
  for (const auto& c : chapters)
    if (c.kind == kind && (kind != Chapter::Kind::Commitment || c.commitment_number == number)) return &c;
  return nullptr;
}

bool is_empty(const prose::Inlines& inlines) {
  return std::all_of(inlines.begin(), inlines.end(), [](const prose::Inline& i) {
    return (i.kind == prose::Inline::Kind::Text && i.text.empty()) || i.kind == prose::Inline::Kind::Space ||
           i.kind == prose::Inline::Kind::SoftBreak;
  });
}

bool is_empty(const prose::Blocks& blocks) { return blocks.empty(); }
bool is_empty(const FieldList& fields) { return fields.rows.empty(); }
bool is_empty(const TableContent& table) { return table.rows.empty(); }
bool is_empty(const ChartContent& chart) { return chart.bars.empty(); }

TableContent chart_table(const ChartContent& chart) {
  TableContent t;
  t.header = {chart.caption, chart.value_label};
  for (const auto& b : chart.bars)
    t.rows.push_back({{{prose::Inline::Kind::Text, b.label, {}, true, {}, {}, {}}},
                      {{prose::Inline::Kind::Text, b.value_text, {}, true, {}, {}, {}}}});
  return t;
}

std::string format_page_label(const PageLabel& label, int page, int pages) {
  if (label.pattern.empty()) return {};
  FormattedMessage m = format_message(label.pattern, label.lang,
                                      {{"page", static_cast<long long>(page)}, {"pages", static_cast<long long>(pages)}});
  return m.status == FormattedMessage::Status::Ok ? m.text : std::string();
}

}  // namespace renaksi::doc
