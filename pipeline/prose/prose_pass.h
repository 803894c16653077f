// The prose pass: every Markdown fragment of a plan through ONE Pandoc run (fenced divs with
// ids, JSON out), cached by content hash, into the project's prose types.
#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <string>

#include "diag/diagnostic.h"
#include "env/env.h"
#include "env/limits.h"
#include "model/plan.h"
#include "doc/prose_ast.h"

namespace renaksi {

// The parsed prose of a plan, looked up by the Markdown source text.
class ProseStore {
 public:
  // The blocks of `markdown` (empty when it was never parsed).
  const prose::Blocks& get(const std::string& markdown) const { return shared(markdown).get(); }
  // The same, shared rather than copied (what an edition holds).
  const prose::SharedBlocks& shared(const std::string& markdown) const;
  void put(const std::string& markdown, prose::SharedBlocks blocks) { parsed_[markdown] = std::move(blocks); }
  size_t size() const { return parsed_.size(); }

 private:
  std::map<std::string, prose::SharedBlocks> parsed_;
};

struct ProseStats {
  int fragments = 0;     // distinct Markdown texts in the plan
  int cache_hits = 0;    // taken from the cache
  int without_pandoc = 0;  // plain sentences, read without Pandoc (prose/plain_markdown.h)
  int pandoc_runs = 0;   // Pandoc processes started (0; 1; one per core past 32 KiB of Markdown)
};

// The Pandoc reader options: Markdown with every raw and native extension off but raw HTML
// (which the prose reader filters to a safe subset, prose/html_subset.h), so untrusted prose
// leaves no TeX or attributes in the AST. Bare URLs become links in the prose reader, and a
// list may follow a line without a blank line (the pass adds the blank line), as people write.
extern const char* const kPandocFrom;

// A fragment's cache key: its text, the reader, and which Pandoc parses it
// (program_file_identity of the program): a new Pandoc may parse the same text differently,
// so entries an older one wrote are not used.
std::string prose_cache_key(const std::string& pandoc_identity, const std::string& source);

// The prose cache of a plan is one pack (env/cache_pack.h) in `cache_dir`/prose, named from the
// plan's folder: every fragment of the plan that Pandoc parsed, by its key. A build reads the
// packs of its plans, and rewrites one whose entries are not exactly its plan's fragments.
std::filesystem::path prose_pack_file(const std::filesystem::path& cache_dir, const std::string& plan_folder);

// One plan's part in a build's prose: where its parsed prose and its warnings go.
struct ProseJob {
  const Plan* plan;
  ProseStore* store;
  Diagnostics* diags;
};

// Parses every prose field of every plan of a build in ONE Pandoc run (none when all are
// cached). Errors about Pandoc itself (missing, failing, too slow, an unknown API version,
// prose breaking out of its wrapper) go to `build_diags`; warnings (nodes not rendered, links
// dropped) to the plan where the text first appears, at its file and line.
// Pandoc's output past `max_output` bytes stops it (P010); tests pass a smaller cap.
ProseStats parse_prose(std::span<const ProseJob> jobs, const Env& env, Diagnostics& build_diags,
                       std::size_t max_output = limits::kMaxPandocOutputBytes);

// The same for one plan.
ProseStats parse_prose(const Plan& plan, const Env& env, ProseStore& store, Diagnostics& diags,
                       std::size_t max_output = limits::kMaxPandocOutputBytes);

}  // namespace renaksi
