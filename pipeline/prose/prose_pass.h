// The prose pass: every Markdown fragment of a plan through ONE Pandoc run (fenced divs with
// ids, JSON out), cached by content hash, into the project's prose types.
#pragma once

#include <map>
#include <string>

#include "diag/diagnostic.h"
#include "env/env.h"
#include "model/plan.h"
#include "prose/ast.h"

namespace renaksi {

// The parsed prose of a plan, looked up by the Markdown source text.
class ProseStore {
 public:
  // The blocks of `markdown` (empty when it was never parsed).
  const prose::Blocks& get(const std::string& markdown) const;
  void put(const std::string& markdown, prose::Blocks blocks) { parsed_[markdown] = std::move(blocks); }
  size_t size() const { return parsed_.size(); }

 private:
  std::map<std::string, prose::Blocks> parsed_;
};

struct ProseStats {
  int fragments = 0;     // distinct Markdown texts in the plan
  int cache_hits = 0;    // taken from the cache
  int pandoc_runs = 0;   // Pandoc processes started (0 or 1)
};

// The Pandoc reader options: Markdown with every raw and native extension off, so untrusted
// prose leaves no raw HTML, TeX or attributes in the AST.
extern const char* const kPandocFrom;

// Parses every prose field of `plan`. Errors: Pandoc missing, failing, too slow, of an
// unknown API version, or prose breaking out of its wrapper. Warnings: nodes not rendered
// and links dropped, at the fragment's file and line.
ProseStats parse_prose(const Plan& plan, const Env& env, ProseStore& store, Diagnostics& diags);

}  // namespace renaksi
