// The tables of a Word file through Pandoc's DOCX reader.
#include "docx_import/word_tables.h"

#include <algorithm>

#include "doc/link_policy.h"
#include "docx_import/import_limits.h"
#include "env/process.h"
#include "prose/from_pandoc.h"

namespace renaksi::docx_import {

using nlohmann::json;

namespace {

std::string place(int table, int row) { return "table " + std::to_string(table) + ", row " + std::to_string(row); }

// Markdown's special characters in running text get a backslash, so a "*" or "[" a proposer
// typed stays a character.
std::string escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<' || c == '>') out += '\\';
    out += c;
  }
  return out;
}

// Walks a cell's blocks into Markdown and plain text. The JSON's depth is bounded by its
// parser (limits::kMaxPandocJsonDepth), so the recursion is too.
class CellWriter {
 public:
  CellWriter(std::string file, int table, int row, Diagnostics& diags) : file_(std::move(file)), table_(table), row_(row), diags_(diags) {}

  void blocks(const json& bs, std::string& md, std::string& plain) {
    if (!bs.is_array()) return;
    for (const json& b : bs) {
      if (!b.is_object() || !b.contains("t") || !b["t"].is_string()) continue;
      const std::string t = b["t"];
      const json c = b.value("c", json());
      std::string m, p;
      if (t == "Para" || t == "Plain") {
        inlines(c, m, p);
      } else if (t == "Header") {
        if (c.is_array() && c.size() == 3) inlines(c[2], m, p);
      } else if (t == "BulletList" || t == "OrderedList") {
        const json items = t == "BulletList" ? c : (c.is_array() && c.size() == 2 ? c[1] : json());
        int n = 0;
        if (items.is_array())
          for (const json& item : items) {
            std::string im, ip;
            blocks(item, im, ip);
            const std::string marker = t == "BulletList" ? "- " : std::to_string(++n) + ". ";
            // The item's later lines continue under its marker.
            std::string shifted;
            for (char ch : im) {
              shifted += ch;
              if (ch == '\n') shifted += std::string(marker.size(), ' ');
            }
            if (!m.empty()) m += '\n';
            m += marker + shifted;
            if (!p.empty()) p += "; ";
            p += ip;
          }
        if (!m.empty()) {  // a list is its own block
          if (!md.empty()) md += "\n\n";
          md += m;
          if (!plain.empty()) plain += ' ';
          plain += p;
        }
        continue;
      } else if (t == "Div" || t == "BlockQuote") {
        blocks(t == "Div" ? (c.is_array() && c.size() == 2 ? c[1] : json()) : c, m, p);
      } else if (t == "LineBlock") {
        if (c.is_array())
          for (const json& line : c) {
            std::string lm, lp;
            inlines(line, lm, lp);
            m += (m.empty() ? "" : "\\\n") + lm;
            p += (p.empty() ? "" : " ") + lp;
          }
      } else if (t == "Table") {
        diags_.warning(Code::I007, {file_, 0, 0},
                       place(table_, row_) + ": a table inside a cell is not read; put its content in the cell as text or a list");
        continue;
      } else {
        continue;  // code blocks, rules and the like: no field of a proposal is one
      }
      if (m.empty()) continue;
      if (!md.empty()) md += "\n\n";
      md += m;
      if (!plain.empty()) plain += ' ';
      plain += p;
    }
  }

  void inlines(const json& is, std::string& md, std::string& plain) {
    if (!is.is_array()) return;
    for (const json& i : is) {
      if (!i.is_object() || !i.contains("t") || !i["t"].is_string()) continue;
      const std::string t = i["t"];
      const json c = i.value("c", json());
      if (t == "Str" && c.is_string()) {
        md += escaped(c.get<std::string>());
        plain += c.get<std::string>();
      } else if (t == "Space" || t == "SoftBreak") {
        md += ' ';
        plain += ' ';
      } else if (t == "LineBreak") {
        md += "\\\n";
        plain += ' ';
      } else if (t == "Emph" || t == "Strong") {
        std::string m, p;
        inlines(c, m, p);
        const std::string mark = t == "Emph" ? "*" : "**";
        if (!m.empty()) md += mark + m + mark;
        plain += p;
      } else if (t == "Link" && c.is_array() && c.size() == 3 && c[2].is_array() && c[2].size() == 2 && c[2][0].is_string()) {
        std::string m, p;
        inlines(c[1], m, p);
        const std::string url = c[2][0];
        if (prose::allowed_link(url)) {
          md += "[" + m + "](" + url + ")";
          plain += p == url ? p : p + " (" + url + ")";
        } else {
          diags_.warning(Code::I008, {file_, 0, 0},
                         place(table_, row_) + ": the link to '" + url.substr(0, 200) + "' is kept as its text only (renaksi keeps " +
                             prose::kept_link_schemes() + " links)");
          md += m;
          plain += p;
        }
      } else if (t == "Code" && c.is_array() && c.size() == 2 && c[1].is_string()) {
        md += "`" + c[1].get<std::string>() + "`";
        plain += c[1].get<std::string>();
      } else if (t == "Quoted" && c.is_array() && c.size() == 2) {
        std::string m, p;
        inlines(c[1], m, p);
        const bool single = c[0].is_object() && c[0].value("t", "") == "SingleQuote";
        md += (single ? "\u2018" : "\u201C") + m + (single ? "\u2019" : "\u201D");
        plain += (single ? "\u2018" : "\u201C") + p + (single ? "\u2019" : "\u201D");
      } else if ((t == "Span" || t == "Underline" || t == "SmallCaps" || t == "Strikeout" || t == "Superscript" ||
                  t == "Subscript")) {
        inlines(t == "Span" ? (c.is_array() && c.size() == 2 ? c[1] : json()) : c, md, plain);
      } else if (t == "Note") {
        diags_.warning(Code::I008, {file_, 0, 0}, place(table_, row_) + ": a footnote is not read; put it in the cell's text");
      } else if (t == "Image") {
        diags_.warning(Code::I008, {file_, 0, 0}, place(table_, row_) + ": an image is not read");
      }
    }
  }

 private:
  std::string file_;
  int table_, row_;
  Diagnostics& diags_;
};

std::string collapsed(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Reads the rows of a TableHead or TableBody's row list.
bool read_rows(const json& rows, WordTable& table, const std::string& file, Diagnostics& diags) {
  if (!rows.is_array()) return true;
  for (const json& r : rows) {
    if (table.rows.size() >= limits::kMaxRows) {
      diags.error(Code::I004, {file, 0, 0},
                  "table " + std::to_string(table.number) + " has more than " + std::to_string(limits::kMaxRows) +
                      " rows, more than a commitment proposal holds; renaksi reads no further");
      return false;
    }
    WordRow row;
    const int row_number = static_cast<int>(table.rows.size()) + 1;
    const json cells = r.is_array() && r.size() == 2 ? r[1] : json();
    if (cells.is_array() && cells.size() > limits::kMaxCells) {
      diags.error(Code::I004, {file, 0, 0},
                  place(table.number, row_number) + " has " + std::to_string(cells.size()) + " cells, more than the " +
                      std::to_string(limits::kMaxCells) + " renaksi reads");
      return false;
    }
    if (cells.is_array())
      for (const json& c : cells) {
        // [attr, alignment, rowspan, colspan, blocks]
        if (!c.is_array() || c.size() != 5) continue;
        WordCell cell;
        cell.rowspan = c[2].is_number_integer() ? std::clamp(c[2].get<int>(), 1, 1000) : 1;
        cell.colspan = c[3].is_number_integer() ? std::clamp(c[3].get<int>(), 1, 1000) : 1;
        CellWriter w(file, table.number, row_number, diags);
        std::string plain;
        w.blocks(c[4], cell.markdown, plain);
        cell.plain = collapsed(plain);
        if (cell.markdown.size() > limits::kMaxCellBytes) {
          diags.error(Code::I004, {file, 0, 0},
                      place(table.number, row_number) + ": a cell holds more than " + std::to_string(limits::kMaxCellBytes >> 10) +
                          " KiB of text, more than renaksi reads");
          return false;
        }
        row.cells.push_back(std::move(cell));
      }
    table.rows.push_back(std::move(row));
  }
  return true;
}

bool collect(const json& blocks, const std::string& file, Diagnostics& diags, std::vector<WordTable>& out, std::size_t& rows_in_all) {
  if (!blocks.is_array()) return true;
  for (const json& b : blocks) {
    if (!b.is_object() || !b.contains("t") || !b["t"].is_string()) continue;
    const std::string t = b["t"];
    const json& c = b.contains("c") ? b["c"] : json();
    if (t == "Div" && c.is_array() && c.size() == 2) {
      if (!collect(c[1], file, diags, out, rows_in_all)) return false;
      continue;
    }
    if (t != "Table") continue;
    if (out.size() >= limits::kMaxTables) {
      diags.error(Code::I004, {file, 0, 0}, "it has more than " + std::to_string(limits::kMaxTables) + " tables; renaksi reads no further");
      return false;
    }
    // [attr, caption, colspecs, head, [bodies], foot]
    if (!c.is_array() || c.size() != 6) continue;
    WordTable table;
    table.number = static_cast<int>(out.size()) + 1;
    if (c[3].is_array() && c[3].size() == 2 && !read_rows(c[3][1], table, file, diags)) return false;
    if (c[4].is_array())
      for (const json& body : c[4])  // [attr, row-head columns, head rows, body rows]
        if (body.is_array() && body.size() == 4 &&
            (!read_rows(body[2], table, file, diags) || !read_rows(body[3], table, file, diags)))
          return false;
    if (c[5].is_array() && c[5].size() == 2 && !read_rows(c[5][1], table, file, diags)) return false;
    rows_in_all += table.rows.size();
    if (rows_in_all > limits::kMaxRowsInAll) {
      diags.error(Code::I004, {file, 0, 0},
                  "its tables have more than " + std::to_string(limits::kMaxRowsInAll) + " rows in all; renaksi reads no further");
      return false;
    }
    out.push_back(std::move(table));
  }
  return true;
}

}  // namespace

bool tables_of_pandoc(const json& document, const std::string& file, Diagnostics& diags, std::vector<WordTable>& out) {
  if (!document.is_object() || !document.contains("blocks")) {
    diags.error(Code::I003, {file, 0, 0}, "Pandoc's answer is not a document");
    return false;
  }
  std::size_t rows_in_all = 0;
  return collect(document["blocks"], file, diags, out, rows_in_all);
}

bool read_word_tables(std::string_view docx, const Env& env, const std::string& file, Diagnostics& diags,
                      std::vector<WordTable>& out) {
  // --sandbox: the reader touches no file and no network, whatever the document names.
  ProcessResult r = run_process({env.pandoc, "--sandbox", "-f", "docx", "-t", "json"}, std::string(docx), env.pandoc_timeout, {},
                                limits::kMaxPandocJson);
  const SourceLoc where{file, 0, 0};
  if (!r.started) {
    diags.error(Code::I003, where,
                "cannot run Pandoc ('" + env.pandoc + "': " + r.error +
                    ") to read the Word file; install the Debian package pandoc (scripts/setup does) or set RENAKSI_PANDOC");
    return false;
  }
  if (r.timed_out) {
    diags.error(Code::I003, where,
                "Pandoc did not finish reading the Word file within " + std::to_string(env.pandoc_timeout.count()) +
                    " ms and was stopped");
    return false;
  }
  if (r.output_too_large) {
    diags.error(Code::I004, where, "Pandoc's reading of it passed " + std::to_string(limits::kMaxPandocJson >> 20) + " MiB; not a proposal");
    return false;
  }
  if (r.exit_code != 0) {
    const std::string why = r.err.substr(0, std::min(r.err.find_last_not_of('\n') + 1, std::size_t{500}));
    diags.error(Code::I003, where, "Pandoc cannot read it as a Word document: " + (why.empty() ? std::string("no message") : why));
    return false;
  }
  prose::ParsedJson parsed;
  if (!prose::parse_pandoc_json(r.out, parsed)) {
    diags.error(Code::I003, where, "Pandoc's answer is not JSON: " + parsed.error);
    return false;
  }
  if (parsed.too_deep > 0) {
    diags.error(Code::I004, where, "it is nested deeper than renaksi reads (lists or tables within each other)");
    return false;
  }
  return tables_of_pandoc(parsed.value, file, diags, out);
}

}  // namespace renaksi::docx_import
