// Walks the pipeline table: each plan step for every plan still going, each archive step once.
#include <algorithm>

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

bool clean(const ArchiveBuild& a) {
  if (a.diags.has_errors()) return false;
  return std::all_of(a.plans.begin(), a.plans.end(), [](const auto& p) { return p->going && !p->diags.has_errors(); });
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

ArchiveBuild walk(ArchiveBuild a, const std::vector<std::filesystem::path>& folders, const BuildRequest& request) {
  for (const auto& folder : folders) {
    a.plans.push_back(std::make_unique<BuildState>());
    a.plans.back()->folder = folder;
  }
  const auto all = steps();
  for (size_t k = 0; k < all.size(); ++k) {
    const Step& step = all[k];
    // An archive step needs every plan, whole, unless it only looks for more problems.
    if (step.scope == Scope::Archive && !step.even_after_errors && !clean(a)) return a;
    Progress at{step.name, k + 1, all.size(), {}, 0, a.plans.size()};
    const auto start = std::chrono::steady_clock::now();
    bool go_on = true;
    if (step.scope == Scope::Plan) {
      for (size_t i = 0; i < a.plans.size(); ++i) {
        BuildState& p = *a.plans[i];
        if (!p.going) continue;
        if (request.progress) {
          at.plan = p.folder.filename().empty() ? p.folder.parent_path().filename().string() : p.folder.filename().string();
          at.plan_number = i + 1;
          request.progress(at);
        }
        p.going = step.run(a, &p);
      }
      go_on = std::any_of(a.plans.begin(), a.plans.end(), [](const auto& p) { return p->going; });
    } else {
      if (request.progress) request.progress(at);
      go_on = step.run(a, nullptr);
    }
    add_timing(a.timings, step.name, std::chrono::steady_clock::now() - start);
    if (!go_on || step.name == request.stop_after) return a;
  }
  a.completed = true;
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

ArchiveBuild build_archive(const std::filesystem::path& root, const Env& env, const BuildRequest& request) {
  ArchiveBuild a = start(env, request);
  const auto folders = plan_folders(root, a.diags);
  if (folders.empty()) {
    if (!a.diags.has_errors())
      a.diags.error(Code::L001, {root.generic_string(), 0, 0}, "no plan here: expected plan.xml, or folders that hold one");
    return a;
  }
  return walk(std::move(a), folders, request);
}

ArchiveBuild build_plans(const std::vector<std::filesystem::path>& folders, const Env& env, const BuildRequest& request) {
  return walk(start(env, request), folders, request);
}

}  // namespace renaksi
