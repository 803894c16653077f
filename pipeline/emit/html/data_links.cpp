// The pages' links to the open data.
#include "emit/html/data_links.h"

#include "emit/html/html_tree.h"
#include "emit/html/page_chrome.h"
#include "emit/html/progress_html.h"
#include "emit/html/urls.h"
#include "output/open_data_files.h"

namespace renaksi::html {

namespace {

using open_data::Format;
using open_data::Table;

struct Kind {
  Table table;
  Format format;
  const char* label_key;
};
constexpr Kind kKinds[] = {
    {Table::Commitments, Format::Csv, "site.data_commitments_csv"},
    {Table::Commitments, Format::Json, "site.data_commitments_json"},
    {Table::Milestones, Format::Csv, "site.data_milestones_csv"},
    {Table::Milestones, Format::Json, "site.data_milestones_json"},
};

std::string in_outputs(const std::string& path) { return std::string(open_data::kSitePrefix) + path; }

}  // namespace

void use_plan_data(Site& site, const SitePlan& plan) {
  if (!site.plan_files) return;
  const std::string& plan_id = plan.id;
  // A file of the plan's outputs, offered in the site (copied when the plan's files are not the
  // site's outputs: emit_site) and linked from its pages.
  auto offer = [&](const std::string& path, Format format, const char* label_key, const std::string& period) {
    if (site.plan_files != site.out) {
      const std::string* bytes = site.plan_files->find(in_outputs(path));
      if (!bytes) return;
      site.out->add(in_outputs(path), *bytes);
    }
    site.files.insert(path);
    site.data_links.push_back({path, std::string(open_data::file_type(format).media_type), label_key, period, {}});
  };
  for (const auto& k : kKinds) {
    const std::string path = open_data::plan_file(plan_id, k.table, k.format);
    if (site.plan_files->has(in_outputs(path))) offer(path, k.format, k.label_key, {});
  }
  // A Final plan's IRM ratings and progress reports, as its data step wrote them.
  for (const Format f : {Format::Csv, Format::Json}) {
    const std::string irm = open_data::irm_file(plan_id, f);
    if (site.plan_files->has(in_outputs(irm))) offer(irm, f, f == Format::Csv ? "site.data_irm_csv" : "site.data_irm_json", {});
  }
  for (const std::string& full : site.plan_files->paths(in_outputs("data/" + plan_id + "/")))
    for (const Format f : {Format::Csv, Format::Json}) {
      const std::string path = full.substr(open_data::kSitePrefix.size());
      const std::string period = open_data::progress_period_of(plan_id, path, f);
      if (period.empty()) continue;
      offer(path, f, f == Format::Csv ? "site.data_progress_csv" : "site.data_progress_json", period);
      for (const auto& lang : plan.langs) site.data_links.back().period_texts[lang] = period_text(plan.facts_in(lang).progress, period);
    }
}

void use_archive_data(Site& site) {
  for (const auto& k : kKinds) {
    const std::string path = open_data::archive_file(k.table, k.format);
    if (!site.out->has(in_outputs(path))) continue;
    site.files.insert(path);
    site.data_links.push_back({path, std::string(open_data::file_type(k.format).media_type), k.label_key, {}, {}});
  }
  if (site.out->has(in_outputs(open_data::feed_file()))) {
    site.files.insert(open_data::feed_file());
    site.feed = {open_data::feed_file(), std::string(open_data::kFeedMediaType), "site.feed_link", {}, {}};
  }
}

void add_data_links(const Site& site, const PageInfo& info, Page& page) {
  auto link = [&](const Site::DataLink& d) {
    element(page.head, "link",
            {{"rel", "alternate"}, {"type", d.media_type}, {"href", urls::relative(info.path, d.path)},
             {"title", site.msg(info.lang, d.label_key, {{"period", d.period_in(info.lang)}})}});
  };
  for (const auto& d : site.data_links) link(d);
  const bool home = info.path == urls::root() || (!info.lang.empty() && info.path == urls::home(info.lang));
  if (home && !site.feed.path.empty()) link(site.feed);
}

}  // namespace renaksi::html
