// The order of the passes, declared in one place, and the state they hand to each other.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compose/compose.h"
#include "diag/diagnostic.h"
#include "env/env.h"
#include "layout/style.h"
#include "load/loader.h"
#include "prose/prose_pass.h"
#include "publish/outputs.h"

namespace renaksi {

// Everything the passes of one plan's build read and write.
struct BuildState {
  std::filesystem::path folder;
  Env env = Env::from_environment();
  LoadResult loaded;
  Diagnostics diags;
  ProseStore prose;
  ProseStats prose_stats;
  bool prose_done = false;               // the archive parsed this plan's prose with the others
  Locales locales;                       // one per language of the plan
  std::vector<doc::Document> documents;  // one per edition
  std::optional<layout::Style> style;    // the PDF editions' page style
  Outputs outputs;                       // the files this plan's emit passes wrote
  bool completed = false;                // every pass ran
};

struct Pass {
  std::string_view name;         // "load", "check", ...: the value --stop-after takes
  std::string_view description;  // one line, for --help
  // Runs the pass; false means later passes cannot run (their input is missing).
  bool (*run)(BuildState&);
};

// The passes in the order they run.
std::span<const Pass> passes();

struct PassTiming {
  std::string_view name;
  std::chrono::nanoseconds elapsed;
};

// Runs the passes in order, up to and including `stop_after` (all when empty). Returns the
// time each pass took. A pass that reports errors does not stop the passes that can still
// report more problems; a pass that returns false does.
// With `resume_after`, the passes up to and including that one are taken as done.
std::vector<PassTiming> run_passes(BuildState& state, std::string_view stop_after = {},
                                   std::string_view resume_after = {});

// True when `name` is one of the passes.
bool is_pass(std::string_view name);

}  // namespace renaksi
