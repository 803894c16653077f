// Builders of Pandoc's JSON AST (pandoc-types 1.22, what `pandoc -f json` of Pandoc 2.11-2.19
// reads): every node is made with nlohmann-json, never spelled as text.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace renaksi::pandoc {

using nlohmann::json;

// The API version the nodes below follow; Pandoc refuses a document whose major.minor differ.
json api_version();

// ["id", [classes], [[key, value]...]]
json attr(const std::string& id = {}, const std::vector<std::pair<std::string, std::string>>& attributes = {});

// {"t": tag, "c": content}, or {"t": tag} for a node without content.
json node(const std::string& tag, json content);
json node(const std::string& tag);

// Inlines of a plain text: words as Str, each ASCII space as a Space (other spaces, such as
// no-break spaces, stay inside their word).
json text(const std::string& s);
json strong(json inlines);
json emph(json inlines);
json link(json inlines, const std::string& url);
json concat(json first, const json& second);  // two inline (or block) arrays joined

json para(json inlines);
json plain(json inlines);
json header(int level, const std::string& id, json inlines);
// A Div; `custom_style` names the Word paragraph style its paragraphs take (empty: none).
json div(const std::string& id, const std::string& custom_style, json blocks);

// A table: `widths` are column shares of the text width (empty: Pandoc chooses); `header`
// is one array of blocks per column (empty: no header row); each row likewise.
json table(const std::vector<double>& widths, const std::vector<json>& header, const std::vector<std::vector<json>>& rows);

json meta_inlines(json inlines);
json meta_string(const std::string& s);
json meta_list(std::vector<json> items);

// {"pandoc-api-version": ..., "meta": meta, "blocks": blocks}
json document(json meta, json blocks);

}  // namespace renaksi::pandoc
