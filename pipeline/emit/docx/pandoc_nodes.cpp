// Builders of Pandoc's JSON AST.
#include "emit/docx/pandoc_nodes.h"

#include <algorithm>

namespace renaksi::pandoc {

json api_version() { return json::array({1, 22, 2, 1}); }

json attr(const std::string& id, const std::vector<std::pair<std::string, std::string>>& attributes) {
  json kv = json::array();
  for (const auto& [k, v] : attributes) kv.push_back(json::array({k, v}));
  return json::array({id, json::array(), std::move(kv)});
}

json node(const std::string& tag, json content) { return json{{"t", tag}, {"c", std::move(content)}}; }

json node(const std::string& tag) { return json{{"t", tag}}; }

json text(const std::string& s) {
  json out = json::array();
  size_t start = 0;
  while (start <= s.size()) {
    size_t space = s.find(' ', start);
    if (space == std::string::npos) space = s.size();
    if (space > start) out.push_back(node("Str", s.substr(start, space - start)));
    if (space < s.size()) out.push_back(node("Space"));
    start = space + 1;
  }
  return out;
}

json strong(json inlines) { return node("Strong", std::move(inlines)); }

json emph(json inlines) { return node("Emph", std::move(inlines)); }

json link(json inlines, const std::string& url) {
  return node("Link", json::array({attr(), std::move(inlines), json::array({url, ""})}));
}

json concat(json first, const json& second) {
  for (const auto& x : second) first.push_back(x);
  return first;
}

json para(json inlines) { return node("Para", std::move(inlines)); }

json plain(json inlines) { return node("Plain", std::move(inlines)); }

json header(int level, const std::string& id, json inlines) {
  return node("Header", json::array({level, attr(id), std::move(inlines)}));
}

json div(const std::string& id, const std::string& custom_style, json blocks) {
  std::vector<std::pair<std::string, std::string>> kv;
  if (!custom_style.empty()) kv.emplace_back("custom-style", custom_style);
  return node("Div", json::array({attr(id, kv), std::move(blocks)}));
}

namespace {

// [attr, [cells]]: each cell [attr, alignment, row span, column span, blocks].
json row(const std::vector<json>& cells) {
  json out = json::array();
  for (const auto& blocks : cells) out.push_back(json::array({attr(), node("AlignDefault"), 1, 1, blocks}));
  return json::array({attr(), std::move(out)});
}

}  // namespace

json table(const std::vector<double>& widths, const std::vector<json>& header, const std::vector<std::vector<json>>& rows) {
  size_t columns = header.size();
  for (const auto& r : rows) columns = std::max(columns, r.size());
  json specs = json::array();
  for (size_t i = 0; i < columns; ++i)
    specs.push_back(json::array({node("AlignDefault"), widths.size() == columns ? node("ColWidth", widths[i]) : node("ColWidthDefault")}));
  json head_rows = json::array();
  if (!header.empty()) head_rows.push_back(row(header));
  json body_rows = json::array();
  for (const auto& r : rows) body_rows.push_back(row(r));
  json caption = json::array({nullptr, json::array()});
  json head = json::array({attr(), std::move(head_rows)});
  json bodies = json::array({json::array({attr(), 0, json::array(), std::move(body_rows)})});
  json foot = json::array({attr(), json::array()});
  return node("Table", json::array({attr(), std::move(caption), std::move(specs), std::move(head), std::move(bodies), std::move(foot)}));
}

json meta_inlines(json inlines) { return node("MetaInlines", std::move(inlines)); }

json meta_string(const std::string& s) { return node("MetaString", s); }

json meta_list(std::vector<json> items) { return node("MetaList", json(std::move(items))); }

json document(json meta, json blocks) {
  return json{{"pandoc-api-version", api_version()}, {"meta", std::move(meta)}, {"blocks", std::move(blocks)}};
}

}  // namespace renaksi::pandoc
