// The pipeline table: every step of a build, per plan and archive-wide, in one declared list,
// and the state the steps hand to each other.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "diff/plan_diff.h"
#include "doc/document.h"
#include "emit/html/site_summary.h"
#include "env/env.h"
#include <nlohmann/json.hpp>
#include "load/loader.h"
#include "locale/locale.h"
#include "output/outputs.h"
#include "output/plan_cache.h"
#include "profile/template_profile.h"
#include "prose/prose_pass.h"
#include "publish/output_folder.h"
#include "style/style.h"

namespace renaksi {

// What the steps of one plan read and write.
struct BuildState {
  std::filesystem::path folder;
  LoadResult loaded;
  std::optional<TemplateProfile> profile;  // the plan's template profile, read by the load step
  std::optional<std::string> submission;   // a Final plan's valid OGP submission, from the check step
  // The submission the check step asks for, written and validated when `join_submission` takes
  // it in: beside Pandoc's run, at the prose step (in the check step itself when the prose runs
  // ahead; see ArchiveBuild::submissions_beside_prose).
  struct SubmissionJob {
    std::optional<std::string> xml;
    Diagnostics diags;
  };
  std::future<SubmissionJob> submission_job;
  Diagnostics diags;
  ProseStore prose;
  Locales locales;                       // one per language of the plan
  bool locales_ready = false;            // made beside Pandoc, cleanly: the locale step has nothing to do
  std::vector<doc::Document> documents;  // one per edition
  std::vector<doc::Document> reports;    // a Final plan's self-assessment reports: per period, per edition
  // What changed since the plan's recorded previous draft (history/draft-N/), from the load step.
  std::optional<diff::PlanDiff> changes;
  Outputs outputs;                       // the files this plan's emit steps wrote
  bool going = true;                     // false once a step could not give the later ones their input
  // What is kept of a plan once its batch is done and its bulk released (a build that writes
  // into a folder): its id, for the ids step of later batches.
  std::string plan_id;
  SourceLoc plan_id_loc;
  uintmax_t input_bytes = 0;             // the size of its files, to form batches
  // The per-plan cache (output/plan_cache.h), in a build that publishes: the plan's key, and
  // whether its outputs came from there (its steps then do not run).
  std::string cache_key;
  PlanInputs inputs;          // what the key was computed from (compute_cache_keys)
  bool cache_looked = false;  // the cache was asked for it (a miss is not asked again)
  bool from_cache = false;
  // What the site's archive pages need of it, held as it is (not as JSON, several times its size)
  // from its pages step, or read from its cache entry, until the site step.
  std::optional<html::SitePlanSummary> site_summary;
  // The Word editions, made by Pandoc beside the PDF layout: started by the pdf step, joined by
  // the docx step.
  struct DocxJob {
    Outputs outputs;
    Diagnostics diags;
  };
  std::future<DocxJob> docx_job;
};

struct StepTiming {
  std::string_view name;
  std::chrono::nanoseconds elapsed;
};

// A whole build: every plan under a content folder, and what the archive-wide steps make.
struct ArchiveBuild {
  Env env = Env::from_environment();
  std::vector<std::unique_ptr<BuildState>> plans;  // in folder order
  std::vector<BuildState*> batch;                  // the plans the batch steps of the moment work on
  bool release_plans = false;                      // free each plan's bulk once its batch is done
  // The check step leaves each submission to the prose step, which makes it while Pandoc runs:
  // not when the prose runs ahead (the step is then completed long after Pandoc started, and
  // the check step, before it, is where the submission has always been made).
  bool submissions_beside_prose = true;
  std::string build_identity;                      // env/build_identity.h; empty: no per-plan cache
  size_t plans_from_cache = 0;                     // plans taken whole from the per-plan cache
  Locales site_locales;                            // the site's catalogues, loaded as plans need them
  std::chrono::system_clock::time_point started = std::chrono::system_clock::now();
  std::filesystem::file_time_type started_file_time = std::filesystem::file_time_type::clock::now();
  struct CacheFigures {
    size_t entries = 0, removed = 0;
    std::uintmax_t bytes = 0, removed_bytes = 0;
    // When the figures were counted: by this build's prune, or (a prune not due yet,
    // kCachePruneInterval) by the last one, at this time.
    std::optional<std::chrono::system_clock::time_point> counted_earlier;
  } cache;                                         // the cache after the publish step pruned it
  Diagnostics diags;                               // archive-wide problems (Pandoc, the style, the site)
  ProseStats prose_stats;                          // the one prose run of the whole build
  std::optional<layout::Style> style;              // the PDF and Word editions' page style
  Outputs outputs;                                 // every plan's outputs and the site's, once gathered
  OutputFolder* out_folder = nullptr;              // where publish writes; none: nothing is written
  bool fail_on_warnings = false;                   // publish nothing when there is a warning
  bool published = false;                          // the publish step replaced out_folder
  // A build that publishes: the content folder it was given (empty for build_plans), the key
  // over everything it reads (archive_key), and, when out_folder was published from that same
  // key and is as that build left it, its record: then nothing was built or written.
  std::filesystem::path root;
  std::string archive_key;
  std::optional<PublishedRecord> up_to_date;
  size_t walk_diags_from = 0;                      // diags before this: found before the walk
  std::vector<StepTiming> timings;                 // per step, summed over the plans
  bool completed = false;                          // every step ran

  size_t error_count() const;
  size_t warning_count() const;
  // Every problem of the build, the archive's and each plan's, sorted by place.
  Diagnostics all_diagnostics() const;
};

// Plans are built in batches, each as many plans as fit limits::kBatchInputBytes of content
// (the default archive is one batch), so a build's memory is set by its largest batch, not by
// the archive: a plan step runs for each plan of the batch, a batch step once per batch (one
// Pandoc run for its prose), an archive step once, after every batch.
enum class Scope { Plan, Batch, Archive };

// One row of the table.
struct Step {
  std::string_view name;         // what --stop-after takes and --timings prints
  Scope scope;                   // once per plan, or once for the archive
  std::string_view description;  // one line, for --help
  // A plan step runs for each plan still going; returning false stops that plan (its later
  // steps lack their input). A batch step runs once per batch (on `ArchiveBuild::batch`), an
  // archive step once after every batch, each only when every plan so far is still going and
  // no step reported an error (unless `even_after_errors`: it only finds more problems);
  // returning false stops the build.
  bool (*run)(ArchiveBuild&, BuildState*);
  bool even_after_errors = false;
  // A batch step whose work can go on beside the plan steps of the batch before (the prose: a
  // Pandoc process): `start` begins it for `ArchiveBuild::batch` on a thread of its own, which
  // touches only that batch's plans and what it returns, and returns what completes it on the
  // build's thread (true: the batch goes on), in place of `run`. A build that goes plan by plan
  // reads each next batch and starts this step while the batch before is laid out.
  std::function<bool()> (*start)(ArchiveBuild&) = nullptr;
};

// The date every page of the site shows: the build's (Env::now), as a day.
std::chrono::sys_days site_day(const Env& env);

// The key of a build that publishes: its build identity, the day its site shows, the archive's
// own files (those of `a.root` beside the plan folders: site.xml) and each plan's folder and
// per-plan cache key (`BuildState::cache_key`, every one computed). Empty when a file of the
// root cannot be read.
std::string archive_key(const ArchiveBuild& a);

// Each plan's per-plan cache key (output/plan_cache.h) into `BuildState::cache_key`, and what it
// was made from into `BuildState::inputs`, computed on every core: a key reads every file of its
// plan (100 plans: 2,600 files, a third of a second on one core). A plan whose files do not read
// keeps an empty key.
void compute_cache_keys(ArchiveBuild& a);

// Whether every plan's files are still those its key was computed from (compute_cache_keys):
// their stamps compared (a listing and a status of each file: 400 plans' 11,200 files in
// milliseconds, where reading and hashing them again took half a second), the key computed
// again for a plan whose stamp cannot tell (PlanInputs::racy). On every core.
bool plan_inputs_unchanged(const ArchiveBuild& a);

// The steps in the order they run.
std::span<const Step> steps();

// Makes the plan's submission the check step asked for, if any, and takes it in: its problems
// into the plan's diagnostics, the XML when it is valid. Called by the prose step while Pandoc
// runs, and for every plan before the build ends or lets a plan go (a build that stopped before
// the prose, `renaksi check`), so that no problem is missed. False when it found one.
bool join_submission(BuildState& s);

// The step called `name`, or null.
const Step* find_step(std::string_view name);

// Where a build is, told as it goes: for a progress line on long builds.
struct Progress {
  std::string_view step;
  size_t step_number = 0;      // 1-based, of `steps`
  size_t steps = 0;
  std::string plan;            // a plan step's plan (its folder's name); empty for an archive step
  size_t plan_number = 0;      // 1-based, of `plans`
  size_t plans = 0;
};

struct BuildRequest {
  std::string_view stop_after;          // the last step to run; empty: every step
  OutputFolder* out_folder = nullptr;   // where publish writes (claimed); none: nothing is written
  bool fail_on_warnings = false;        // a warning keeps the build from being published
  std::function<void(const Progress&)> progress = nullptr;  // called before each step, and each plan of a plan step
};

// Builds `root` (a plan folder, or a folder of plan folders) through every step, or up to and
// including `request.stop_after`. Nothing is written anywhere unless `request.out_folder` is
// given: then the publish step replaces it, when the build has no error.
ArchiveBuild build_archive(const std::filesystem::path& root, const Env& env, const BuildRequest& request = {});

// The same for these plan folders, each taken as a plan whether or not it holds plan.xml (the
// load step then says what is missing): `renaksi check` and `renaksi submission`.
ArchiveBuild build_plans(const std::vector<std::filesystem::path>& folders, const Env& env,
                         const BuildRequest& request = {});

// `root` itself when it holds plan.xml, else each sub-folder that does, sorted by name. A root
// that cannot be listed (L001), holds more than limits::kMaxFilesPerFolder entries (L006), or
// an entry that is a broken link or a loop of links (L001) is reported in `diags`.
std::vector<std::filesystem::path> plan_folders(const std::filesystem::path& root, Diagnostics& diags);

}  // namespace renaksi
