// Writing a PlanDiff for a terminal.
#include "diff/diff_text.h"

#include <algorithm>

#include "diag/diagnostic.h"

namespace renaksi::diff {

namespace {

// Where to cut `s` near `at` so that no word is split: forward, the end of the first space at
// or after `at`; backward, the start of the first word after the last space before `at`.
std::size_t cut_at_space(std::string_view s, std::size_t at, bool forward) {
  if (forward) {
    for (std::size_t i = at; i < s.size(); ++i)
      if (s[i] == ' ' || s[i] == '\n') return i + 1;
    return s.size();
  }
  for (std::size_t i = std::min(at, s.size()); i > 0; --i)
    if (s[i - 1] == ' ' || s[i - 1] == '\n') return i;
  return 0;
}

// Shown on a terminal: each line through `printable`, so content cannot colour or move it.
std::string safe(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = text.find('\n', start);
    out += printable(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

std::string name_of(const FieldChange& f) {
  std::string n(field_id(f.field));
  if (!f.id.empty()) n += " " + f.id;
  if (!f.lang.empty()) n += " [" + f.lang + "]";
  if (f.change == Change::Added) n += " (added)";
  if (f.change == Change::Removed) n += " (removed)";
  return n;
}

// "  <prefix><field> [lang]:" then its text, each line indented by four spaces.
void field(std::string& out, const FieldChange& f, bool colour, const char* prefix) {
  out += "  " + std::string(prefix) + name_of(f) + ":\n";
  std::string body;
  for (const auto& p : with_context(f.words).pieces) {
    if (p.op == Op::Same) body += safe(p.text);
    else if (p.op == Op::Delete)
      body += colour ? "\x1b[31;9m" + safe(p.text) + "\x1b[0m" : std::string(kDeletedOpen) + safe(p.text) + std::string(kDeletedClose);
    else
      body += colour ? "\x1b[32;4m" + safe(p.text) + "\x1b[0m" : std::string(kInsertedOpen) + safe(p.text) + std::string(kInsertedClose);
  }
  // Each line of the field indented under its name.
  const std::string line_indent = "    ";
  out += line_indent;
  for (char c : body) {
    out += c;
    if (c == '\n') out += line_indent;
  }
  out += "\n";
}

}  // namespace

WordDiff with_context(const WordDiff& words, std::size_t context) {
  if (context == 0) return words;
  WordDiff out;
  out.whole = words.whole;
  const auto& ps = words.pieces;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const Piece& p = ps[i];
    if (p.op != Op::Same || p.text.size() <= 2 * context + 8) {
      out.pieces.push_back(p);
      continue;
    }
    const bool before = i > 0, after = i + 1 < ps.size();  // a change on that side
    std::string text;
    if (before) text += p.text.substr(0, cut_at_space(p.text, context, true));
    text += before && after ? "\u2026 " : before ? "\u2026" : "\u2026 ";
    if (after) text += p.text.substr(cut_at_space(p.text, p.text.size() - context, false));
    if (!before && !after) text = p.text;
    out.pieces.push_back({Op::Same, text});
  }
  return out;
}

std::string render_plan_diff(const PlanDiff& diff, bool colour) {
  std::string out = safe(diff.plan_id) + ": " + std::string(stage_id(diff.old_stage)) + " \u2192 " +
                    std::string(stage_id(diff.new_stage)) + "\n";
  if (diff.empty()) return out + "no changes\n";
  for (const auto& f : diff.plan_fields) field(out, f, colour, "plan ");
  for (const auto& c : diff.commitments) {
    out += "commitment ";
    if (c.added()) out += std::to_string(c.new_number) + " " + safe(c.id) + " (added)";
    else if (c.removed()) out += std::to_string(c.old_number) + " " + safe(c.id) + " (removed)";
    else if (c.renumbered())
      out += std::to_string(c.old_number) + " \u2192 " + std::to_string(c.new_number) + " " + safe(c.id) + " (renumbered)";
    else out += std::to_string(c.new_number) + " " + safe(c.id);
    out += "\n";
    for (const auto& f : c.fields) field(out, f, colour, "");
  }
  return out;
}

}  // namespace renaksi::diff
