// Builds a whole archive.
#include "driver/archive.h"

#include <algorithm>
#include <map>

#include "emit/html/site.h"
#include "load/list_folder.h"

namespace renaksi {

namespace fs = std::filesystem;

namespace {

struct ArchiveStep {
  std::string_view name;
  std::string_view description;
  bool (*run)(ArchiveBuild&, const Env&);
};

bool site_step(ArchiveBuild& a, const Env& env);

// The archive-wide steps, in order.
// The site reads each plan's outputs (its downloads) before gather moves them into the
// archive's, so no file's bytes are copied in memory but the site's own copy in site/files/.
constexpr ArchiveStep kSteps[] = {
    {"site", "the archive website: a page per plan, commitment and language, search, sitemap", &site_step},
    {"gather", "every plan's outputs moved into the archive's",
     [](ArchiveBuild& a, const Env&) {
       for (const auto& p : a.plans) a.outputs.absorb(std::move(p->outputs));
       return true;
     }},
};

// The website: every plan's composed documents into pages under site/, with the plans' own
// files (PDFs, OGP XML) copied in for download. The site's labels come from catalogues of its
// own, loaded here, so that their problems are reported once for the archive.
bool site_step(ArchiveBuild& a, const Env& env) {
  std::vector<html::SitePlanSource> sources;
  for (const auto& p : a.plans) sources.push_back({&p->loaded.plan, &p->documents, &p->outputs});
  Locales locales;
  for (const auto& lang : html::site_languages(sources)) {
    auto catalogue = Catalogue::load(catalogue_path(env.data_dir, lang), lang, a.diags);
    if (catalogue) locales[lang] = std::make_unique<Locale>(lang, std::move(*catalogue));
  }
  html::SiteOptions options{env.data_dir / "layouts" / "html", env.site_url};
  bool ok = html::emit_site(sources, locales, options, a.outputs, a.diags);
  for (const auto& [lang, locale] : locales)
    for (const auto& d : locale->diagnostics().all()) a.diags.add(d);
  return ok && !a.diags.has_errors();
}

void add_timing(std::vector<PassTiming>& total, const PassTiming& t) {
  for (auto& x : total)
    if (x.name == t.name) {
      x.elapsed += t.elapsed;
      return;
    }
  total.push_back(t);
}

}  // namespace

size_t ArchiveBuild::error_count() const {
  size_t n = diags.error_count();
  for (const auto& p : plans) n += p->diags.error_count();
  return n;
}

size_t ArchiveBuild::warning_count() const {
  size_t n = diags.warning_count();
  for (const auto& p : plans) n += p->diags.warning_count();
  return n;
}

bool is_archive_step(std::string_view name) {
  return std::any_of(std::begin(kSteps), std::end(kSteps), [&](const auto& s) { return s.name == name; });
}

std::vector<fs::path> plan_folders(const fs::path& root, Diagnostics& diags) {
  std::error_code ec;
  // Whatever is at root/plan.xml (a file, or a folder or a broken link so named, which the load
  // pass then reports) makes root a plan folder.
  const auto has_plan_xml = [&](const fs::path& folder) {
    const auto type = fs::symlink_status(folder / "plan.xml", ec).type();
    return type != fs::file_type::not_found && type != fs::file_type::none;
  };
  if (has_plan_xml(root)) return {root};
  FolderListing listing = list_folder(root);
  if (!listing.problem.empty()) {
    diags.error(listing.too_many ? Code::L006 : Code::L001, {root.generic_string(), 0, 0},
                "the content folder " + listing.problem);
    return {};
  }
  std::vector<fs::path> out;
  for (const auto& entry : listing.entries) {
    bool missing = false;
    std::string problem = not_a_folder(entry, &missing);
    if (problem.empty()) {
      if (has_plan_xml(entry)) out.push_back(entry);
    } else if (problem == "is a link to nothing" || problem.starts_with("is a loop") ||
               problem.starts_with("cannot be examined")) {
      // It may be meant as a plan folder: say so rather than skip it.
      diags.error(Code::L001, {entry.generic_string(), 0, 0}, "cannot be read as a plan folder: it " + problem);
    }
  }
  return out;
}

ArchiveBuild build_archive(const fs::path& root, const Env& env, std::string_view stop_after) {
  ArchiveBuild a;
  const auto folders = plan_folders(root, a.diags);
  if (folders.empty()) {
    if (a.diags.has_errors()) return a;
    a.diags.error(Code::L001, {root.generic_string(), 0, 0}, "no plan here: expected plan.xml, or folders that hold one");
    return a;
  }
  const auto plan_pass_done = [&](std::string_view pass) {
    for (const auto& p : passes()) {
      if (p.name == pass) return true;
      if (p.name == stop_after) return false;
    }
    return false;
  };
  // Load and check every plan.
  for (const auto& folder : folders) {
    auto state = std::make_unique<BuildState>();
    state->folder = folder;
    state->env = env;
    for (const auto& t : run_passes(*state, plan_pass_done("check") ? "check" : stop_after)) add_timing(a.timings, t);
    a.plans.push_back(std::move(state));
  }
  // One id, one plan: the id names the plan's files and pages, so a second plan with it would
  // overwrite the first's. B001 at the second plan's id, naming the first.
  std::map<std::string, const Plan*> ids;
  for (const auto& p : a.plans) {
    const Plan& plan = p->loaded.plan;
    if (!p->loaded.plan_file_ok || plan.id.empty()) continue;
    auto [it, inserted] = ids.emplace(plan.id, &plan);
    if (!inserted)
      p->diags.error(Code::B001, plan.id_loc,
                     "the plan id '" + plan.id + "' is already the id of the plan at " + it->second->id_loc.str() +
                         "; each plan of an archive needs its own id, which names its files and pages");
  }
  bool complete = !a.diags.has_errors();
  for (const auto& p : a.plans) complete = complete && !p->diags.has_errors() && p->loaded.plan_file_ok;
  if (!plan_pass_done("prose") || !complete) return a;

  // The prose of every plan in one Pandoc run.
  std::vector<ProseJob> jobs;
  for (auto& p : a.plans) jobs.push_back({&p->loaded.plan, &p->prose, &p->diags});
  auto start = std::chrono::steady_clock::now();
  a.prose_stats = parse_prose(jobs, env, a.diags);
  add_timing(a.timings, {"prose", std::chrono::steady_clock::now() - start});
  if (a.diags.has_errors()) return a;

  // Every plan through the rest of its passes.
  for (auto& p : a.plans) {
    p->prose_done = true;
    for (const auto& t : run_passes(*p, stop_after, "prose")) add_timing(a.timings, t);
    complete = complete && p->completed && !p->diags.has_errors();
  }
  if (!complete || is_pass(stop_after)) return a;
  for (const auto& step : kSteps) {
    auto start = std::chrono::steady_clock::now();
    bool go_on = step.run(a, env);
    add_timing(a.timings, {step.name, std::chrono::steady_clock::now() - start});
    if (!go_on || step.name == stop_after) break;
  }
  return a;
}

}  // namespace renaksi
