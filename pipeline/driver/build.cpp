// Walks the pipeline table: each plan step for every plan still going, each archive step once.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <system_error>

#include "env/build_identity.h"
#include "env/content_hash.h"
#include "env/limits.h"
#include "env/read_file.h"
#include "env/heap.h"
#include "env/parallel.h"
#include "driver/site_address.h"
#include "output/plan_cache.h"

#include "driver/pipeline.h"

namespace renaksi {

namespace {

void add_timing(std::vector<StepTiming>& total, std::string_view name, std::chrono::nanoseconds elapsed) {
  for (auto& t : total)
    if (t.name == name) {
      t.elapsed += elapsed;
      return;
    }
  total.push_back({name, elapsed});
}

// No error so far in the build or in the plans before `upto` (all of them by default): the
// plans of a batch read ahead are not looked at before their own turn.
bool clean(const ArchiveBuild& a, size_t upto = SIZE_MAX) {
  if (a.diags.has_errors()) return false;
  const auto end = a.plans.begin() + static_cast<std::ptrdiff_t>(std::min(upto, a.plans.size()));
  return std::all_of(a.plans.begin(), end, [](const auto& p) { return (p->going || p->from_cache) && !p->diags.has_errors(); });
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

Diagnostics ArchiveBuild::all_diagnostics() const {
  Diagnostics all;
  for (const auto& d : diags.all()) all.add(d);
  for (const auto& p : plans)
    for (const auto& d : p->diags.all()) all.add(d);
  all.sort();
  return all;
}

const Step* find_step(std::string_view name) {
  for (const auto& s : steps())
    if (s.name == name) return &s;
  return nullptr;
}

namespace {

// The size of a plan's files (its folder, one level of sub-folders deep, as the loader reads
// it), to form batches; a folder that cannot be listed counts as empty (load reports it).
uintmax_t input_bytes(const std::filesystem::path& folder) {
  namespace fs = std::filesystem;
  uintmax_t total = 0;
  std::error_code ec;
  size_t seen = 0;
  auto add_files = [&](const fs::path& dir, bool descend) {
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::directory_iterator() && seen < limits::kMaxFilesPerFolder; it.increment(ec), ++seen) {
      const fs::file_status st = it->symlink_status(ec);
      if (ec) break;
      if (fs::is_regular_file(st)) total += it->file_size(ec);
      else if (descend && fs::is_directory(st) && it->path().filename() == "commitments") {
        std::error_code inner;
        fs::directory_iterator sub(it->path(), fs::directory_options::skip_permission_denied, inner);
        for (size_t n = 0; !inner && sub != fs::directory_iterator() && n < limits::kMaxFilesPerFolder; sub.increment(inner), ++n)
          if (sub->is_regular_file(inner)) total += sub->file_size(inner);
      }
      ec.clear();
    }
  };
  add_files(folder, true);
  return total;
}

// Consecutive plans: all of them when they fit kBatchInputBytes, else each batch as many as fit
// half of it (at least one), two batches being alive at once (walk: reading ahead).
std::vector<std::pair<size_t, size_t>> batches(const ArchiveBuild& a) {
  std::vector<std::pair<size_t, size_t>> out;
  uintmax_t total = 0;
  for (const auto& p : a.plans) total += p->input_bytes;
  const uintmax_t limit = total <= limits::kBatchInputBytes ? limits::kBatchInputBytes : limits::kBatchInputBytes / 2;
  size_t begin = 0;
  uintmax_t bytes = 0;
  for (size_t i = 0; i < a.plans.size(); ++i) {
    const uintmax_t b = a.plans[i]->input_bytes;
    if (i > begin && bytes + b > limit) {
      out.emplace_back(begin, i);
      begin = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (begin < a.plans.size()) out.emplace_back(begin, a.plans.size());
  return out;
}

std::string plan_name(const BuildState& p) {
  return p.folder.filename().empty() ? p.folder.parent_path().filename().string() : p.folder.filename().string();
}

// Frees what a plan's steps made and no later step reads: its content, prose and documents
// (its outputs are in the staging folder already; its diagnostics and id are kept).
void release(BuildState& p) {
  join_submission(p);                          // it reads the plan, and may have found problems
  if (p.docx_job.valid()) p.docx_job.wait();  // it reads the documents
  p.loaded = LoadResult{};
  p.prose = ProseStore{};
  p.documents.clear();
  p.documents.shrink_to_fit();
  p.reports.clear();
  p.reports.shrink_to_fit();
  p.locales.clear();
  p.submission.reset();
  // A plan taken from the cache made nothing to give back; a trim walks every free chunk of
  // every arena and returns each one's pages with a call of its own (a TLB flush on every core).
  if (!p.from_cache) return_free_heap();
}

// Adds the time from its making to its end to the timing `name` (a work between steps).
class Timed {
 public:
  Timed(std::vector<StepTiming>& timings, std::string_view name)
      : timings_(timings), name_(name), start_(std::chrono::steady_clock::now()) {}
  ~Timed() { add_timing(timings_, name_, std::chrono::steady_clock::now() - start_); }
  Timed(const Timed&) = delete;
  Timed& operator=(const Timed&) = delete;

 private:
  std::vector<StepTiming>& timings_;
  std::string_view name_;
  std::chrono::steady_clock::time_point start_;
};

// The name --timings gives the per-plan cache's work: keys, plans restored and stored.
constexpr std::string_view kPlanCacheTiming = "caching";

// A plan found in the per-plan cache: its files are in its outputs already (put there by
// restore_plan), its site summary read from the entry's JSON.
struct Restored {
  CachedPlan plan;
  std::optional<html::SitePlanSummary> summary;  // none: H001 at the site step
};

std::optional<Restored> restore(const ArchiveBuild& a, BuildState& p) {
  std::optional<CachedPlan> hit = restore_plan(a.env.cache_dir, p.cache_key, p.outputs);
  if (!hit) return std::nullopt;
  Restored r{std::move(*hit), {}};
  r.summary = html::SitePlanSummary::from_json(r.plan.site);
  r.plan.site = nlohmann::json();  // read: the summary is held as it is, not as JSON
  return r;
}

// What a plan taken from the per-plan cache becomes: its warnings and site summary from there;
// its steps do not run.
void take_cached(ArchiveBuild& a, BuildState& p, Restored hit) {
  p.from_cache = true;
  p.going = false;
  p.plan_id = std::move(hit.plan.plan_id);
  p.plan_id_loc = std::move(hit.plan.plan_id_loc);
  p.site_summary = std::move(hit.summary);
  for (auto& d : hit.plan.diags) p.diags.add(std::move(d));
  ++a.plans_from_cache;
}

// A plan whose key has an entry in the per-plan cache, taken from there (take_cached). Asked
// once per plan: a plan restore_all_from_cache looked for already is not looked for again.
void take_from_cache(ArchiveBuild& a, BuildState& p) {
  if (p.cache_looked) return;
  const Timed timed(a.timings, kPlanCacheTiming);
  p.cache_looked = true;
  if (p.cache_key.empty())  // computed already when the build looked for an up-to-date output
    if (auto key = plan_cache_key(a.build_identity, p.folder)) p.cache_key = *key;
  if (p.cache_key.empty()) return;
  if (std::optional<Restored> hit = restore(a, p)) take_cached(a, p, std::move(*hit));
}

// Every plan the per-plan cache holds, restored before the walk, on every core: each restore
// reads its entry's manifest and links its files into the staging folder, which for an archive
// where one plan changed is most of the build's work besides that plan (100 plans: 12,600
// files). Each job touches only its own plan's outputs; what is shared is updated after. What
// is held at once is every cached plan's summary, which the site step holds at the end anyway.
void restore_all_from_cache(ArchiveBuild& a) {
  const Timed timed(a.timings, kPlanCacheTiming);
  const size_t cores = core_count();
  std::vector<std::optional<Restored>> hits = run_each_on_threads(a.plans.size(), cores, [&](size_t i) {
    BuildState& p = *a.plans[i];
    return p.cache_key.empty() ? std::nullopt : restore(a, p);
  });
  for (size_t i = 0; i < a.plans.size(); ++i) {
    BuildState& p = *a.plans[i];
    if (p.cache_key.empty()) continue;  // looked for when its batch comes (take_from_cache)
    p.cache_looked = true;
    if (hits[i]) take_cached(a, p, std::move(*hits[i]));
  }
}

// A plan built whole and without errors into the per-plan cache. A cache that cannot be
// written only costs the next build this plan's work.
void put_in_cache(ArchiveBuild& a, BuildState& p) {
  if (p.from_cache || !p.going || p.diags.has_errors() || p.cache_key.empty()) return;
  const Timed timed(a.timings, kPlanCacheTiming);
  CachedPlan plan{p.plan_id, p.plan_id_loc, p.diags.all(), p.site_summary ? p.site_summary->to_json() : nlohmann::json()};
  (void)store_plan(a.env.cache_dir, p.cache_key, plan, p.outputs, p.outputs.paths());
}

// A build whose every input is that of the build that published its output folder, which is
// still as that build left it (publish/published_record.h): the outputs would be the same
// files, so nothing is built, staged or swapped; the problems that build found are reported
// again, and each plan's cache entry is marked used, as a build that restored it would have.
// Every plan's key is computed here (take_from_cache uses it when the output is not up to date).
bool already_published(ArchiveBuild& a) {
  const Timed timed(a.timings, kPlanCacheTiming);
  compute_cache_keys(a);
  for (auto& p : a.plans)
    if (p->cache_key.empty()) return false;  // a file that cannot be read: the load step says which
  a.archive_key = archive_key(a);
  if (a.archive_key.empty()) return false;
  std::optional<PublishedRecord> record = a.out_folder->up_to_date(a.archive_key);
  if (!record || record->plan_diags.size() != a.plans.size()) return false;
  for (size_t i = 0; i < a.plans.size(); ++i)
    for (auto& d : record->plan_diags[i]) a.plans[i]->diags.add(std::move(d));
  for (auto& d : record->archive_diags) a.diags.add(std::move(d));
  for (auto& p : a.plans) {
    p->going = false;
    mark_plan_used(a.env.cache_dir, p->cache_key);
  }
  record->plan_diags.clear();
  record->archive_diags.clear();
  a.up_to_date = std::move(record);
  a.completed = true;
  return true;
}

// Runs `step` over the plans of `batch` (a plan step) or once (a batch or archive step).
bool run_step(ArchiveBuild& a, const Step& step, size_t k, size_t count, std::pair<size_t, size_t> range,
              const BuildRequest& request) {
  Progress at{step.name, k + 1, count, {}, 0, a.plans.size()};
  const auto start = std::chrono::steady_clock::now();
  bool go_on = true;
  // Whether the step made anything: an archive step does; a plan or batch step only for the
  // plans still going (not those taken from the cache).
  bool worked = step.scope == Scope::Archive ||
                (step.scope == Scope::Batch && std::any_of(a.plans.begin() + static_cast<std::ptrdiff_t>(range.first),
                                                           a.plans.begin() + static_cast<std::ptrdiff_t>(range.second),
                                                           [](const auto& p) { return p->going; }));
  if (step.scope == Scope::Plan) {
    for (size_t i = range.first; i < range.second; ++i) {
      BuildState& p = *a.plans[i];
      if (!p.going) continue;
      if (request.progress) {
        at.plan = plan_name(p);
        at.plan_number = i + 1;
        request.progress(at);
      }
      worked = true;
      p.going = step.run(a, &p);
    }
    go_on = std::any_of(a.plans.begin() + static_cast<std::ptrdiff_t>(range.first),
                        a.plans.begin() + static_cast<std::ptrdiff_t>(range.second), [](const auto& p) { return p->going; });
  } else {
    if (request.progress) {
      if (step.scope == Scope::Batch && range.second - range.first == 1) at.plan = plan_name(*a.plans[range.first]);
      at.plan_number = step.scope == Scope::Batch ? range.first + 1 : 0;
      request.progress(at);
    }
    go_on = step.run(a, nullptr);
  }
  // What the step made and let go (Pandoc's JSON, the prose store, an edition's layout) goes
  // back to the system before the next step, not only once the plan is released: a
  // 240-commitment plan's peak fell from 1.0-1.2 GiB to 0.79 GiB, ten plans' from 245 to 213 MiB.
  // Not after a step that made nothing (plans taken from the cache): a trim walks every free chunk
  // and returns each one's pages with a call of its own, and an archive of 100 plans where one
  // changed made 58,000 such calls for nothing.
  if (worked) return_free_heap();
  add_timing(a.timings, step.name, std::chrono::steady_clock::now() - start);
  return go_on;
}

// A build that publishes writes each file into the staging folder as it is made, frees each
// batch's plans once they are done, and takes unchanged plans from the per-plan cache.
constexpr bool kStreaming = true;

ArchiveBuild walk_steps(ArchiveBuild a, const std::vector<std::filesystem::path>& folders, const BuildRequest& request) {
  a.walk_diags_from = a.diags.all().size();
  for (const auto& folder : folders) {
    a.plans.push_back(std::make_unique<BuildState>());
    a.plans.back()->folder = folder;
    a.plans.back()->input_bytes = input_bytes(folder);
  }
  if (kStreaming && a.out_folder && request.stop_after.empty()) {
    a.build_identity = build_identity(a.env);
    if (already_published(a)) return a;
    // The staging folder begins as the previous build: what did not change stays in place.
    const std::optional<std::filesystem::path> stage = a.out_folder->staging(a.diags, true);
    if (!stage) return a;
    const std::shared_ptr<const PreviousTree>& previous = a.out_folder->previous();
    a.outputs = Outputs(*stage, previous);
    for (auto& p : a.plans) p->outputs = Outputs(*stage, previous);
    a.release_plans = true;
    restore_all_from_cache(a);
  }
  const auto all = steps();
  // The archive steps at the end of the table run once, after every batch.
  size_t tail = all.size();
  while (tail > 0 && all[tail - 1].scope == Scope::Archive) --tail;
  size_t last_batch_step = 0;
  for (size_t k = 0; k < tail; ++k)
    if (all[k].scope == Scope::Batch) last_batch_step = k;
  const auto stop_at = std::find_if(all.begin(), all.end(), [&](const Step& s) { return s.name == request.stop_after; });
  const size_t last = stop_at == all.end() ? all.size() - 1 : static_cast<size_t>(stop_at - all.begin());
  // Up to its last batch step the batch goes step by step; after it, a build that writes into a
  // folder goes plan by plan, each plan through every later step, cached and freed before the
  // next: only one plan's documents and layout are alive at once.
  const size_t plan_major = a.release_plans ? last_batch_step + 1 : tail;
  const auto ranges = batches(a);
  // The step that runs ahead (the prose: Pandoc's runs for a batch, on a thread): while a batch's
  // plans go through their plan steps, the next batch is read and checked and its step started,
  // so Pandoc parses the next batch beside the PDF layout of this one. Only for a build that
  // goes plan by plan, with a batch after this one.
  size_t ahead = tail;
  for (size_t k = 0; k < plan_major; ++k)
    if (all[k].start && all[k].scope == Scope::Batch) {
      ahead = k;
      break;
    }
  const bool run_ahead = a.release_plans && ranges.size() > 1 && ahead < plan_major && ahead <= last;
  a.submissions_beside_prose = !run_ahead;

  // A batch's steps from `from` up to the step it may start ahead (`until`), or to its plan
  // steps: `ran` is how far it got, `stopped` that a batch step stopped the build, `finish` what
  // completes the step started ahead (empty: none started).
  struct Walked {
    size_t ran = 0;
    bool stopped = false;
    std::function<bool()> finish;
  };
  auto batch_steps = [&](std::pair<size_t, size_t> range, size_t from, size_t until, Walked& w) {
    a.batch.clear();
    for (size_t i = range.first; i < range.second; ++i) a.batch.push_back(a.plans[i].get());
    for (size_t k = from; k < plan_major && k <= last; ++k) {
      const Step& step = all[k];
      // A batch or archive step needs every plan so far, whole, unless it only looks for more
      // problems; the batch goes no further (a later batch is still read and checked).
      if (step.scope != Scope::Plan && !step.even_after_errors && !clean(a, range.second)) return;
      if (k == until) {
        w.finish = step.start(a);
        return;
      }
      if (!run_step(a, step, k, all.size(), range, request)) {
        if (step.scope != Scope::Plan) w.stopped = true;
        return;
      }
      w.ran = k + 1;
    }
  };
  // Completes the step started ahead: its time is the time the build waited for it (the rest
  // went on beside other steps).
  auto finish = [&](Walked& w) {
    const auto waiting = std::chrono::steady_clock::now();
    const bool ok = w.finish();
    w.finish = nullptr;
    add_timing(a.timings, all[ahead].name, std::chrono::steady_clock::now() - waiting);
    if (!ok) w.stopped = true;
    else w.ran = ahead + 1;
    return ok;
  };

  bool stopped = false;  // a step could not give the build what the later steps need
  Walked next;           // the next batch, when it was read ahead
  for (size_t r = 0; r < ranges.size(); ++r) {
    const auto range = ranges[r];
    Walked w;
    if (r > 0 && run_ahead) {
      w = std::move(next);
      next = Walked{};
    } else {
      for (size_t i = range.first; i < range.second; ++i)
        if (!a.build_identity.empty()) take_from_cache(a, *a.plans[i]);
      batch_steps(range, 0, run_ahead ? ahead : tail, w);
    }
    if (w.finish && finish(w)) batch_steps(range, ahead + 1, tail, w);
    // The next batch read, checked and its prose started while this one's plans are laid out.
    if (run_ahead && !w.stopped && r + 1 < ranges.size()) {
      for (size_t i = ranges[r + 1].first; i < ranges[r + 1].second; ++i)
        if (!a.build_identity.empty()) take_from_cache(a, *a.plans[i]);
      batch_steps(ranges[r + 1], 0, ahead, next);
    }
    const size_t ran = w.ran;
    for (size_t i = range.first; i < range.second; ++i) {
      BuildState& p = *a.plans[i];
      size_t plan_ran = ran;
      if (ran == plan_major)
        for (size_t k = plan_major; k < tail && k <= last && p.going; ++k) {
          run_step(a, all[k], k, all.size(), {i, i + 1}, request);
          if (p.going) plan_ran = k + 1;
        }
      if (!a.build_identity.empty() && plan_ran == tail) put_in_cache(a, p);
      if (a.release_plans) release(p);
    }
    if (w.stopped) {
      stopped = true;
      break;
    }
  }
  if (next.finish) finish(next);  // a batch read ahead of one that stopped the build
  a.batch.clear();
  if (stopped || last < tail) return a;
  for (size_t k = tail; k <= last; ++k) {
    const Step& step = all[k];
    if (!step.even_after_errors && !clean(a)) return a;
    if (!run_step(a, step, k, all.size(), {0, a.plans.size()}, request)) return a;
  }
  a.completed = last == all.size() - 1;
  return a;
}

// The steps, and then every submission the check step started that no later step took in (the
// build stopped before the prose, or `renaksi check` and `renaksi submission` stop after the
// check), so that its problems are reported and its XML kept.
ArchiveBuild walk(ArchiveBuild a, const std::vector<std::filesystem::path>& folders, const BuildRequest& request) {
  a = walk_steps(std::move(a), folders, request);
  for (auto& p : a.plans) join_submission(*p);
  return a;
}

ArchiveBuild start(const Env& env, const BuildRequest& request) {
  ArchiveBuild a;
  a.env = env;
  a.out_folder = request.out_folder;
  a.fail_on_warnings = request.fail_on_warnings;
  return a;
}

}  // namespace

void compute_cache_keys(ArchiveBuild& a) {
  const std::vector<std::optional<std::string>> keys = run_each_on_threads(a.plans.size(), core_count(), [&](size_t i) {
    BuildState& p = *a.plans[i];
    return plan_cache_key(a.build_identity, p.folder, p.inputs);  // each job its own plan's inputs
  });
  for (size_t i = 0; i < a.plans.size(); ++i)
    if (keys[i]) a.plans[i]->cache_key = *keys[i];
}

bool plan_inputs_unchanged(const ArchiveBuild& a) {
  const std::vector<char> same = run_each_on_threads(a.plans.size(), core_count(), [&](size_t i) -> char {
    const BuildState& p = *a.plans[i];
    if (p.cache_key.empty()) return false;
    if (p.inputs.racy) return plan_cache_key(a.build_identity, p.folder) == p.cache_key;
    return plan_inputs_stamp(p.folder) == p.inputs.stamp;
  });
  return std::all_of(same.begin(), same.end(), [](char c) { return c != 0; });
}

std::string archive_key(const ArchiveBuild& a) {
  namespace fs = std::filesystem;
  std::string key =
      content_hash({"renaksi archive 1", a.build_identity, std::to_string(site_day(a.env).time_since_epoch().count())});
  // The archive's own files: those directly in a root that holds plan folders (a root that is a
  // plan is all in its plan's key). One that does not read counts by its name and why.
  const bool root_is_plan = a.plans.size() == 1 && a.plans.front()->folder == a.root;
  if (!a.root.empty() && !root_is_plan) {
    std::vector<std::string> names;
    std::error_code ec;
    fs::directory_iterator it(a.root, ec);
    for (size_t n = 0; !ec && it != fs::directory_iterator(); it.increment(ec), ++n) {
      if (n >= limits::kMaxFilesPerFolder) return {};
      const fs::file_status st = it->symlink_status(ec);
      if (ec) return {};
      if (!fs::is_directory(st)) names.push_back(it->path().filename().string());
    }
    if (ec) return {};
    std::sort(names.begin(), names.end());
    std::string bytes;
    for (const auto& name : names) {
      const ReadResult read = read_file(a.root / name, bytes);
      key = content_hash({key, name, read ? std::string_view(bytes) : std::string_view(read.reason)});
    }
  }
  for (const auto& p : a.plans) {
    if (p->cache_key.empty()) return {};
    key = content_hash({key, p->folder.generic_string(), p->cache_key});
  }
  return key;
}

ArchiveBuild build_archive(const std::filesystem::path& root, const Env& env, const BuildRequest& request) {
  ArchiveBuild a = start(env, request);
  const auto folders = plan_folders(root, a.diags);
  if (folders.empty()) {
    if (!a.diags.has_errors())
      a.diags.error(Code::L001, {root.generic_string(), 0, 0}, "no plan here: expected plan.xml, or folders that hold one");
    return a;
  }
  resolve_site_address(a.env, root, a.out_folder != nullptr, a.diags);
  a.root = root;
  return walk(std::move(a), folders, request);
}

ArchiveBuild build_plans(const std::vector<std::filesystem::path>& folders, const Env& env, const BuildRequest& request) {
  ArchiveBuild a = start(env, request);
  if (!folders.empty()) resolve_site_address(a.env, folders.front(), a.out_folder != nullptr, a.diags);
  return walk(std::move(a), folders, request);
}

}  // namespace renaksi
