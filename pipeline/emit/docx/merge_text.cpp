// Adjacent words and spaces of a Pandoc JSON AST merged into one Str.
#include "emit/docx/merge_text.h"

#include <string>

namespace renaksi::docx {

namespace {

using nlohmann::json;

// The text `node` stands for when it is a Str, Space or SoftBreak; nullptr otherwise.
const std::string* text_of(const json& node) {
  static const std::string space = " ";
  if (!node.is_object()) return nullptr;
  const auto t = node.find("t");
  if (t == node.end() || !t->is_string()) return nullptr;
  const std::string& tag = t->get_ref<const std::string&>();
  if (tag == "Space" || tag == "SoftBreak") return &space;
  if (tag != "Str") return nullptr;
  const auto c = node.find("c");
  return c != node.end() && c->is_string() ? c->get_ptr<const std::string*>() : nullptr;
}

// Merges the runs of text in the array `items` in place.
void merge_runs(json& items) {
  json merged = json::array();
  std::string pending;
  bool in_run = false;
  for (auto& item : items) {
    if (const std::string* text = text_of(item)) {
      pending += *text;
      in_run = true;
      continue;
    }
    if (in_run) merged.push_back(json{{"t", "Str"}, {"c", std::move(pending)}});
    pending.clear();
    in_run = false;
    merged.push_back(std::move(item));
  }
  if (in_run) merged.push_back(json{{"t", "Str"}, {"c", std::move(pending)}});
  items = std::move(merged);
}

void walk(json& value, int depth) {
  if (depth > 256) return;  // deeper than renaksi writes: left as it is
  if (!value.is_array() && !value.is_object()) return;
  bool has_text = false;
  for (auto& item : value) {
    if (value.is_array() && text_of(item)) {
      has_text = true;
      continue;
    }
    walk(item, depth + 1);
  }
  if (has_text) merge_runs(value);
}

}  // namespace

void merge_text(json& ast) { walk(ast, 0); }

}  // namespace renaksi::docx
