// Where the site's open data lives (docs/open-data.md): each plan's tables of commitments and
// milestones (CSV and JSON), and a Final plan's progress per period and IRM ratings, under
// site/data/<plan-id>/, written with the plan's own outputs (so
// cached and rebuilt with it), the archive's tables and its Atom feed under site/data/. Named
// here, on the floor, because the data emitter writes them and the site links them.
#pragma once

#include <string>
#include <string_view>

namespace renaksi::open_data {

enum class Table { Commitments, Milestones };
enum class Format { Csv, Json };

struct FileType {
  std::string_view extension;   // "csv"
  std::string_view media_type;  // "text/csv", as <link type> gives it
};

inline FileType file_type(Format f) {
  return f == Format::Csv ? FileType{"csv", "text/csv"} : FileType{"json", "application/json"};
}

inline std::string_view table_name(Table t) { return t == Table::Commitments ? "commitments" : "milestones"; }

inline constexpr std::string_view kFeedMediaType = "application/atom+xml";

// Site paths (relative to site/). A plan id is [a-z0-9-] (schema), so it is a path segment.
// "data/nap-2018-2020/nap-2018-2020-commitments.csv": the plan's id is in the file's name, so
// files saved from several plans do not overwrite each other.
inline std::string plan_file(const std::string& plan_id, Table t, Format f) {
  return "data/" + plan_id + "/" + plan_id + "-" + std::string(table_name(t)) + "." +
         std::string(file_type(f).extension);
}
// "data/archive-commitments.csv": every plan's rows.
inline std::string archive_file(Table t, Format f) {
  return "data/archive-" + std::string(table_name(t)) + "." + std::string(file_type(f).extension);
}
// "data/nap-2018-2020/nap-2018-2020-progress-p1.csv": a Final plan's report of one period (a
// period id is [a-z0-9-], progress.rng).
inline std::string progress_file(const std::string& plan_id, const std::string& period_id, Format f) {
  return "data/" + plan_id + "/" + plan_id + "-progress-" + period_id + "." + std::string(file_type(f).extension);
}
// The period of `path` when it is a progress_file of `plan_id` in format `f` (its inverse), else "".
inline std::string progress_period_of(const std::string& plan_id, const std::string& path, Format f) {
  const std::string head = progress_file(plan_id, "", f);  // "data/<plan>/<plan>-progress-.csv"
  const size_t dot = head.rfind('.');
  const std::string prefix = head.substr(0, dot), suffix = head.substr(dot);
  if (path.size() <= prefix.size() + suffix.size() || !path.starts_with(prefix) || !path.ends_with(suffix)) return {};
  return path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
}
// "data/nap-2018-2020/nap-2018-2020-irm.csv": the IRM's ratings of a Final plan's commitments.
inline std::string irm_file(const std::string& plan_id, Format f) {
  return "data/" + plan_id + "/" + plan_id + "-irm." + std::string(file_type(f).extension);
}
// "data/feed.atom": new plans, new drafts and progress reports.
inline std::string feed_file() { return "data/feed.atom"; }

// The site folder's path in a build's outputs.
inline constexpr std::string_view kSitePrefix = "site/";

}  // namespace renaksi::open_data
