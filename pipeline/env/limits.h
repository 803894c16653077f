// Every bound renaksi puts on its input and on the programs it runs, in one place. A bound that
// is exceeded is a content error at the file, line and column where it happened (the code named
// beside each), never a crash, a hang or unbounded memory. docs/architecture.md lists them too.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace renaksi::limits {

// A content file (plan.xml, organisations.xml, a commitment), a message catalogue, a layout, a
// submission given to `renaksi validate`: larger is L006 (V001 for a submission). Real plan
// files are tens of KiB; this is a hundred times the largest seen.
inline constexpr std::size_t kMaxInputFileBytes = 16u << 20;

// Files (and folders) read from one plan folder's commitments/, and plan folders under one
// content folder: more is L006 at the folder.
inline constexpr std::size_t kMaxFilesPerFolder = 10000;

// Nesting of prose blocks (block quotes, lists inside lists): deeper is P009 at the fragment.
// Markdown that a reader can follow nests a handful of levels.
inline constexpr int kMaxProseDepth = 32;

// Nesting of Pandoc's JSON (objects and arrays): deeper is P002, checked while parsing and before
// any recursive walk, so no AST can overflow the stack. A prose depth of kMaxProseDepth needs
// about 4 JSON levels per prose level.
inline constexpr int kMaxPandocJsonDepth = 512;

// Pandoc's standard output for one run (all the prose of a build, or one DOCX edition): more is
// P010 (D002 for a DOCX), and Pandoc is killed. 240 commitments of prose are about 20 MiB of JSON.
inline constexpr std::size_t kMaxPandocOutputBytes = 512u << 20;
// What is kept of Pandoc's standard error for a message.
inline constexpr std::size_t kMaxPandocErrorBytes = 64u << 10;

// The default time a Pandoc run may take, wall clock, enforced even when Pandoc closes its
// pipes and lingers (`--pandoc-timeout` overrides): longer is P003 (D003).
inline constexpr std::chrono::milliseconds kDefaultPandocTimeout{60000};

// The build cache (env/cache_prune.h): after a whole build, entries no build used for
// kCacheMaxAge are removed, then the least recently used while it holds more than
// kCacheMaxBytes. One prune or size count looks at kMaxCacheKinds subfolders and
// kMaxCacheEntries files in all, and leaves the rest alone (with a warning). A 400-plan
// archive's cache is some tens of thousands of entries.
inline constexpr std::chrono::hours kCacheMaxAge{24 * 14};
inline constexpr std::uint64_t kCacheMaxBytes = std::uint64_t{2} << 30;
inline constexpr std::size_t kMaxCacheKinds = 64;
inline constexpr std::size_t kMaxCacheEntries = 1'000'000;
// A published output folder of more entries than this (files and folders) is not checked for
// being up to date: the build publishes it again. Every plan OGP has (about 400) is about 50,000.
inline constexpr std::size_t kMaxPublishedEntries = 2'000'000;

// Pages of one PDF edition: more is E004. The longest real plans are under 300 pages.
inline constexpr int kMaxPagesPerEdition = 5000;
// Bytes of UTF-8 on one laid-out line: a longer line is broken even where it would still fit
// (zero-width characters fit anywhere), so no string reaches libharu's 65,535-byte limit.
// A line of real text is a few hundred bytes.
inline constexpr std::size_t kMaxLineBytes = 4096;
// E002 (characters the fonts lack): warnings per edition, one per place, then one summing up
// the rest; and characters named in one warning, then "and N more".
inline constexpr std::size_t kMaxGlyphWarnings = 5;
inline constexpr std::size_t kMaxGlyphsNamed = 8;

// Entries of a template profile's lists (sections, requirements, columns, kinds).
inline constexpr std::size_t kMaxProfileSections = 200;
// Commitment numbers: 1 … kMaxCommitmentNumber (C023 outside).
inline constexpr std::int64_t kMaxCommitmentNumber = 9999;
// A plan's number (the country's 1st, 2nd, … action plan): 1 … kMaxPlanNumber (C023 outside).
inline constexpr std::int64_t kMaxPlanNumber = 999;
// Counts in content (an event's participants, women, men, meetings): 0 … kMaxParticipants
// (C023 outside). Larger than any country's population, small enough to add without overflow.
inline constexpr std::int64_t kMaxParticipants = 1'000'000'000;
// Years of every date in content: kMinYear … kMaxYear (C023 outside).
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2200;
// A build takes plans in batches of at most this much content (their files' bytes; a larger plan
// is a batch of its own), built and written out before the next batch is read: the memory of a
// build is bounded by its largest batch (after its prose, each plan is built and freed in turn).
// An archive of at most this much is one batch: the default archive (about 0.63 MiB) has its
// prose parsed in one go (one Pandoc run per core). A larger one goes in batches of half this, because the next batch is
// read and its prose parsed (Pandoc, and Pandoc's JSON) while this one's plans are laid out, so
// two batches are alive at once: a 25-commitment plan is about 0.47 MiB, a batch of its own
// (two a batch: 414 MiB peak for ten plans against 282 MiB).
inline constexpr std::uintmax_t kBatchInputBytes = 1u << 20;
// A plan with more content than this is a large one: its editions are written two PDFs and one
// Word edition at a time (each PDF a whole laid-out document in memory, about 100 times its
// share of the content) instead of one per core, so its memory is bounded by two editions
// rather than by all of them (240 commitments: 233-240 MiB at the peak, against 229-233 one at
// a time, and its PDFs in 4.1-4.4 s instead of 5.0-7.1). The default plans (up to 0.3 MiB) keep
// every core busy.
inline constexpr std::uintmax_t kLargePlanBytes = 1u << 20;

}  // namespace renaksi::limits
