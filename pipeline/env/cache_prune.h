// The build cache's upkeep: an entry a build uses is marked used (its modification time), the
// entries no build can use are pruned by age and size, and the cache's size is counted.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "env/limits.h"

namespace renaksi {

// Sets the entry's modification time to now, its "last used" time (never through a symlink).
// A cache that cannot be touched (read-only, gone) is not an error: nothing happens.
void mark_cache_entry_used(const std::filesystem::path& entry) noexcept;

struct CachePolicy {
  std::chrono::seconds max_age = limits::kCacheMaxAge;  // unused this long: removed
  std::uint64_t max_bytes = limits::kCacheMaxBytes;     // over this: least recently used removed
};

struct CacheSize {
  std::size_t entries = 0;  // regular files in the cache's subfolders
  std::uint64_t bytes = 0;  // their sizes
};

struct PruneReport {
  CacheSize kept;          // what the cache holds after the prune (foreign files included)
  CacheSize removed;       // entries removed, by age or by size
  std::size_t foreign = 0; // files looked at for removal that are not renaksi's entries: kept
  std::string warning;     // empty, or what could not be read or removed (the build goes on)
};

// Removes the entries no build can use from `cache_dir`'s subfolders (prose/, docx/, …): those
// not used by this build (last used before `build_started`, less two seconds for the file
// system's coarse clock) and unused for `policy.max_age`; then, while the cache holds more than
// `policy.max_bytes`, the least recently used of those not used by this build. Only a regular
// file directly in a subfolder whose first bytes are a cache entry's header is ever removed:
// never a symlink (nor what it points to; `cache_dir` itself may be one, nothing in it is
// followed), a folder, a FIFO or a device (none is opened), nor a file renaksi did not write.
// Never throws; a problem is a warning in the report.
PruneReport prune_cache(const std::filesystem::path& cache_dir, std::chrono::system_clock::time_point build_started,
                        const CachePolicy& policy = {});

// How often builds prune the cache. Listing it costs some microseconds an entry (a 400-plan
// archive's cache holds a quarter of a million prose entries: about a second), too much for every
// warm build; entries go after a fortnight unused, so pruning at most hourly changes nothing a
// user sees but a cache up to an hour's builds over its size bound.
inline constexpr std::chrono::minutes kCachePruneInterval{60};

// When the cache was last pruned, and its size then: the file `last-prune` at the cache's top
// (its modification time, and "renaksi-cache-prune 1 <entries> <bytes>"), which no prune lists.
struct LastPrune {
  std::chrono::system_clock::time_point when;
  CacheSize size;
};

// The last prune, if one is recorded and reads (a missing, foreign or torn record: nullopt).
std::optional<LastPrune> last_prune(const std::filesystem::path& cache_dir);

// Whether a build that started at `now` should prune: no prune recorded, the last longer ago
// than kCachePruneInterval, or one dated after `now` (a clock set back).
bool prune_due(const std::optional<LastPrune>& last, std::chrono::system_clock::time_point now);

// Records a prune that left the cache at `size` (replacing the file whole; a cache that cannot
// be written is not an error).
void record_prune(const std::filesystem::path& cache_dir, const CacheSize& size);

// The regular files in `cache_dir`'s subfolders and their bytes, by their metadata only (no file
// is opened). A missing or unreadable cache is empty.
CacheSize cache_size(const std::filesystem::path& cache_dir);

}  // namespace renaksi
