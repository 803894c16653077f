// A filled commitment form mapped onto the content format.
#include "docx_import/commitment_from_form.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <set>

#include "docx_import/template_form.h"

namespace renaksi::docx_import {

namespace {

std::string place(int table, int row) { return "table " + std::to_string(table) + ", row " + std::to_string(row); }

std::string xml_escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// "--" cannot appear in an XML comment.
std::string comment_safe(std::string s) {
  for (std::size_t at = s.find("--"); at != std::string::npos; at = s.find("--", at)) s.replace(at, 2, "- -");
  if (!s.empty() && s.back() == '-') s += ' ';
  return s;
}

// A label's printed text for messages: the catalogue's, else its key.
std::string text_of(const Catalogue& c, const std::string& key) {
  return label_text(c, key).value_or(key);
}

// What a cell filled.
struct Filled {
  std::string markdown, plain;
  int table = 0, row = 0;
};

struct Milestone {
  std::map<std::string, Filled> cells;  // by column field
  int table = 0, row = 0;
};

struct Contact {
  std::map<std::string, Filled> cells;
  int table = 0, row = 0;
};

// Names listed in a cell: split at line ends, ";" and ",", list markers dropped.
std::vector<std::string> names_in(const std::string& markdown) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string s = label_key(cur);
    // a list marker or an escape left from the Markdown
    while (!s.empty() && (s.front() == '-' || s.front() == ' ')) s.erase(s.begin());
    if (!s.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    const char c = markdown[i];
    if (c == '\\' && i + 1 < markdown.size() && markdown[i + 1] != '\n') {
      cur += markdown[++i];
      continue;
    }
    if (c == '\n' || c == ';' || c == ',') flush();
    else cur += c;
  }
  flush();
  for (auto& n : out) {
    std::size_t b = n.find_first_not_of(" -*\t");
    n = b == std::string::npos ? std::string() : n.substr(b);
    while (!n.empty() && n.back() == ' ') n.pop_back();
  }
  out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

// The ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) written in a cell, in order.
std::vector<std::string> dates_in(std::string_view s) {
  std::vector<std::string> out;
  auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  for (std::size_t i = 0; i < s.size();) {
    if (digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !(i > 0 && digit(i - 1)) && !digit(i + 4)) {
      std::size_t end = i + 4;
      if (end + 2 < s.size() + 0 && s[end] == '-' && digit(end + 1) && digit(end + 2) && !digit(end + 3)) {
        end += 3;
        if (end < s.size() && s[end] == '-' && digit(end + 1) && digit(end + 2) && !digit(end + 3)) end += 3;
      }
      out.emplace_back(s.substr(i, end - i));
      i = end;
    } else {
      ++i;
    }
  }
  return out;
}

// Lowercase ASCII letters, digits and dashes: an id from a title, at most 48 characters.
std::string slug(std::string_view title) {
  std::string out;
  for (char c : title) {
    const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) out += l;
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 48) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? std::string("imported-commitment") : out;
}

// Maps names to a plan's organisation or theme ids.
std::optional<std::string> organisation_id(const Plan* plan, const std::string& name) {
  if (!plan) return std::nullopt;
  const std::string key = label_key(name);
  for (const Organisation& o : plan->organisations) {
    if (label_key(o.id) == key) return o.id;
    for (const auto& t : o.name.texts)
      if (label_key(t.value) == key) return o.id;
    for (const auto& t : o.abbreviation.texts)
      if (label_key(t.value) == key) return o.id;
  }
  return std::nullopt;
}

std::optional<std::string> theme_id(const Plan* plan, const std::string& name) {
  if (!plan) return std::nullopt;
  const std::string key = label_key(name);
  for (const Theme& t : plan->themes) {
    if (label_key(t.id) == key) return t.id;
    for (const auto& x : t.name.texts)
      if (label_key(x.value) == key) return t.id;
  }
  return std::nullopt;
}

// The form's labels in one language: label key -> (form table, field).
struct LabelIndex {
  std::map<std::string, std::pair<std::size_t, std::string>> rows;      // label/value rows
  std::map<std::string, std::pair<std::size_t, std::string>> columns;   // grid columns
};

LabelIndex index_of(const Form& form, const Catalogue& c) {
  LabelIndex ix;
  for (std::size_t t = 0; t < form.tables.size(); ++t)
    for (const FormField& f : form.tables[t].fields)
      (form.tables[t].kind == FormTableKind::Fields ? ix.rows : ix.columns)[label_key(text_of(c, f.label))] = {t, f.field};
  return ix;
}

int score(const std::vector<WordTable>& tables, const LabelIndex& ix) {
  std::set<std::string> seen;
  for (const WordTable& t : tables)
    for (const WordRow& r : t.rows)
      for (const WordCell& c : r.cells) {
        const std::string k = label_key(c.plain);
        if (ix.rows.count(k) || ix.columns.count(k)) seen.insert(k);
      }
  return static_cast<int>(seen.size());
}

class Mapper {
 public:
  Mapper(const Form& form, const Catalogue& cat, const ImportContext& ctx, std::string file, Diagnostics& diags)
      : form_(form), cat_(cat), ctx_(ctx), file_(std::move(file)), diags_(diags), ix_(index_of(form, cat)) {}

  void warn(Code code, const std::string& message) {
    diags_.warning(code, {file_, 0, 0}, message);
    notes_.push_back(message);
  }

  void map(const std::vector<WordTable>& tables) {
    for (const WordTable& t : tables) {
      if (t.rows.empty()) continue;
      // A grid when its first row holds two column labels or more.
      std::vector<std::string> columns;
      int labelled = 0;
      std::optional<std::size_t> grid_table;
      for (const WordCell& c : t.rows.front().cells) {
        auto it = ix_.columns.find(label_key(c.plain));
        std::string field;
        if (it != ix_.columns.end()) {
          ++labelled;
          field = it->second.second;
          grid_table = it->second.first;
        }
        for (int s = 0; s < c.colspan; ++s) columns.push_back(s == 0 ? field : std::string());
      }
      if (labelled >= 2 && grid_table) grid(t, columns, *grid_table);
      else fields(t);
    }
  }

  void fields(const WordTable& t) {
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const WordRow& row = t.rows[r];
      const int rn = static_cast<int>(r) + 1;
      const bool empty = std::all_of(row.cells.begin(), row.cells.end(), [](const WordCell& c) { return c.plain.empty(); });
      if (empty) continue;
      auto it = row.cells.empty() ? ix_.rows.end() : ix_.rows.find(label_key(row.cells.front().plain));
      if (it == ix_.rows.end()) {
        const std::string text = row.cells.front().plain.substr(0, 80);
        warn(Code::I007, place(t.number, rn) + ": '" + text + "' is no field of the " + form_id_ +
                             " template; the row's text is not imported");
        continue;
      }
      found_.insert(it->second.second);
      Filled f;
      f.table = t.number;
      f.row = rn;
      int value_cells = 0;
      for (std::size_t c = 1; c < row.cells.size(); ++c) {
        if (row.cells[c].plain.empty()) continue;
        ++value_cells;
        f.markdown += (f.markdown.empty() ? "" : "\n\n") + row.cells[c].markdown;
        f.plain += (f.plain.empty() ? "" : " ") + row.cells[c].plain;
      }
      if (row.cells.size() == 1 && row.cells.front().colspan > 1) {
        warn(Code::I008, place(t.number, rn) + ": '" + row.cells.front().plain.substr(0, 80) +
                             "' is a label in a cell merged across the row, with no cell for its value");
      }
      if (value_cells > 1)
        warn(Code::I008, place(t.number, rn) + ": the value of '" + row.cells.front().plain.substr(0, 80) +
                             "' is split over " + std::to_string(value_cells) + " cells; they are joined as paragraphs");
      if (f.plain.empty()) continue;
      auto [at, fresh] = values_.emplace(it->second.second, f);
      if (!fresh) {
        warn(Code::I008, place(t.number, rn) + ": '" + row.cells.front().plain.substr(0, 80) + "' is given again (first at " +
                             place(at->second.table, at->second.row) + "); both texts are kept, as paragraphs");
        at->second.markdown += "\n\n" + f.markdown;
        at->second.plain += " " + f.plain;
      }
    }
  }

  void grid(const WordTable& t, const std::vector<std::string>& columns, std::size_t form_table) {
    const FormTable& ft = form_.tables[form_table];
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (!columns[c].empty()) found_.insert(ft.kind == FormTableKind::Milestones ? "milestone." + columns[c] : "contact." + columns[c]);
    for (std::size_t c = 0; c < t.rows.front().cells.size(); ++c) {
      const WordCell& h = t.rows.front().cells[c];
      if (!h.plain.empty() && !ix_.columns.count(label_key(h.plain)))
        warn(Code::I007, place(t.number, 1) + ": the column '" + h.plain.substr(0, 80) + "' is no column of the " + form_id_ +
                             " template; its cells are not imported");
    }
    grid_found_.insert(form_table);
    for (std::size_t r = 1; r < t.rows.size(); ++r) {
      const WordRow& row = t.rows[r];
      const int rn = static_cast<int>(r) + 1;
      std::map<std::string, Filled> cells;
      std::size_t col = 0;
      bool any = false;
      for (const WordCell& c : row.cells) {
        if (!c.plain.empty()) any = true;
        if (col < columns.size() && !columns[col].empty() && !c.plain.empty())
          cells[columns[col]] = {c.markdown, c.plain, t.number, rn};
        if (c.colspan > 1 && !c.plain.empty())
          warn(Code::I008, place(t.number, rn) + ": a cell merged over " + std::to_string(c.colspan) +
                               " columns is read as its first column's");
        col += static_cast<std::size_t>(c.colspan);
      }
      if (!any) continue;
      if (ft.kind == FormTableKind::Milestones) milestones_.push_back({cells, t.number, rn});
      else contacts_.push_back({cells, t.number, rn});
    }
  }

  // Fields of the form not found in the file: one warning per table whose labels all lack, else per field.
  void report_missing() {
    for (std::size_t t = 0; t < form_.tables.size(); ++t) {
      const FormTable& ft = form_.tables[t];
      const std::string where = "table " + std::to_string(t + 1) + " of the template, '" + text_of(cat_, ft.heading) + "'";
      if (ft.kind != FormTableKind::Fields) {
        if (!grid_found_.count(t))
          warn(Code::I006, "the section " + where + " is not in the Word file (no table with its column labels); nothing of it is imported");
        continue;
      }
      std::vector<std::string> missing;
      for (const FormField& f : ft.fields)
        if (!found_.count(f.field)) missing.push_back(text_of(cat_, f.label));
      if (missing.size() == ft.fields.size() && !ft.fields.empty()) {
        warn(Code::I006, "the section " + where + " is not in the Word file; none of its fields is imported");
      } else {
        for (const auto& m : missing) warn(Code::I006, "the field '" + m + "' (" + where + ") is not in the Word file");
      }
    }
  }

  const Filled* value(const std::string& field) const {
    auto it = values_.find(field);
    return it == values_.end() ? nullptr : &it->second;
  }

  std::string texts(const std::string& text, const std::string& indent) const {
    return indent + "<text xml:lang=\"" + cat_.lang() + "\">" + xml_escaped(text) + "</text>";
  }

  // Organisation ids of a cell's names; each that maps to none is a warning.
  std::vector<std::string> organisations(const Filled& f, const std::string& what) {
    std::vector<std::string> ids;
    for (const std::string& name : names_in(f.markdown)) {
      if (auto id = organisation_id(ctx_.plan, name)) {
        if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
      } else {
        warn(Code::I008, place(f.table, f.row) + ": the " + what + " '" + name + "' is not an organisation of " +
                             (ctx_.plan ? "the plan's organisations.xml" : "a plan (no --plan given)") +
                             "; add it there, then its reference to the commitment");
      }
    }
    return ids;
  }

  std::optional<std::pair<std::string, std::string>> period_of(const Filled* start, const Filled* end, const std::string& what) {
    std::string s, e;
    if (start && end) {
      auto ds = dates_in(start->plain), de = dates_in(end->plain);
      if (ds.size() == 1) s = ds[0];
      else warn(Code::I008, place(start->table, start->row) + ": the " + what + " '" + start->plain.substr(0, 60) + "' is no date YYYY, YYYY-MM or YYYY-MM-DD; the period is left out");
      if (de.size() == 1) e = de[0];
      else warn(Code::I008, place(end->table, end->row) + ": the " + what + " '" + end->plain.substr(0, 60) + "' is no date YYYY, YYYY-MM or YYYY-MM-DD; the period is left out");
    } else if (start || end) {
      const Filled* one = start ? start : end;
      auto ds = dates_in(one->plain);
      if (ds.size() == 2) {
        s = ds[0];
        e = ds[1];
      } else {
        warn(Code::I008, place(one->table, one->row) + ": the " + what + " '" + one->plain.substr(0, 60) +
                             "' is not a start and an end date (YYYY-MM-DD – YYYY-MM-DD); the period is left out");
      }
    }
    if (s.empty() || e.empty()) return std::nullopt;
    // Words beside the dates ("Juni 2025") are not read: say what was.
    for (const Filled* f : {start, end})
      if (f && std::any_of(f->plain.begin(), f->plain.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
        warn(Code::I008, place(f->table, f->row) + ": the " + what + " '" + f->plain.substr(0, 60) + "' is read as " +
                             (start && end ? (f == start ? s : e) : s + " \u2013 " + e) +
                             ", its words left out; write dates as YYYY-MM-DD, YYYY-MM or YYYY");
    return std::pair{s, e};
  }

  std::string xml(const TemplateProfile& profile, const std::string& id, int number, const std::string& file_name) {
    const std::string lang = cat_.lang();
    std::string body;
    const Filled* title = value("title");
    body += "  <title>\n" + texts(title->plain, "    ") + "\n  </title>\n";
    const Filled* start = value("start");
    const Filled* end = value("end");
    if (start || end)
      if (auto p = period_of(start, end, "date"))
        body += "  <period start=\"" + p->first + "\" end=\"" + p->second + "\"/>\n";
    if (const Filled* th = value("themes")) {
      std::string refs;
      for (const std::string& name : names_in(th->markdown)) {
        if (auto tid = theme_id(ctx_.plan, name)) refs += "<theme ref=\"" + *tid + "\"/>";
        else
          warn(Code::I008, place(th->table, th->row) + ": the theme '" + name + "' is not a theme of " +
                               (ctx_.plan ? "the plan" : "a plan (no --plan given)") + "; add it by hand");
      }
      if (!refs.empty()) body += "  <themes>" + refs + "</themes>\n";
    }
    std::string orgs;
    for (const char* role : {"lead", "support", "other"})
      if (const Filled* f = value(role))
        for (const auto& oid : organisations(*f, std::string(role) + " institution"))
          orgs += "    <organisation ref=\"" + oid + "\" role=\"" + role + "\"/>\n";
    if (!orgs.empty()) body += "  <organisations>\n" + orgs + "  </organisations>\n";
    for (const ProfileSection& s : profile.sections)
      if (s.kind == SectionKind::Prose)
        if (const Filled* f = value("prose:" + s.id))
          body += "  <" + s.id + ">\n" + texts(f->markdown, "    ") + "\n  </" + s.id + ">\n";
    std::string values, alignment;
    for (const ProfileSection& s : profile.sections) {
      if (s.kind == SectionKind::Values)
        for (const auto& c : s.choices)
          if (const Filled* f = value("value:" + c.kind))
            values += "    <value kind=\"" + c.kind + "\" relevant=\"true\">" + texts(f->markdown, "") + "</value>\n";
      if (s.kind == SectionKind::Alignment)
        for (const auto& c : s.choices)
          if (const Filled* f = value("align:" + c.kind))
            alignment += "    <with kind=\"" + c.kind + "\">" + texts(f->markdown, "") + "</with>\n";
    }
    if (!values.empty()) body += "  <values>\n" + values + "  </values>\n";
    if (!alignment.empty()) body += "  <alignment>\n" + alignment + "  </alignment>\n";
    std::string additional;
    if (const Filled* f = value("budget")) additional += "    <budget>" + texts(f->plain, "") + "</budget>\n";
    if (const Filled* f = value("sdgs")) {
      std::string sdgs;
      std::string goals = f->plain;
      for (const std::string& part : names_in(f->markdown)) {
        int goal = 0;
        std::size_t i = part.find_first_of("0123456789");
        std::size_t j = i;
        while (j != std::string::npos && j < part.size() && part[j] >= '0' && part[j] <= '9' && j - i < 3) goal = goal * 10 + (part[j++] - '0');
        if (i == std::string::npos || goal < 1 || goal > 17) {
          warn(Code::I008, place(f->table, f->row) + ": '" + part.substr(0, 60) + "' names no SDG goal 1 to 17; it is left out");
          continue;
        }
        std::string target;
        if (j < part.size() && part[j] == '.') {
          std::size_t k = j + 1;
          while (k < part.size() && k - j <= 2 && std::isalnum(static_cast<unsigned char>(part[k]))) ++k;
          if (k > j + 1) target = part.substr(i, k - i);
        }
        sdgs += "<sdg goal=\"" + std::to_string(goal) + "\"" + (target.empty() ? "" : " target=\"" + xml_escaped(target) + "\"") + "/>";
      }
      if (!sdgs.empty()) additional += "    <sdgs>" + sdgs + "</sdgs>\n";
    }
    if (const Filled* f = value("notes")) additional += "    <notes>" + texts(f->markdown, "") + "</notes>\n";
    if (!additional.empty()) body += "  <additional>\n" + additional + "  </additional>\n";
    std::string ms;
    int m_n = 0;
    for (const Milestone& m : milestones_) {
      auto cell = [&](const char* k) -> const Filled* { auto it = m.cells.find(k); return it == m.cells.end() ? nullptr : &it->second; };
      const Filled* activity = cell("activity");
      if (!activity) {
        warn(Code::I008, place(m.table, m.row) + ": a milestone row without its activity is not imported");
        continue;
      }
      std::string one = "    <milestone id=\"m" + std::to_string(++m_n) + "\">\n      <activity>" + texts(activity->plain, "") + "</activity>\n";
      const Filled* period = cell("period");
      const Filled* ms_start = cell("start");
      const Filled* ms_end = cell("end");
      if (period) {
        if (auto p = period_of(period, nullptr, "period")) one += "      <period start=\"" + p->first + "\" end=\"" + p->second + "\"/>\n";
      } else if (ms_end && !ms_start) {
        warn(Code::I008, place(ms_end->table, ms_end->row) + ": the completion date '" + ms_end->plain.substr(0, 60) +
                             "' has no start date, and the content format keeps a milestone's period whole; it is left out");
      } else if (ms_start || ms_end) {
        if (auto p = period_of(ms_start, ms_end, "date")) one += "      <period start=\"" + p->first + "\" end=\"" + p->second + "\"/>\n";
      }
      if (const Filled* o = cell("output")) one += "      <output>" + texts(o->plain, "") + "</output>\n";
      if (const Filled* a = cell("actors")) {
        std::string refs;
        for (const auto& oid : organisations(*a, "actor")) refs += "<actor ref=\"" + oid + "\"/>";
        if (!refs.empty()) one += "      <actors>" + refs + "</actors>\n";
      }
      ms += one + "    </milestone>\n";
    }
    if (!ms.empty()) body += "  <milestones>\n" + ms + "  </milestones>\n";
    std::string cs;
    for (const Contact& c : contacts_) {
      auto cell = [&](const char* k) -> const Filled* { auto it = c.cells.find(k); return it == c.cells.end() ? nullptr : &it->second; };
      const Filled* org = cell("organisation");
      const Filled* name = cell("name");
      std::vector<std::string> ids = org ? organisations(*org, "contact's organisation") : std::vector<std::string>{};
      if (ids.empty() || !name) {
        warn(Code::I008, place(c.table, c.row) + ": a contact needs a name and an organisation of the plan; the row is not imported");
        continue;
      }
      std::string one = "    <contact org=\"" + ids.front() + "\">\n      <name>" + xml_escaped(name->plain) + "</name>\n";
      if (const Filled* p = cell("position")) one += "      <position>" + texts(p->plain, "") + "</position>\n";
      if (const Filled* e = cell("email")) one += "      <email>" + xml_escaped(e->plain) + "</email>\n";
      if (const Filled* p = cell("phone")) one += "      <phone>" + xml_escaped(p->plain) + "</phone>\n";
      cs += one + "    </contact>\n";
    }
    if (!cs.empty()) body += "  <contacts>\n" + cs + "  </contacts>\n";

    std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- " +
                       comment_safe("Imported by renaksi import from " + file_name + " (template " + profile.id + ", language " +
                                    lang + "): a Draft 1 proposal; review it before it joins a plan.") +
                       "\n";
    for (const std::string& n : notes_) head += "     " + comment_safe("Not imported: " + n) + "\n";
    head += "-->\n<commitment version=\"1\" id=\"" + id + "\" number=\"" + std::to_string(number) + "\">\n";
    return head + body + "</commitment>\n";
  }

  std::string form_id_;

 private:
  const Form& form_;
  const Catalogue& cat_;
  const ImportContext& ctx_;
  std::string file_;
  Diagnostics& diags_;
  LabelIndex ix_;
  std::set<std::string> found_;
  std::set<std::size_t> grid_found_;
  std::map<std::string, Filled> values_;
  std::vector<Milestone> milestones_;
  std::vector<Contact> contacts_;
  std::vector<std::string> notes_;
};

}  // namespace

std::string label_key(std::string_view label) {
  std::string out;
  for (char c : label) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\\';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ':' || out.back() == '*')) out.pop_back();
  return out;
}

bool commitment_from_tables(const std::vector<WordTable>& tables, const ImportContext& context, const std::string& file,
                            Diagnostics& diags, ImportedCommitment& out) {
  // The profile and language whose labels the file holds most (ties: the first profile and
  // language listed, the plan's own first).
  const TemplateProfile* best_profile = nullptr;
  const Catalogue* best_cat = nullptr;
  int best = 0;
  for (const TemplateProfile& p : context.profiles) {
    const Form form = form_of(p);
    for (const auto& [lang, cat] : context.catalogues) {
      const int s = score(tables, index_of(form, cat));
      if (s > best) {
        best = s;
        best_profile = &p;
        best_cat = &cat;
      }
    }
  }
  if (best < 3 || !best_profile) {
    std::string langs, profiles;
    for (const auto& [lang, cat] : context.catalogues) langs += (langs.empty() ? "" : ", ") + lang;
    for (const auto& p : context.profiles) profiles += (profiles.empty() ? "" : ", ") + p.id;
    diags.error(Code::I009, {file, 0, 0},
                "its tables hold " + std::to_string(best) + " labels of a commitment template (at least 3 are needed): it is not a form " +
                    "'renaksi template' wrote, in the profiles " + profiles + " and the languages " + langs);
    return false;
  }
  const Form form = form_of(*best_profile);
  Mapper mapper(form, *best_cat, context, file, diags);
  mapper.form_id_ = best_profile->id + " (" + best_cat->lang() + ")";
  mapper.map(tables);
  mapper.report_missing();
  const Filled* title = mapper.value("title");
  if (!title) {
    diags.error(Code::I006, {file, 0, 0},
                "the commitment's title ('" + text_of(*best_cat, "template.commitment_title") +
                    "', table 1 of the template) is empty or missing; a commitment needs one");
    return false;
  }
  out.profile = best_profile->id;
  out.lang = best_cat->lang();
  out.id = slug(title->plain);
  out.number = 1;
  if (context.plan) {
    std::set<std::string> ids;
    for (const Commitment& c : context.plan->commitments) {
      ids.insert(c.id);
      out.number = std::max(out.number, c.number + 1);
    }
    const std::string base = out.id;
    for (int n = 2; ids.count(out.id) && n < 10000; ++n) out.id = base.substr(0, 58) + "-" + std::to_string(n);
  }
  const std::string name = std::filesystem::path(file).filename().string();
  out.xml = mapper.xml(*best_profile, out.id, out.number, name);
  return true;
}

}  // namespace renaksi::docx_import
