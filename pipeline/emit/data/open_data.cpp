// Each plan's open data, and the archive's tables and feed from them.
#include "emit/data/open_data.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "emit/data/csv.h"
#include "emit/data/plan_tables.h"
#include "emit/data/progress_tables.h"
#include "env/parallel.h"

namespace renaksi::open_data {

namespace {

using nlohmann::ordered_json;

constexpr const char* kFormat = "renaksi-open-data";
constexpr int kVersion = 1;

std::string site(const std::string& path) { return std::string(kSitePrefix) + path; }

std::string dump(const ordered_json& j) { return j.dump(1, '\t', false, ordered_json::error_handler_t::replace) + "\n"; }

struct ReadPlan {
  ordered_json facts;
  std::vector<ordered_json> commitments, milestones;
};

bool read_table(const std::string& bytes, Table table, ReadPlan& into, ordered_json& facts) {
  const ordered_json j = ordered_json::parse(bytes, nullptr, false);
  const std::string key(table_name(table));
  if (!j.is_object() || j.value("format", "") != kFormat || !j.contains("plan") || !j["plan"].is_object() ||
      !j.contains(key) || !j[key].is_array())
    return false;
  facts = j["plan"];
  auto& rows = table == Table::Commitments ? into.commitments : into.milestones;
  for (const auto& r : j[key]) {
    if (!r.is_object()) return false;
    rows.push_back(r);
  }
  return true;
}

// A plan's JSON file as plan_json() writes it, in its parts: the text of its facts (the "plan"
// object) and of its rows, as they stand in the file. Written by hand, because what is wanted
// is the bytes, not the values: the rows stand two levels down there as they do in the
// archive's table (dump() indents a value by its depth alone, and a string's line breaks are
// escaped, so a line break followed by one tab and a quote can only open a key of the
// outermost object), so an archive of 400 plans appends them instead of parsing and dumping
// 80 MB of JSON again (2.5 s of a one-change build). nullopt when the file is not framed as
// plan_json() frames it: the caller parses it then, and reports it when that fails too.
struct Framed {
  std::string_view facts, rows;  // rows: "" when there are none
};

std::optional<Framed> framed(std::string_view bytes, std::string_view key) {
  const std::string head = std::string("{\n\t\"format\": \"") + kFormat + "\",\n\t\"version\": " + std::to_string(kVersion) +
                           ",\n\t\"plan\": ";
  const std::string before_rows = ",\n\t\"" + std::string(key) + "\": ";
  constexpr std::string_view none = "[]\n}\n", open = "[\n\t\t", close = "\n\t]\n}\n";
  if (!bytes.starts_with(head)) return std::nullopt;
  const size_t at = bytes.rfind(before_rows);
  if (at == std::string_view::npos || at <= head.size()) return std::nullopt;
  Framed f{bytes.substr(head.size(), at - head.size()), {}};
  if (!f.facts.starts_with("{") || !f.facts.ends_with("}")) return std::nullopt;
  const std::string_view rest = bytes.substr(at + before_rows.size());
  if (rest == none) return f;
  if (rest.size() <= open.size() + close.size() || !rest.starts_with(open) || !rest.ends_with(close)) return std::nullopt;
  f.rows = rest.substr(open.size(), rest.size() - open.size() - close.size());
  return f;
}

// The facts of a plan's commitments file: its "plan" object alone parsed when the file is
// framed as plan_json() writes it, else the whole file (read_table).
bool read_facts(const std::string& bytes, ordered_json& facts) {
  if (const std::optional<Framed> f = framed(bytes, table_name(Table::Commitments))) {
    facts = ordered_json::parse(f->facts, nullptr, false);
    if (facts.is_object()) return true;
  }
  ReadPlan ignored;
  return read_table(bytes, Table::Commitments, ignored, facts);
}

std::string text_in(const ordered_json& facts, const char* key, const std::string& lang) {
  if (!facts.contains(key) || !facts[key].is_object()) return {};
  const auto it = facts[key].find(lang);
  return it != facts[key].end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A site path as the feed links it: absolute with the site's address, else relative to data/.
std::string feed_href(const FeedOptions& o, const std::string& path) {
  return o.site_url.empty() ? "../" + path : o.site_url + path;
}

}  // namespace

std::string plan_json(const ordered_json& facts, Table table, const std::vector<ordered_json>& rows) {
  return plan_json(facts, std::string(table_name(table)), rows);
}

std::string plan_json(const ordered_json& facts, const std::string& key, const std::vector<ordered_json>& rows) {
  ordered_json j = ordered_json::object();
  j["format"] = kFormat;
  j["version"] = kVersion;
  j["plan"] = facts;
  j[key] = rows;
  return dump(j);
}

void emit_plan_data(const Plan& plan, const Locales& locales, Outputs& out) {
  const std::vector<std::string> langs = data_languages(plan);
  ordered_json facts = plan_facts(plan, locales);
  const bool progress = publishes_progress(plan);
  // Its reports, for the archive's feed (an entry per period, dated by the report).
  if (progress && !plan.progress.reports.empty()) facts["progress"] = report_list(plan);
  const std::vector<ordered_json> commitments = commitment_rows(plan), milestones = milestone_rows(plan);
  out.add(site(plan_file(plan.id, Table::Commitments, Format::Csv)), write_csv(commitment_columns(langs), commitments));
  out.add(site(plan_file(plan.id, Table::Commitments, Format::Json)), plan_json(facts, Table::Commitments, commitments));
  out.add(site(plan_file(plan.id, Table::Milestones, Format::Csv)), write_csv(milestone_columns(langs), milestones));
  out.add(site(plan_file(plan.id, Table::Milestones, Format::Json)), plan_json(facts, Table::Milestones, milestones));
  if (!progress) return;
  for (const auto& r : plan.progress.reports) {
    const std::vector<ordered_json> rows = progress_rows(plan, r);
    out.add(site(progress_file(plan.id, r.period_id, Format::Csv)), write_csv(progress_columns(langs), rows));
    out.add(site(progress_file(plan.id, r.period_id, Format::Json)), plan_json(facts, "progress", rows));
  }
  if (!plan.progress.irm.empty()) {
    const std::vector<ordered_json> rows = irm_rows(plan);
    out.add(site(irm_file(plan.id, Format::Csv)), write_csv(irm_columns(), rows));
    out.add(site(irm_file(plan.id, Format::Json)), plan_json(facts, "irm", rows));
  }
}

namespace {

// `value` as it stands `depth` levels down in a document dump() writes: nlohmann indents a nested
// value by its depth alone, and a string's line breaks are escaped, so a value dumped on its own
// with `depth` tabs after each of its line breaks is the same bytes as within the document.
void append_nested(const ordered_json& value, size_t depth, std::string& out) {
  const std::string text = value.dump(1, '\t', false, ordered_json::error_handler_t::replace);
  out.reserve(out.size() + text.size() + text.size() / 8);
  for (const char c : text) {
    out += c;
    if (c == '\n') out.append(depth, '\t');
  }
}

void report_unreadable(const std::string& plan_id, Diagnostics& diags) {
  diags.error(Code::H070, {site(plan_file(plan_id, Table::Commitments, Format::Json)), 0, 0},
              "the open data of plan '" + plan_id + "' does not read back (internal error)");
}

// One plan's rows of an archive-wide table, as both files take them: its CSV records, and its
// JSON rows each dumped as it stands two levels down, joined by the separator between rows.
struct TablePart {
  bool read = false;
  bool any = false;
  std::string csv, json;
};

TablePart table_part(const PlanDataSource& source, Table table, const std::vector<std::string>& columns) {
  TablePart part;
  const std::string bytes = source.read(table);
  // As the plan's files have it: its JSON's rows, and its CSV's records when its columns are the
  // archive's (the plan has the archive's languages, in its order).
  if (const std::optional<Framed> f = framed(bytes, table_name(table)); f && source.read_csv) {
    const std::string csv = source.read_csv(table), header = csv_header(columns);
    if (csv.starts_with(header)) {
      part.read = true;
      part.csv = csv.substr(header.size());
      part.json = f->rows;
      part.any = !f->rows.empty();
      return part;
    }
  }
  ReadPlan rows;
  ordered_json ignored;
  if (!read_table(bytes, table, rows, ignored)) return part;
  part.read = true;
  const auto& list = table == Table::Commitments ? rows.commitments : rows.milestones;
  append_csv_records(columns, list, part.csv);
  for (const auto& row : list) {
    if (part.any) part.json += ",\n\t\t";
    append_nested(row, 2, part.json);
    part.any = true;
  }
  return part;
}

// Plans read and converted at once, on every core: each one's JSON is parsed again here (the
// archive's columns depend on every plan's languages), the largest part of this step, and the
// parts are appended in the plans' order, so a window's parts are all that is held.
size_t window() { return 4 * core_count(); }

// One archive-wide table as CSV and JSON: the start of each file, then a window of plans' rows
// at a time (read, appended to both, let go), then the JSON's end. The JSON is dump()'s bytes of
// {format, version, plans, <table>: rows}, without ever holding all of it.
bool emit_archive_table(const ArchiveFacts& facts, const std::vector<PlanDataSource>& sources, Table table,
                        Outputs& out, Diagnostics& diags) {
  const std::vector<std::string> columns =
      table == Table::Commitments ? commitment_columns(facts.langs) : milestone_columns(facts.langs);
  const std::string csv_path = site(archive_file(table, Format::Csv)), json_path = site(archive_file(table, Format::Json));
  ordered_json head = ordered_json::object();
  head["format"] = kFormat;
  head["version"] = kVersion;
  head["plans"] = ordered_json::array();
  for (const auto& p : facts.plans) head["plans"].push_back(p.facts);
  std::string json = dump(head);  // "…\n}\n": the table's rows go before the closing brace
  json.resize(json.size() - 3);
  json += ",\n\t\"" + std::string(table_name(table)) + "\": ";
  out.add(csv_path, csv_header(columns));
  out.add(json_path, std::move(json));
  bool ok = true, any = false;
  for (size_t from = 0; from < facts.plans.size(); from += window()) {  // bounded: the plans read
    const size_t count = std::min(window(), facts.plans.size() - from);
    std::vector<TablePart> parts = run_each_on_threads(
        count, core_count(), [&](size_t i) { return table_part(sources[facts.plans[from + i].source], table, columns); });
    for (size_t i = 0; i < count; ++i) {
      TablePart& part = parts[i];
      if (!part.read) {
        report_unreadable(sources[facts.plans[from + i].source].plan_id, diags);
        ok = false;
        continue;
      }
      out.append(csv_path, part.csv);
      if (!part.any) continue;
      out.append(json_path, any ? ",\n\t\t" : "[\n\t\t");
      out.append(json_path, part.json);
      any = true;
      part = TablePart{};
    }
  }
  out.append(json_path, any ? "\n\t]\n}\n" : "[]\n}\n");
  return ok;
}

}  // namespace

std::optional<ArchiveFacts> read_archive_facts(const std::vector<PlanDataSource>& sources, Diagnostics& diags) {
  ArchiveFacts a;
  bool ok = true;
  // Each plan's facts, read on every core (only the facts are kept of each plan's table).
  struct Read {
    bool empty = false, read = false;
    ordered_json facts;
  };
  std::vector<Read> read = run_each_on_threads(sources.size(), core_count(), [&](size_t i) {
    Read r;
    const std::string bytes = sources[i].read(Table::Commitments);
    r.empty = bytes.empty();
    if (!r.empty) r.read = read_facts(bytes, r.facts);
    return r;
  });
  for (size_t i = 0; i < sources.size(); ++i) {
    if (read[i].empty) continue;  // a plan without open data (no step made it)
    if (!read[i].read) {
      report_unreadable(sources[i].plan_id, diags);
      ok = false;
      continue;
    }
    a.plans.push_back({std::move(read[i].facts), i});
  }
  if (!ok) return std::nullopt;
  // Newest first, as the site lists them: by start date, then id.
  auto start_of = [](const ArchiveFacts::PlanFacts& p) { return p.facts.value("start", ""); };
  auto id_of = [](const ArchiveFacts::PlanFacts& p) { return p.facts.value("id", ""); };
  std::stable_sort(a.plans.begin(), a.plans.end(), [&](const auto& x, const auto& y) {
    if (start_of(x) != start_of(y)) return start_of(x) > start_of(y);
    return id_of(x) < id_of(y);
  });
  auto add_lang = [&](const std::string& l) {
    if (std::find(a.langs.begin(), a.langs.end(), l) == a.langs.end()) a.langs.push_back(l);
  };
  for (const auto& p : a.plans)  // each plan's administrative language first (listed first), then the others
    if (p.facts.contains("languages") && p.facts["languages"].is_array() && !p.facts["languages"].empty() &&
        p.facts["languages"][0].is_string())
      add_lang(p.facts["languages"][0].get<std::string>());
  for (const auto& p : a.plans)
    if (p.facts.contains("languages") && p.facts["languages"].is_array())
      for (const auto& l : p.facts["languages"])
        if (l.is_string()) add_lang(l.get<std::string>());
  return a;
}

bool emit_archive_data(const ArchiveFacts& facts, const std::vector<PlanDataSource>& sources, const Locales& locales,
                       const FeedOptions& options, const std::vector<FeedEntry>& extra, Outputs& out,
                       Diagnostics& diags) {
  bool ok = true;
  for (const Table table : {Table::Commitments, Table::Milestones})
    ok = emit_archive_table(facts, sources, table, out, diags) && ok;
  if (!ok) return false;
  const std::vector<std::string>& langs = facts.langs;
  auto id_of = [](const ArchiveFacts::PlanFacts& p) { return p.facts.value("id", ""); };

  // The feed: one entry per plan, at its current stage (a draft moving on is a new entry).
  Feed feed;
  feed.lang = langs.empty() ? "en" : langs.front();
  const Locale* first = locales.count(feed.lang) ? locales.at(feed.lang).get() : nullptr;
  feed.author = first ? first->message("site.name") : std::string("renaksi");
  feed.title = first ? first->message("site.feed_title", {{"site", feed.author}}) : feed.author;
  feed.id = options.site_url.empty() ? "urn:renaksi:feed" : options.site_url + feed_file();
  if (!options.site_url.empty()) feed.links.push_back({"self", options.site_url + feed_file(), std::string(kFeedMediaType), {}});
  if (options.home_page) feed.links.push_back({"alternate", feed_href(options, options.home_page(feed.lang)), "text/html", feed.lang});
  for (const auto& p : facts.plans) {
    FeedEntry e;
    const std::string id = id_of(p), stage = p.facts.value("stage", "");
    e.kind = stage == "final" ? FeedEntry::Kind::NewPlan : FeedEntry::Kind::NewDraft;
    e.id = "urn:renaksi:plan:" + id + ":" + stage;
    e.lang = p.facts["languages"].empty() ? feed.lang : p.facts["languages"][0].get<std::string>();
    e.updated = p.facts.value("updated", "");
    e.category = stage;
    const std::string title = text_in(p.facts, "title", e.lang), stage_name = text_in(p.facts, "stage_name", e.lang);
    const Locale* loc = locales.count(e.lang) ? locales.at(e.lang).get() : first;
    e.title = loc ? loc->message("site.feed_entry", {{"title", title}, {"stage", stage_name}}) : title;
    std::vector<FeedLink> pages;  // the plan's page in each of its languages
    if (options.plan_page)
      for (const auto& l : p.facts["languages"])
        if (l.is_string())
          pages.push_back({"alternate", feed_href(options, options.plan_page(id, l.get<std::string>())), "text/html",
                           l.get<std::string>()});
    auto related = [&](const std::string& csv, const std::string& json) {
      std::vector<FeedLink> links = pages;
      links.push_back({"related", feed_href(options, csv), "text/csv", {}});
      links.push_back({"related", feed_href(options, json), "application/json", {}});
      return links;
    };
    e.links = related(plan_file(id, Table::Commitments, Format::Csv), plan_file(id, Table::Commitments, Format::Json));
    // A Final plan's progress reports: an entry per period, linking the plan and the report's data.
    if (p.facts.contains("progress") && p.facts["progress"].is_array())
      for (const auto& r : p.facts["progress"]) {
        if (!r.is_object() || !r.contains("period") || !r["period"].is_string()) continue;
        const std::string period = r["period"].get<std::string>();
        FeedEntry u;
        u.kind = FeedEntry::Kind::ProgressUpdate;
        u.id = "urn:renaksi:progress:" + id + ":" + period;
        u.lang = e.lang;
        u.updated = r.value("updated", "");
        u.category = "progress";
        const std::vector<MessageArg> args{{"title", title}, {"start", r.value("start", "")}, {"end", r.value("end", "")}};
        u.title = loc ? loc->message("site.feed_progress", args) : title;
        u.links = related(progress_file(id, period, Format::Csv), progress_file(id, period, Format::Json));
        feed.entries.push_back(std::move(u));
      }
    feed.entries.push_back(std::move(e));
  }
  feed.entries.insert(feed.entries.end(), extra.begin(), extra.end());
  std::string xml = write_atom(std::move(feed));
  if (xml.empty()) {
    diags.error(Code::H071, {site(feed_file()), 0, 0}, "the Atom feed cannot be written (libxml2 failed)");
    return false;
  }
  out.add(site(feed_file()), std::move(xml));
  return true;
}

}  // namespace renaksi::open_data
