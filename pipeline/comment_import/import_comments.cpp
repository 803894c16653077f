// The consultation's comments from a survey's CSV into cocreation/consultation.xml.
#include "comment_import/import_comments.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "comment_import/csv_table.h"
#include "env/file_io.h"
#include "env/read_file.h"
#include "load/cocreation_loader.h"
#include "locale/locale.h"
#include "model/dedent.h"
#include "model/record_sectors.h"
#include "text/utf8_cut.h"
#include "xml/handles.h"
#include "xml/xml_document.h"

namespace renaksi::comment_import {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxCsvBytes = 32u << 20;
// The fields a column can fill, in the order a new comment's attributes and elements are written.
constexpr const char* kFields[] = {"received", "commitment", "comment", "organisation", "name", "sector", "language", "channel"};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A header or a name as the mapping compares them: lower case (ASCII), spaces collapsed, a
// trailing ':' or '*' dropped.
std::string normalised(const std::string& s) {
  std::string out = lower(collapse_whitespace(s));
  while (!out.empty() && (out.back() == ':' || out.back() == '*' || out.back() == ' ')) out.pop_back();
  return out;
}

struct Mapping {
  std::map<std::string, std::vector<std::string>> names;      // field -> normalised header names
  std::set<std::string> never_stored;                         // normalised
  std::map<std::string, std::vector<std::string>> languages;  // code -> normalised names
};

std::optional<Mapping> read_mapping(const Env& env, Diagnostics& diags) {
  const fs::path path = env.data_dir / "imports" / "comment-columns.json";
  const std::string name = path.generic_string();
  std::string bytes;
  if (ReadResult r = read_file(path, bytes); !r) {
    diags.error(Code::I013, {name, 0, 0}, "the column names of survey exports cannot be read: it " + r.reason);
    return std::nullopt;
  }
  const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("columns") || !j["columns"].is_object()) {
    diags.error(Code::I013, {name, 0, 0}, "is not valid: it needs an object \"columns\" of field -> list of header names");
    return std::nullopt;
  }
  Mapping m;
  for (const auto& item : j["columns"].items()) {
    // Named, not a structured binding: clang before 16 cannot capture a binding in a lambda.
    const std::string field = item.key();
    const auto& list = item.value();
    if (std::find_if(std::begin(kFields), std::end(kFields), [&](const char* f) { return field == f; }) == std::end(kFields)) {
      diags.error(Code::I013, {name, 0, 0}, "names a field \"" + field + "\" that comments do not have");
      return std::nullopt;
    }
    for (const auto& n : list)
      if (n.is_string()) m.names[field].push_back(normalised(n.get<std::string>()));
  }
  if (j.contains("languages") && j["languages"].is_object())
    for (const auto& item : j["languages"].items())
      if (item.value().is_array())
        for (const auto& n : item.value())
          if (n.is_string()) m.languages[item.key()].push_back(normalised(n.get<std::string>()));
  if (j.contains("never_stored") && j["never_stored"].is_array())
    for (const auto& n : j["never_stored"])
      if (n.is_string()) m.never_stored.insert(normalised(n.get<std::string>()));
  return m;
}

struct Date {
  int a = 0, b = 0, year = 0;  // a/b/year as written, or year-a-b for an ISO date
  bool iso = false;
  bool dotted = false;         // 2.3.2025: day first, always
};

// The date part of a timestamp ("2025-03-02 10:11:12", "2025/03/02 10:11:12 AM GMT+7",
// "3/2/2025 10:11:12", "02.03.2025"); nullopt for anything else.
std::optional<Date> read_date(const std::string& value) {
  std::string v = collapse_whitespace(value);
  v = v.substr(0, std::min(v.find_first_of(" T"), v.size()));
  std::vector<std::string> parts;
  char sep = 0;
  std::string cur;
  for (char c : v) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      cur += c;
    } else if ((c == '-' || c == '/' || c == '.') && (sep == 0 || sep == c) && !cur.empty() && parts.size() < 2) {
      sep = c;
      parts.push_back(cur);
      cur.clear();
    } else {
      return std::nullopt;
    }
  }
  parts.push_back(cur);
  if (parts.size() != 3 || std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty() || p.size() > 4; }))
    return std::nullopt;
  Date d;
  if (parts[0].size() == 4) {
    d.iso = true;
    d.year = std::stoi(parts[0]);
    d.a = std::stoi(parts[1]);
    d.b = std::stoi(parts[2]);
    return d;
  }
  if (parts[2].size() != 4 && parts[2].size() != 2) return std::nullopt;
  d.a = std::stoi(parts[0]);
  d.b = std::stoi(parts[1]);
  d.year = std::stoi(parts[2]) + (parts[2].size() == 2 ? 2000 : 0);
  d.dotted = sep == '.';
  return d;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

class Importer {
 public:
  Importer(const Plan& plan, const ImportRequest& request, Diagnostics& diags, const Locales& locales, const Mapping& mapping)
      : plan_(plan), request_(request), diags_(diags), locales_(locales), mapping_(mapping), csv_name_(request.csv.generic_string()) {}

  bool run(const CsvTable& table, const std::string& original, ImportOutcome& outcome) {
    if (!map_columns(mapping_, table)) return false;
    outcome.notes = notes_;
    if (!choose_date_order(table)) return false;
    index_existing();
    // The new comments are built in a document of their own (freed with it), each written out
    // as it is made.
    XmlDocPtr doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
    if (!doc) return fail_memory();
    xmlNode* root = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("consultation"), nullptr);
    if (!root) return fail_memory();
    xmlDocSetRootElement(doc.get(), root);
    XmlBufferPtr buffer(xmlBufferCreate());
    if (!buffer) return fail_memory();
    for (const auto& row : table.rows) {
      XmlNodePtr comment = row_comment(row, doc.get(), outcome);
      if (!comment) continue;
      xmlNode* node = xmlAddChild(root, comment.get());
      if (!node) return fail_memory();
      comment.release();  // the document owns it now
      if (xmlBufferCCat(buffer.get(), "  ") != 0 || xmlNodeDump(buffer.get(), doc.get(), node, 1, 1) < 0 ||
          xmlBufferCCat(buffer.get(), "\n") != 0)
        return fail_memory();
    }
    std::string fallback = request_.lang;
    for (const auto& l : plan_.languages)
      if (l.administrative && fallback.empty()) fallback = l.code;
    report_unknown(fallback);
    if (outcome.added.empty()) {
      outcome.xml = original;
      return true;
    }
    // The new comments go before the root's end tag; the rest of the file stays byte for byte.
    const size_t end = original.rfind("</consultation");
    if (end == std::string::npos) {
      diags_.error(Code::I017, {consultation_, 0, 0}, "has no </consultation> end tag to add comments before");
      return false;
    }
    size_t line_start = original.rfind('\n', end);
    line_start = line_start == std::string::npos ? end : line_start + 1;
    const bool own_line = original.find_first_not_of(" \t", line_start) == end;
    const std::string added(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                            static_cast<size_t>(xmlBufferLength(buffer.get())));
    outcome.xml = own_line ? original.substr(0, line_start) + added + original.substr(line_start)
                           : original.substr(0, end) + "\n" + added + original.substr(end);
    return true;
  }

  void set_consultation_name(const std::string& name) { consultation_ = name; }

 private:
  bool fail_memory() {
    diags_.error(Code::I017, {consultation_, 0, 0}, "the new comments cannot be written (out of memory)");
    return false;
  }

  bool map_columns(const Mapping& mapping, const CsvTable& table) {
    std::vector<std::string> headers;
    for (const auto& h : table.header) headers.push_back(normalised(h));
    for (const char* field : kFields) {
      if (auto it = request_.columns.find(field); it != request_.columns.end()) {
        const auto at = std::find(headers.begin(), headers.end(), normalised(it->second));
        if (at == headers.end()) {
          diags_.error(Code::I013, {csv_name_, 1, 1},
                       "--column " + std::string(field) + "=\"" + it->second + "\": the CSV has no such column (" + listed(table.header) + ")");
          ok_ = false;
          continue;
        }
        column_[field] = static_cast<size_t>(at - headers.begin());
        continue;
      }
      const auto names = mapping.names.find(field);
      if (names == mapping.names.end()) continue;
      for (size_t i = 0; i < headers.size() && !column_.count(field); ++i)
        if (std::find(names->second.begin(), names->second.end(), headers[i]) != names->second.end()) column_[field] = i;
    }
    for (const auto& column : request_.columns)
      if (const std::string& field = column.first; std::find_if(std::begin(kFields), std::end(kFields), [&](const char* f) { return field == f; }) == std::end(kFields)) {
        diags_.error(Code::I013, {csv_name_, 1, 1}, "--column " + field + "=…: comments have no field \"" + field + "\" (they have " + fields_listed() + ")");
        ok_ = false;
      }
    if (!column_.count("comment")) {
      diags_.error(Code::I013, {csv_name_, 1, 1},
                   "no column holds the comments: none of its columns (" + listed(table.header) +
                       ") is named as imports/comment-columns.json expects; name it with --column comment=\"HEADER\"");
      ok_ = false;
    }
    if (!ok_) return false;
    std::vector<std::string> unread, private_columns;
    for (size_t i = 0; i < table.header.size(); ++i) {
      bool used = false;
      for (const auto& [field, at] : column_) used = used || at == i;
      if (used || table.header[i].empty()) continue;
      (mapping.never_stored.count(headers[i]) ? private_columns : unread).push_back(table.header[i]);
    }
    if (!unread.empty())
      diags_.warning(Code::I013, {csv_name_, 1, 1},
                     "column" + std::string(unread.size() > 1 ? "s " : " ") + listed(unread) +
                         " not read: not a field of a comment (name one with --column FIELD=\"HEADER\")");
    if (!private_columns.empty())
      notes_.push_back("never stored, as personal data: " + listed(private_columns));
    if (column_.count("name") && !request_.names)
      notes_.push_back("commenters' own names are left out (published with --names, once they agreed to it); organisations are kept");
    return true;
  }

  static std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
      if (out.size() > 300) return out + ", …";
      out += (out.empty() ? "\"" : ", \"") + n + "\"";
    }
    return out.empty() ? "none" : out;
  }
  static std::string fields_listed() {
    std::string out;
    for (const char* f : kFields) out += (out.empty() ? "" : ", ") + std::string(f);
    return out;
  }

  std::string field(const CsvRow& row, const char* name) const {
    const auto it = column_.find(name);
    if (it == column_.end() || it->second >= row.fields.size()) return {};
    return collapse_whitespace(row.fields[it->second]);
  }
  SourceLoc at(const CsvRow& row) const { return {csv_name_, row.line, 1}; }

  // How to read 3/2/2025: as asked, else as the column's own dates show (a first part over 12
  // is a day, a second part over 12 is a day); both shown, or neither and some ambiguous, is an error.
  bool choose_date_order(const CsvTable& table) {
    order_ = request_.date_order;
    if (!column_.count("received") || !order_.empty()) return true;
    bool dmy = false, mdy = false, ambiguous = false;
    int first_ambiguous = 0;
    for (const auto& row : table.rows) {
      const auto d = read_date(field(row, "received"));
      if (!d || d->iso || d->dotted) continue;
      dmy = dmy || d->a > 12;
      mdy = mdy || d->b > 12;
      if (d->a <= 12 && d->b <= 12 && d->a != d->b && !ambiguous) {
        ambiguous = true;
        first_ambiguous = row.line;
      }
    }
    if (dmy && mdy) {
      diags_.error(Code::I015, {csv_name_, 1, 1},
                   "the dates of the CSV are written both day first and month first; give --date-order dmy or mdy");
      return false;
    }
    if (dmy || mdy) order_ = dmy ? "dmy" : "mdy";
    else if (ambiguous) {
      diags_.error(Code::I015, {csv_name_, first_ambiguous, 1},
                   "the date \"" + field(table.rows.front(), "received") +
                       "\" can be read day first or month first, and no date of the file tells which; give --date-order dmy or mdy");
      return false;
    }
    return true;
  }

  std::optional<std::string> iso_date(const CsvRow& row) {
    const std::string v = field(row, "received");
    if (v.empty()) return std::string();
    const auto d = read_date(v);
    std::string iso;
    if (d) {
      const bool day_first = d->dotted || order_ == "dmy";
      const int month = d->iso ? d->a : day_first ? d->b : d->a;
      const int day = d->iso ? d->b : day_first ? d->a : d->b;
      iso = std::to_string(d->year) + "-" + two(month) + "-" + two(day);
    }
    if (!d || !parse_iso_date(iso) || IsoDate{iso, {}}.year_in_range() == false) {
      diags_.error(Code::I015, at(row), "the date \"" + std::string(utf8_prefix(v, 60)) + "\" cannot be read as a day; the row is not added");
      return std::nullopt;
    }
    return iso;
  }

  // The commitment a row names: its id, its title in any language, or its number ("3",
  // "Komitmen 3", "[nap-2020-2022] Commitment 3: …", the subject renaksi's links prefill).
  // Empty: the plan as a whole (nullptr, `general`).
  const Commitment* commitment(const CsvRow& row, bool& general, bool& error) {
    std::string v = field(row, "commitment");
    general = false;
    error = false;
    if (v.empty()) {
      general = true;
      return nullptr;
    }
    if (v.front() == '[')
      if (const size_t close = v.find(']'); close != std::string::npos) v = collapse_whitespace(v.substr(close + 1));
    for (const auto& c : plan_.commitments) {
      if (c.id == v) return &c;
      for (const auto& t : c.title.texts)
        if (lower(t.value) == lower(v)) return &c;
    }
    // The first number within its first words.
    const size_t digit = v.find_first_of("0123456789");
    if (digit != std::string::npos && digit < 40) {
      const size_t end = std::min(v.find_first_not_of("0123456789", digit), v.size());
      if (end - digit <= 3) {
        const int number = std::stoi(v.substr(digit, end - digit));
        for (const auto& c : plan_.commitments)
          if (c.number == number) return &c;
      }
    }
    error = true;
    diags_.error(Code::I014, at(row),
                 "the plan has no commitment \"" + std::string(utf8_prefix(v, 80)) + "\" (give its number, its id or its title; an empty cell is a comment on the plan as a whole); the row is not added");
    return nullptr;
  }

  std::string language(const CsvRow& row) {
    const std::string v = field(row, "language");
    std::string fallback = request_.lang;
    if (fallback.empty())
      for (const auto& l : plan_.languages)
        if (l.administrative && fallback.empty()) fallback = l.code;
    if (v.empty()) return fallback;
    // A code of the plan's, a language's name in a catalogue of the plan's languages (ICU's),
    // or a name the mapping file gives ("Bahasa Indonesia"); each value looked up once.
    const std::string key = normalised(v);
    if (auto it = language_of_.find(key); it != language_of_.end()) return it->second.empty() ? unknown(unknown_languages_, v, row, fallback) : it->second;
    std::string code;
    for (const auto& l : plan_.languages) {
      if (key == lower(l.code)) code = l.code;
      for (const auto& [_, loc] : locales_)
        if (code.empty() && normalised(loc->language_name(l.code)) == key) code = l.code;
      if (const auto names = mapping_.languages.find(l.code); code.empty() && names != mapping_.languages.end())
        if (std::find(names->second.begin(), names->second.end(), key) != names->second.end()) code = l.code;
    }
    language_of_[key] = code;
    return code.empty() ? unknown(unknown_languages_, v, row, fallback) : code;
  }

  // A value no language or sector matches: counted, reported once after the rows.
  struct Unknown {
    int rows = 0;
    int first_line = 0;
  };
  std::string unknown(std::map<std::string, Unknown>& seen, const std::string& value, const CsvRow& row, std::string result) {
    Unknown& u = seen[std::string(utf8_prefix(value, 60))];
    if (u.rows++ == 0) u.first_line = row.line;
    return result;
  }
  void report_unknown(const std::string& fallback) {
    auto rows = [](int n) { return n == 1 ? std::string("1 row") : std::to_string(n) + " rows"; };
    for (const auto& [value, u] : unknown_languages_)
      diags_.warning(Code::I016, {csv_name_, u.first_line, 1},
                     "the language \"" + value + "\" (" + rows(u.rows) + ", the first here) is none of the plan's; those comments are recorded in " +
                         fallback + " (name its languages in imports/comment-columns.json, \"languages\")");
    for (const auto& [value, u] : unknown_sectors_)
      diags_.warning(Code::I016, {csv_name_, u.first_line, 1},
                     "the sector \"" + value + "\" (" + rows(u.rows) + ", the first here) is not one renaksi knows; left out (the sectors "
                     "are the ids and labels of sector.* in locales/)");
  }

  std::string sector(const CsvRow& row) {
    const std::string v = field(row, "sector");
    if (v.empty()) return {};
    for (std::string_view id : kRecordSectors) {
      const std::string s(id);
      if (normalised(v) == s) return s;
      for (const auto& [_, loc] : locales_)
        if (normalised(loc->message("sector." + s)) == normalised(v)) return s;
    }
    return unknown(unknown_sectors_, v, row, {});
  }

  void index_existing() {
    for (const auto& k : plan_.record.consultation.comments) {
      ids_.insert(k.id);
      for (const auto& t : k.heard.texts) recorded_.insert(k.received.text + "\n" + t.value);
    }
  }

  // The prefix's next number no comment has: each prefix counts on from where it stopped, so
  // a large import stays linear. Bounded: each step takes a number, and the recorded comments
  // hold only so many.
  std::string next_id(const std::string& prefix) {
    int& n = next_[prefix];
    for (size_t tries = 0; tries <= ids_.size(); ++tries) {
      const std::string id = prefix + two(++n);
      if (ids_.insert(id).second) return id;
    }
    return prefix + two(++n);  // unreachable: more numbers were tried than there are ids
  }

  XmlNodePtr row_comment(const CsvRow& row, xmlDoc* doc, ImportOutcome& outcome) {
    const std::string heard = field(row, "comment");
    if (heard.empty()) {
      diags_.warning(Code::I013, at(row), "the row has no comment; not added");
      ++outcome.skipped;
      return nullptr;
    }
    const auto received = iso_date(row);
    bool general = false, error = false;
    const Commitment* c = commitment(row, general, error);
    if (!received || error) {
      ++outcome.skipped;
      return nullptr;
    }
    if (recorded_.count(*received + "\n" + heard)) {
      ++outcome.already;
      return nullptr;
    }
    recorded_.insert(*received + "\n" + heard);
    const std::string lang = language(row);
    const std::string sec = sector(row);
    std::string who = field(row, "organisation");
    if (request_.names && !field(row, "name").empty())
      who = who.empty() ? field(row, "name") : field(row, "name") + " (" + who + ")";
    const std::string id = next_id(c ? "C" + std::to_string(c->number) + "-" : "G-");

    auto x = [](const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); };
    XmlNodePtr node(xmlNewDocNode(doc, nullptr, x("comment"), nullptr));
    if (!node) return nullptr;
    xmlNode* n = node.get();
    bool ok = xmlSetProp(n, x("id"), x(id)) != nullptr;
    if (c) ok = ok && xmlSetProp(n, x("commitment"), x(c->id)) != nullptr;
    if (!received->empty()) ok = ok && xmlSetProp(n, x("received"), x(*received)) != nullptr;
    if (!sec.empty()) ok = ok && xmlSetProp(n, x("sector"), x(sec)) != nullptr;
    if (const std::string ch = field(row, "channel"); !ch.empty()) ok = ok && xmlSetProp(n, x("channel"), x(ch)) != nullptr;
    if (!who.empty()) {
      xmlNode* from = xmlNewChild(n, nullptr, x("from"), nullptr);
      ok = ok && from && xmlNewTextChild(from, nullptr, x("text"), x(who)) != nullptr;
    }
    xmlNode* heard_node = xmlNewChild(n, nullptr, x("heard"), nullptr);
    xmlNode* text = heard_node ? xmlNewTextChild(heard_node, nullptr, x("text"), x(heard)) : nullptr;
    ok = ok && text;
    if (text) xmlNodeSetLang(text, x(lang));
    if (!ok) return nullptr;
    outcome.added.push_back(id);
    return node;
  }

  const Plan& plan_;
  const ImportRequest& request_;
  Diagnostics& diags_;
  const Locales& locales_;
  const Mapping& mapping_;
  std::string csv_name_;
  std::string consultation_;
  std::map<std::string, size_t> column_;
  std::string order_;
  std::set<std::string> ids_;
  std::map<std::string, int> next_;
  std::map<std::string, std::string> language_of_;  // a normalised value -> its code ("" none)
  std::map<std::string, Unknown> unknown_languages_, unknown_sectors_;
  std::set<std::string> recorded_;
  std::vector<std::string> notes_;
  bool ok_ = true;
};

}  // namespace

bool import_comments(const Plan& plan, const fs::path& plan_folder, const ImportRequest& request, const Env& env,
                     Diagnostics& diags, ImportOutcome& outcome) {
  const fs::path target = consultation_file(plan_folder);
  const std::string target_name = target.generic_string();
  if (!plan.record.consultation.declared) {
    diags.error(Code::I017, {target_name, 0, 0},
                "the plan declares no public consultation: write " + target_name +
                    " first (its period and where comments go; docs/content-format.md), then import its comments");
    return false;
  }
  if (request.date_order != "" && request.date_order != "dmy" && request.date_order != "mdy") {
    diags.error(Code::I015, {request.csv.generic_string(), 0, 0}, "--date-order is dmy or mdy, not \"" + request.date_order + "\"");
    return false;
  }
  const auto mapping = read_mapping(env, diags);
  if (!mapping) return false;
  std::string bytes;
  if (ReadResult r = read_file(request.csv, bytes, kMaxCsvBytes); !r) {
    diags.error(Code::I012, {request.csv.generic_string(), 0, 0}, "cannot be read: it " + r.reason);
    return false;
  }
  const auto table = read_csv(std::move(bytes), request.csv.generic_string(), diags);
  if (!table) return false;
  std::string original;
  if (ReadResult r = read_file(target, original); !r) {
    diags.error(Code::I017, {target_name, 0, 0}, "cannot be read: it " + r.reason);
    return false;
  }
  Locales locales;
  Diagnostics locale_diags;  // a missing catalogue only loses the names of languages and sectors
  load_locales(plan.language_codes(), env.data_dir, locales, locale_diags);
  Importer importer(plan, request, diags, locales, *mapping);
  importer.set_consultation_name(target_name);
  if (!importer.run(*table, original, outcome)) return false;
  // Never a file the loader would refuse for its size.
  if (outcome.xml.size() > limits::kMaxInputFileBytes) {
    diags.error(Code::I017, {target_name, 0, 0},
                "with these comments the file would be " + describe_size(outcome.xml.size()) + ", more than renaksi reads (" +
                    describe_size(limits::kMaxInputFileBytes) + "); nothing was written");
    return false;
  }
  // Never a file the loader would refuse: the result is validated before anything is written.
  Diagnostics check;
  if (!valid_record_file(outcome.xml, target_name, check)) {
    for (const auto& d : check.all()) diags.add(d);
    diags.error(Code::I017, {target_name, 0, 0}, "the comments cannot be added without breaking the file; nothing was written");
    return false;
  }
  return true;
}

}  // namespace renaksi::comment_import
