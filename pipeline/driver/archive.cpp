// Builds a whole archive.
#include "driver/archive.h"

#include <algorithm>

#include "emit/html/site.h"

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

std::vector<fs::path> plan_folders(const fs::path& root) {
  std::error_code ec;
  if (fs::exists(root / "plan.xml", ec)) return {root};
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(root, ec))
    if (e.is_directory() && fs::exists(e.path() / "plan.xml", ec)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

ArchiveBuild build_archive(const fs::path& root, const Env& env, std::string_view stop_after) {
  ArchiveBuild a;
  const auto folders = plan_folders(root);
  if (folders.empty()) {
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
  bool complete = true;
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
