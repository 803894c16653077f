// The per-plan cache: a plan whose files (and the program and data: env/build_identity.h) did
// not change since a build that made it is not built again; its outputs, what the site's
// archive pages need of it, and its warnings come from here.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostic.h"
#include "output/outputs.h"

namespace renaksi {

// What a cached plan brings back besides its files.
struct CachedPlan {
  std::string plan_id;
  SourceLoc plan_id_loc;
  std::vector<Diagnostic> diags;  // its warnings (a plan with errors is never cached)
  nlohmann::json site;            // its site summary (emit/html: SitePlanSummary::to_json)
};

// The key of the plan in `folder`: `build_identity` and every file of the folder (recursively,
// bounded), by relative path and bytes. Nullopt when a file cannot be read (the build then
// reports it; such a plan is not cached).
std::optional<std::string> plan_cache_key(const std::string& build_identity, const std::filesystem::path& folder);

// What a plan's key was made from, to tell at the end of the build, without reading the files
// again, that they are still those (a file edited while the build ran must not be recorded as
// built): each file's relative path and status (device, inode, size, modification and change
// times) taken before it was read. A write changes the change time, which no one can set; but
// the file system's clock ticks coarsely, so a file changed within a second before it was read
// could change again in the same tick unseen: such a plan is `racy` and its key is computed
// again instead (as Git does with its index).
struct PlanInputs {
  std::string stamp;
  bool racy = true;  // nothing stamped yet: compute the key again
};

// plan_cache_key, filling `inputs` as it reads; a file changed within `racy_within` before the
// key was begun makes the plan racy (a parameter for the tests).
std::optional<std::string> plan_cache_key(const std::string& build_identity, const std::filesystem::path& folder,
                                          PlanInputs& inputs, std::chrono::nanoseconds racy_within = std::chrono::seconds(1));

// The stamp of the folder's files as they are now (PlanInputs::stamp), or nullopt when one
// cannot be listed or its status read.
std::optional<std::string> plan_inputs_stamp(const std::filesystem::path& folder);

// Where the plan cache lives: <cache>/plan/<key>/ holds `manifest` (a cache entry,
// content_hash.h, of CBOR: the site summary's search words are binary) and the plan's files, f0, f1, … , hard links to the files the build
// published when the cache and the output are on one file system (else copies).
std::filesystem::path plan_cache_folder(const std::filesystem::path& cache_dir, const std::string& key);

// Adds every file of the cached plan `key` to `out` (linked, not read) and returns the rest, or
// nullopt (nothing added) when there is no entry, or it does not read, or one of its files is
// not as it was stored (size and modification time: an output someone edited in place changes
// the file it shares with the cache). A hit marks the entry used (its manifest's mtime).
std::optional<CachedPlan> restore_plan(const std::filesystem::path& cache_dir, const std::string& key, Outputs& out);

// Marks the cached plan `key` used now, as a restore does, without restoring it: for a build
// that found its output folder up to date. False when there is no such entry.
bool mark_plan_used(const std::filesystem::path& cache_dir, const std::string& key);

// Stores the plan: the files `out` holds under `paths` (their artifacts from out.artifacts()),
// which must be written in its folder, with `plan`. Returns an empty string, or why not (the
// build goes on: a plan that is not cached is built again next time).
std::string store_plan(const std::filesystem::path& cache_dir, const std::string& key, const CachedPlan& plan,
                       const Outputs& out, const std::vector<std::string>& paths);

struct PlanCachePrune {
  size_t kept = 0, removed = 0;
  std::uintmax_t kept_bytes = 0, removed_bytes = 0;
};

// Removes the plan entries not used since `used_since` and older than `max_age` (then, while
// the kept ones are over `max_bytes`, the least recently used not used since `used_since`).
// Only folders named like a key holding a manifest that reads as a cache entry are removed.
PlanCachePrune prune_plan_cache(const std::filesystem::path& cache_dir, std::filesystem::file_time_type used_since,
                                std::chrono::seconds max_age, std::uintmax_t max_bytes);

}  // namespace renaksi
