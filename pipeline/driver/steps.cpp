// The rows of the pipeline table: each step of a build, per plan or archive-wide, in order.
#include <algorithm>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "check/checker.h"
#include "compose/compose.h"
#include "compose/progress_report.h"
#include "diff/history.h"
#include "driver/pipeline.h"
#include "emit/data/open_data.h"
#include "emit/docx/docx_pass.h"
#include "emit/html/site.h"
#include "emit/html/urls.h"
#include "env/read_file.h"
#include "emit/ogp/validator.h"
#include "emit/pdf/pdf_pass.h"
#include "output/artifact.h"
#include "output/plan_cache.h"
#include "env/cache_prune.h"
#include "env/limits.h"
#include "layout/hyphenator.h"

namespace renaksi {

bool join_submission(BuildState& s) {
  if (!s.submission_job.valid()) return true;
  BuildState::SubmissionJob job = s.submission_job.get();
  for (const auto& d : job.diags.all()) s.diags.add(d);
  if (job.diags.has_errors()) return false;
  s.submission = std::move(job.xml);
  return true;
}

namespace {

bool load_step(ArchiveBuild& a, BuildState* s) {
  s->loaded = load_plan(s->folder, s->diags);
  if (!s->loaded.plan_file_ok) return false;  // without plan.xml no rule can be checked
  const Plan& plan = s->loaded.plan;
  s->plan_id = plan.id;
  s->plan_id_loc = plan.id_loc;
  s->profile = load_template_profile(a.env.data_dir, plan.template_id, plan.template_loc, s->diags);
  if (auto previous = diff::load_recorded_draft(s->folder, plan, s->diags))
    s->changes = diff::diff_plans(previous->plan, plan);
  return true;
}

// The OGP submission of a Final plan, written and validated in memory. A problem of the
// submission is the content's: each is reported at plan.xml (the generated file exists only in
// memory, and a message naming it would send the reader nowhere), so `renaksi check` finds
// everything the build's ogp step would reject, and says so in the same words.
std::optional<std::string> submission_of(const Plan& plan, Diagnostics& diags) {
  const Artifact submission{ArtifactKind::OgpSubmission, plan.id, {}};
  Diagnostics found;
  auto xml = ogp::write_valid_submission(plan, {}, submission.path(), found);
  for (const auto& d : found.all()) {
    Diagnostic at_content = d;
    at_content.loc = plan.loc;
    at_content.message = "the plan's OGP submission would not be valid: " + d.message;
    diags.add(std::move(at_content));
  }
  return xml;
}

bool check_step(ArchiveBuild& a, BuildState* s) {
  const Plan& plan = s->loaded.plan;
  check_plan(plan, s->diags,
             CheckScope{.organisations_loaded = s->loaded.organisations_ok,
                        .all_commitments_loaded = s->loaded.all_commitments_ok,
                        .profile = s->profile ? &*s->profile : nullptr});
  // What the content rules passed, the submission must take too: a Final plan's. It is written
  // and validated when joined (join_submission): at the prose step, by the thread that would
  // otherwise only wait for Pandoc (a 240-commitment plan's takes 0.3 s, which Pandoc's start no
  // longer waits behind). Deferred rather than on a thread of its own, which would be a third
  // thread competing with Pandoc for a two-core machine.
  if (!s->diags.has_errors() && plan.stage == Stage::Final && s->loaded.organisations_ok && s->loaded.all_commitments_ok)
    s->submission_job = std::async(std::launch::deferred, [&plan] {
      BuildState::SubmissionJob job;
      job.xml = submission_of(plan, job.diags);
      return job;
    });
  // A build whose prose runs ahead completes the prose step long after Pandoc started: made
  // then, the submission would be beside nothing, so it is made here, as it always was.
  if (!a.submissions_beside_prose) join_submission(*s);
  return !s->diags.has_errors();
}

// One id, one plan: the id names the plan's files and pages, so a second plan with it would
// overwrite the first's. B001 at the second plan's id, naming the first. Runs whatever else
// was found, so that it is reported with the rest. A batch's plans are checked against every
// plan before them, of this batch and the earlier ones.
bool ids_step(ArchiveBuild& a, BuildState*) {
  bool ok = true;
  for (BuildState* p : a.batch) {
    if (p->plan_id.empty()) continue;
    for (const auto& earlier : a.plans) {
      if (earlier.get() == p) break;
      if (earlier->plan_id != p->plan_id) continue;
      p->diags.error(Code::B001, p->plan_id_loc,
                     "the plan id '" + p->plan_id + "' is already the id of the plan at " + earlier->plan_id_loc.str() +
                         "; each plan of an archive needs its own id, which names its files and pages");
      p->going = ok = false;
      break;
    }
  }
  return ok;
}

// The date locale each language of the plan asks for (<language date-style>), by code.
std::map<std::string, std::string> plan_date_styles(const Plan& plan) {
  std::map<std::string, std::string> date_styles;
  for (const auto& l : plan.languages)
    if (!l.date_style.empty()) date_styles.emplace(l.code, l.date_style);
  return date_styles;
}

// What the steps after the prose need and can have before it, made while Pandoc parses (on the
// thread that would otherwise wait for it; some 40 ms of a cold build of the default plan):
// each plan's locales, the site's catalogues of its languages, and the site's slug
// transliterator. A locale whose loading found anything to say is not kept: its step loads it
// again and reports what it finds, as it always did.
void warm_up_locales(ArchiveBuild& a, const std::vector<BuildState*>& plans) {
  // The locales of `langs`, when they load with nothing to say.
  auto cleanly = [&a](const std::vector<std::string>& langs, const std::map<std::string, std::string>& date_styles) {
    Diagnostics found;
    Locales made;
    const bool ok = load_locales(langs, a.env.data_dir, made, found, date_styles) && found.all().empty();
    return ok ? std::optional<Locales>(std::move(made)) : std::nullopt;
  };
  for (BuildState* p : plans) {
    if (p->locales_ready || !p->loaded.plan_file_ok) continue;
    if (std::optional<Locales> made = cleanly(p->loaded.plan.language_codes(), plan_date_styles(p->loaded.plan))) {
      p->locales = std::move(*made);
      p->locales_ready = true;
    }
    for (const auto& lang : p->loaded.plan.language_codes())
      if (!a.site_locales.count(lang))
        if (std::optional<Locales> site = cleanly({lang}, {})) a.site_locales.emplace(lang, std::move(site->at(lang)));
  }
  html::prepare_slugs();
}

// What the layout will need and keeps for the process, loaded while Pandoc parses the prose (on
// the thread that would otherwise wait for it): the hyphenation dictionaries of `langs`, which
// libhyphen reads from their text (some 45 ms for Indonesian and English, under a lock the PDF
// editions would each wait on). The style is read here for its table alone: its problems are
// the style step's to report.
void warm_up_layout(const ArchiveBuild& a, const std::set<std::string>& langs) {
  Diagnostics ignored;
  std::optional<layout::Style> read;
  if (!a.style) read = layout::Style::load(a.env.layout_file(), ignored);
  const std::optional<layout::Style>& style = a.style ? a.style : read;
  if (!style) return;
  for (const auto& lang : langs) (void)layout::Hyphenator::for_language(style->hyphenation, lang);
}

// The prose of every plan of the batch in one Pandoc run (one per core past 32 KiB of Markdown
// for Pandoc: parse_prose), on a thread of its own: started by
// `start_prose` (a build that reads the next batch ahead starts it while the batch before is
// laid out) and completed by what it returns. Pandoc's own problems go to a list of the run's
// until it is joined, its plans' warnings to its plans, which nothing else reads before then.
std::function<bool()> start_prose(ArchiveBuild& a) {
  struct Run {
    Diagnostics diags;
    ProseStats stats;
  };
  std::vector<ProseJob> jobs;
  std::vector<BuildState*> plans(a.batch.begin(), a.batch.end());
  std::set<std::string> langs;
  for (BuildState* p : a.batch) {
    jobs.push_back({&p->loaded.plan, &p->prose, &p->diags});
    for (const auto& l : p->loaded.plan.language_codes()) langs.insert(l);
  }
  auto run = std::make_shared<std::future<Run>>(std::async(std::launch::async, [jobs = std::move(jobs), env = a.env] {
    Run r;
    r.stats = parse_prose(jobs, env, r.diags);
    return r;
  }));
  return [&a, run, plans = std::move(plans), langs = std::move(langs)] {
    // Beside Pandoc, when it is still running: the plans' submissions (a plan whose submission
    // does not validate stops the batch here, as a check error did before the prose) and the
    // layout's dictionaries.
    for (BuildState* p : plans) join_submission(*p);
    warm_up_layout(a, langs);
    warm_up_locales(a, plans);
    Run r = run->get();
    for (const auto& d : r.diags.all()) a.diags.add(d);
    a.prose_stats.fragments += r.stats.fragments;
    a.prose_stats.cache_hits += r.stats.cache_hits;
    a.prose_stats.without_pandoc += r.stats.without_pandoc;
    a.prose_stats.pandoc_runs += r.stats.pandoc_runs;
    bool ok = !a.diags.has_errors();
    for (const BuildState* p : plans) ok = ok && !p->diags.has_errors();
    return ok;
  };
}

bool prose_step(ArchiveBuild& a, BuildState*) { return start_prose(a)(); }

// Each language's locale, its dates in the style the plan gives it (<language date-style>).
// Made beside Pandoc when they loaded cleanly there (warm_up_locales).
bool locale_step(ArchiveBuild& a, BuildState* s) {
  if (s->locales_ready) return true;
  return load_locales(s->loaded.plan.language_codes(), a.env.data_dir, s->locales, s->diags, plan_date_styles(s->loaded.plan));
}

bool compose_step(ArchiveBuild& a, BuildState* s) {
  if (!s->profile) return false;  // T001/T002 reported by the load step
  s->documents = compose_editions(s->loaded.plan, *s->profile, s->prose, s->locales, s->changes ? &*s->changes : nullptr);
  s->reports = compose_progress_reports(s->loaded.plan, s->documents, s->locales);
  if (a.release_plans) s->changes.reset();
  if (a.release_plans) s->prose = ProseStore{};  // the documents share what of it they show
  report_locale_problems(s->locales, s->diags);
  return !s->diags.has_errors();
}

// The page style of the PDF and Word editions (layouts/<name>.json), read once for the archive.
bool style_step(ArchiveBuild& a, BuildState*) {
  if (a.style) return true;  // read by an earlier batch
  a.style = layout::Style::load(a.env.layout_file(), a.diags);
  return a.style.has_value();
}

// The PDF editions, laid out while the Word editions are written beside them (the docx step
// joins that work): neither waits on the other.
// A large plan's editions go two PDFs and one Word edition at a time (limits::kLargePlanBytes).
// A Final plan's self-assessment reports go the same way, after its editions.
bool pdf_step(ArchiveBuild& a, BuildState* s) {
  const bool large = s->input_bytes > limits::kLargePlanBytes;
  const size_t at_once = large ? 1 : 0, pdfs_at_once = large ? 2 : 0;
  s->docx_job = std::async(std::launch::async, [&a, s, at_once, options = docx_options(*a.style)] {
    BuildState::DocxJob job;
    emit_docxs(s->documents, options, a.env, job.outputs, job.diags, at_once);
    emit_docxs(s->reports, options, a.env, job.outputs, job.diags, at_once);
    return job;
  });
  emit_pdfs(s->documents, *a.style, a.env, s->outputs, s->diags, pdfs_at_once);
  emit_pdfs(s->reports, *a.style, a.env, s->outputs, s->diags, pdfs_at_once);
  return !s->diags.has_errors();
}

// The Word editions, one per language, with the PDF layout's table column shares: started by
// the pdf step, collected here. A plan whose pdf step did not run gets none.
bool docx_step(ArchiveBuild&, BuildState* s) {
  if (!s->docx_job.valid()) return false;
  BuildState::DocxJob job = s->docx_job.get();
  for (const auto& d : job.diags.all()) s->diags.add(d);
  for (const auto& artifact : job.outputs.artifacts())
    if (const std::string* bytes = job.outputs.find(artifact.path())) s->outputs.add(artifact, *bytes);
  return !s->diags.has_errors();
}

// The OGP submission of a Final plan, validated before it joins the outputs: a submission that
// does not validate fails the build. A draft is not submitted to OGP, so it has none.
bool ogp_step(ArchiveBuild&, BuildState* s) {
  const Plan& plan = s->loaded.plan;
  if (plan.stage != Stage::Final) return true;
  // Written and validated once, by the check step (which a Final plan passed to get here).
  if (!s->submission) return false;
  s->outputs.add(Artifact{ArtifactKind::OgpSubmission, plan.id, {}}, std::move(*s->submission));
  s->submission.reset();
  return true;
}

// The plan's commitments and milestones as open data (CSV, JSON) under site/data/<plan>/,
// with its other files, so the site's pages find them and the cache keeps them.
bool data_step(ArchiveBuild&, BuildState* s) {
  open_data::emit_plan_data(s->loaded.plan, s->locales, s->outputs);
  return true;
}

// The archive's open data (every plan's rows, the Atom feed) from each plan's JSON files, read
// back from its outputs (a plan taken from the cache ran no step), before the site's pages
// that link them.
bool open_data_step(ArchiveBuild& a, BuildState*) {
  std::vector<open_data::PlanDataSource> sources;
  for (const auto& p : a.plans) {
    if (p->plan_id.empty()) continue;
    const BuildState* plan = p.get();
    auto reader = [plan](open_data::Format format) {
      return [plan, format](open_data::Table t) {
        const std::string path = "site/" + open_data::plan_file(plan->plan_id, t, format);
        if (const std::string* held = plan->outputs.find(path)) return *held;
        std::string read;
        if (!plan->outputs.folder().empty() && plan->outputs.has(path)) (void)read_file(plan->outputs.folder() / path, read);
        return read;
      };
    };
    sources.push_back({p->plan_id, reader(open_data::Format::Json), reader(open_data::Format::Csv)});
  }
  const std::optional<open_data::ArchiveFacts> facts = open_data::read_archive_facts(sources, a.diags);
  if (!facts) return false;
  load_missing_locales(facts->langs, a.env.data_dir, a.site_locales, a.diags);
  open_data::FeedOptions options;
  options.site_url = a.env.site_url;
  options.plan_page = [](const std::string& id, const std::string& lang) { return html::urls::plan(lang, html::plan_slug(id)); };
  options.home_page = [](const std::string& lang) { return html::urls::home(lang); };
  const bool ok = open_data::emit_archive_data(*facts, sources, a.site_locales, options, {}, a.outputs, a.diags);
  return ok && !a.diags.has_errors();
}

// Where the site's template is, its address, and the date every page shows.
html::SiteOptions site_options(const Env& env) {
  return {env.data_dir / "layouts" / "html", env.site_url, std::chrono::year_month_day{site_day(env)}};
}

// A plan's own pages of the website (its plan page, its commitment pages, its downloads),
// written with its files; what the archive's pages need of it is kept as its summary. The
// site's labels come from catalogues of its own, loaded once per language for the build.
bool pages_step(ArchiveBuild& a, BuildState* s) {
  load_missing_locales(html::plan_languages(s->documents), a.env.data_dir, a.site_locales, a.diags);
  const html::SiteOptions options = site_options(a.env);
  std::optional<html::SitePlanSummary> summary = html::emit_plan_site(s->documents, s->outputs, a.site_locales, options, s->diags);
  if (!summary) return false;
  s->site_summary = std::move(summary);
  return !s->diags.has_errors() && !a.diags.has_errors();
}

// The archive's own pages (the language page, home, organisations, search, sitemap) from every
// plan's summary, and the links that leave a plan checked against every page.
bool site_step(ArchiveBuild& a, BuildState*) {
  std::vector<html::SitePlanSummary> plans;
  for (const auto& p : a.plans) {
    if (!p->site_summary) {
      a.diags.error(Code::H001, {p->folder.generic_string(), 0, 0}, "the plan's site summary does not read (internal error)");
      return false;
    }
    plans.push_back(std::move(*p->site_summary));  // the last step to read it
    p->site_summary.reset();
  }
  load_missing_locales(html::site_languages(plans), a.env.data_dir, a.site_locales, a.diags);
  const html::SiteOptions options = site_options(a.env);
  const bool ok = html::emit_archive_site(plans, a.site_locales, options, a.outputs, a.diags);
  report_locale_problems(a.site_locales, a.diags);
  return ok && !a.diags.has_errors();
}

// Every plan's outputs moved into the archive's (their bytes are not copied). After the site,
// which reads each plan's outputs for its downloads.
bool gather_step(ArchiveBuild& a, BuildState*) {
  for (const auto& p : a.plans) a.outputs.absorb(std::move(p->outputs));
  return true;
}

// What the next build needs to find the output folder up to date: the key this build was made
// from, and the problems it found besides those found before its walk (the site's address,
// which every build finds again): the archive steps' and each plan's. None when the inputs are
// no longer those the key was computed from (a file edited while the build ran: what was
// built may be either version, so the next build must not take it as up to date).
std::optional<PublishedRecord> record_of(const ArchiveBuild& a) {
  if (a.archive_key.empty()) return std::nullopt;
  if (!plan_inputs_unchanged(a) || archive_key(a) != a.archive_key) return std::nullopt;
  PublishedRecord r;
  r.archive_key = a.archive_key;
  const auto& archive = a.diags.all();
  r.archive_diags.assign(archive.begin() + static_cast<std::ptrdiff_t>(std::min(a.walk_diags_from, archive.size())), archive.end());
  for (const auto& p : a.plans) r.plan_diags.push_back(p->diags.all());
  return r;
}

// The archive's outputs into the claimed output folder, all or nothing (publish/).
// Then the cache is pruned of what no build can use: entries this build did not use and no
// build used for a fortnight, and over its size bound the least recently used.
bool publish_step(ArchiveBuild& a, BuildState*) {
  if (!a.out_folder || (a.fail_on_warnings && a.warning_count() > 0)) return true;
  a.published = a.out_folder->publish(a.outputs, a.diags, record_of(a));
  if (!a.published) return false;
  // Pruning lists every entry: at most once in kCachePruneInterval; in between the size the last
  // prune counted is reported.
  if (const std::optional<LastPrune> last = last_prune(a.env.cache_dir); !prune_due(last, a.started)) {
    a.cache.entries = last->size.entries;
    a.cache.bytes = last->size.bytes;
    a.cache.counted_earlier = last->when;
    return true;
  }
  const PruneReport entries = prune_cache(a.env.cache_dir, a.started);
  const PlanCachePrune plans = prune_plan_cache(a.env.cache_dir, a.started_file_time, limits::kCacheMaxAge, limits::kCacheMaxBytes);
  a.cache.entries = entries.kept.entries + plans.kept;
  a.cache.bytes = entries.kept.bytes + plans.kept_bytes;
  a.cache.removed = entries.removed.entries + plans.removed;
  a.cache.removed_bytes = entries.removed.bytes + plans.removed_bytes;
  if (!entries.warning.empty()) a.diags.warning(Code::P008, {a.env.cache_dir.generic_string(), 0, 0}, entries.warning);
  else record_prune(a.env.cache_dir, {a.cache.entries, a.cache.bytes});
  return true;
}

constexpr Step kSteps[] = {
    {"load", Scope::Plan, "read plan.xml, organisations.xml and commitments/*.xml; validate against the schema", &load_step},
    {"check", Scope::Plan, "dates, ranges, references, languages and the drafting stage's requirements", &check_step},
    {"ids", Scope::Batch, "each plan of the archive has its own id", &ids_step, true},
    {"prose", Scope::Batch, "every Markdown fragment of every plan through one Pandoc run, one per core for more than 32 KiB (cached by content hash)",
     &prose_step, false, &start_prose},
    {"locale", Scope::Plan, "the message catalogue and ICU formatters of each language of the plan", &locale_step},
    {"compose", Scope::Plan, "one presentation-neutral document per edition, every label and date formatted",
     &compose_step},
    {"style", Scope::Batch, "the page style of the PDF and Word editions (layouts/<name>.json)", &style_step},
    {"pdf", Scope::Plan, "every edition laid out and written as a PDF with libharu, editions in parallel", &pdf_step},
    {"docx", Scope::Plan, "every single-language edition as a Word document, beside the PDF layout",
     &docx_step},
    {"ogp", Scope::Plan, "the OGP-submission XML of a Final plan, validated against its XSD", &ogp_step},
    {"data", Scope::Plan, "the plan's commitments and milestones as open data (CSV, JSON) for the site", &data_step},
    {"pages", Scope::Plan, "the plan's pages of the website (plan, commitments, downloads) and its summary",
     &pages_step},
    {"open-data", Scope::Archive, "the archive's open data (every plan's rows, CSV and JSON) and its Atom feed",
     &open_data_step},
    {"site", Scope::Archive, "the archive website's own pages from the plans' summaries: home, organisations, search, sitemap",
     &site_step},
    {"gather", Scope::Archive, "every plan's outputs moved into the archive's", &gather_step},
    {"publish", Scope::Archive, "the outputs into --out, swapped in whole (only with --out)", &publish_step},
};

}  // namespace

std::span<const Step> steps() { return kSteps; }

std::chrono::sys_days site_day(const Env& env) { return std::chrono::floor<std::chrono::days>(env.now()); }

}  // namespace renaksi
