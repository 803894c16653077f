// The search page of each language: a box and filters that search the commitments' full text
// as the user types (search.js, over the word index of search_shards.h). Without JavaScript the page says
// so and points to the plans.
#include <map>
#include <set>

#include "emit/html/page_chrome.h"
#include "emit/html/pages.h"
#include "emit/html/search_index.h"
#include "emit/html/urls.h"

namespace renaksi::html {

namespace {

// A labelled <select> whose first option ("all", value "") filters nothing.
void filter_select(Site& site, const std::string& lang, xmlNode* parent, const std::string& id,
                   const std::string& label_key, const std::vector<std::pair<std::string, std::string>>& options) {
  xmlNode* field = element(parent, "p", {{"class", "search-filter"}});
  element_text(field, "label", site.msg(lang, label_key), {{"for", id}});
  xmlNode* select = element(field, "select", {{"id", id}, {"name", id}});
  element_text(select, "option", site.msg(lang, "site.search_filter_all"), {{"value", ""}});
  for (const auto& [value, text] : options) element_text(select, "option", text, {{"value", value}});
}

}  // namespace

void write_search_page(Site& site, const ArchivePlans& plans, const std::string& lang) {
  PageInfo info = archive_page(site, lang, &urls::search, site.msg(lang, "site.search_title"),
                               site.msg(lang, "site.search_hint"), Section::Search);
  info.scripts = {urls::asset("search-index.js"), urls::asset("search.js")};
  Page page = start_page(site, info);
  xmlNode* main = main_of(page);
  auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };

  element_text(main, "h1", info.title);
  element_text(main, "p", info.description, {{"class", "lead"}});
  xmlNode* noscript = element(main, "noscript");
  xmlNode* p = element(noscript, "p", {{"class", "notice"}});
  text(p, site.msg(lang, "site.search_noscript") + " ");
  element_text(p, "a", site.msg(lang, "site.search_browse"), {{"href", rel(urls::home(lang))}});

  std::string root_prefix = rel(urls::root());  // "../../index.html" -> "../../"
  root_prefix.resize(root_prefix.size() - urls::root().size());
  // Hidden until the script runs: a box that cannot search is not offered.
  xmlNode* form = element(main, "form", {{"class", "search-form"},
                                         {"role", "search"},
                                         {"id", "search-form"},
                                         {"hidden", "hidden"},
                                         {"data-lang", lang},
                                         {"data-root", root_prefix},
                                         {"data-found", site.msg(lang, "site.search_found", {{"count", std::string("{n}")}})},
                                         {"data-none", site.msg(lang, "site.search_none")}});
  element_text(form, "label", site.msg(lang, "site.search_label"), {{"for", "search-q"}});
  element(form, "input", {{"type", "search"}, {"id", "search-q"}, {"name", "q"}, {"autocomplete", "off"}, {"spellcheck", "false"}});

  // The filters' choices, from the plans' summaries: plans newest first, the rest sorted.
  std::vector<std::pair<std::string, std::string>> plan_options, stage_options, theme_options, lead_options,
      completion_options;
  std::set<std::string> stages, themes, leads;
  std::map<std::string, std::string> completions;  // level id -> label, of the commitments that have one
  for (const SitePlanSummary* s : plans) {
    plan_options.emplace_back(s->slug, site.plan_short(*s, lang));
    if (stages.insert(s->stage).second) stage_options.emplace_back(s->stage, site.msg(lang, "stage." + s->stage));
    for (const auto& e : s->edition_for(lang).search) {
      themes.insert(e.themes.begin(), e.themes.end());
      leads.insert(e.leads.begin(), e.leads.end());
      if (!e.completion_id.empty()) completions.emplace(e.completion_id, e.completion);
    }
  }
  for (const auto& t : themes) theme_options.emplace_back(t, t);
  for (const auto& l : leads) lead_options.emplace_back(l, l);
  // OGP's completion scale in its order (the ids of content/<plan>/progress/, docs/progress.md);
  // an id this list does not know still gets its place, last.
  for (const char* id : {"not-started", "limited", "substantial", "complete", "withdrawn"})
    if (auto it = completions.find(id); it != completions.end()) {
      completion_options.emplace_back(it->first, it->second);
      completions.erase(it);
    }
  for (const auto& [id, label] : completions) completion_options.emplace_back(id, label);
  xmlNode* filters = element(form, "fieldset", {{"class", "search-filters"}});
  element_text(filters, "legend", site.msg(lang, "site.search_filters"));
  filter_select(site, lang, filters, "search-plan", "site.search_filter_plan", plan_options);
  filter_select(site, lang, filters, "search-theme", "site.search_filter_theme", theme_options);
  filter_select(site, lang, filters, "search-stage", "site.search_filter_stage", stage_options);
  filter_select(site, lang, filters, "search-lead", "site.search_filter_lead", lead_options);
  // Only when some plan has progress data: a filter with nothing to choose is not offered.
  if (!completion_options.empty())
    filter_select(site, lang, filters, "search-completion", "site.search_filter_completion", completion_options);

  element(main, "p", {{"id", "search-status"}, {"class", "search-status"}, {"role", "status"}});
  element(main, "ol", {{"id", "search-results"}, {"class", "search-results"}});
  end_page(site, page);
}

}  // namespace renaksi::html
