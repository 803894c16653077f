// The search data of a written site against its budget, for build_bench and site_bench.
#include "search_sizes.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace renaksi::bench {

namespace {

// The site's search data, per language, against its budget. The search page loads its script
// and the plans' catalogue; a query loads the shards of its words (assets/search/<lang>/<key>.js:
// the deepest shard whose key begins the word, and for a word of 3 letters and more every
// deeper one whose key begins with it), words.js when a word has 5 letters or more (typos),
// then the texts of the results shown (<lang>/<plan>/search/<n>.js), the first result after the
// first text. `first` bounds what comes before the first result for a one-word query: script,
// catalogue, words.js, the largest set of shards one three-letter word needs (the word may
// begin longer stems), the largest text. `up front` is what the page loads unasked.
constexpr double kSearchFirstBudgetKiB = 512;      // before the first result
constexpr double kSearchCatalogueBudgetKiB = 256;  // search-index.js, every language
constexpr double kSearchTotalBudgetKiB = 4096;     // what one language's search page loads unasked

}  // namespace

void print_search_sizes(const fs::path& site) {
  std::error_code ec;
  if (!fs::is_directory(site, ec)) return;
  auto size = [&](const fs::path& p) {
    const auto n = fs::file_size(p, ec);
    return ec ? 0.0 : static_cast<double>(n) / 1024.0;
  };
  const double script = size(site / "assets" / "search.js");
  const double catalogue = size(site / "assets" / "search-index.js");
  std::map<std::string, std::vector<double>> texts;  // per language, each commitment's text (KiB)
  for (auto it = fs::recursive_directory_iterator(site, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path rel = it->path().lexically_relative(site);
    if (it->path().extension() != ".js" || rel.begin()->string() == "assets" || it->path().parent_path().filename() != "search")
      continue;
    texts[rel.begin()->string()].push_back(size(it->path()));
  }
  for (auto& [lang, kib] : texts) {
    std::map<std::string, double> shards;  // key -> KiB
    for (auto it = fs::directory_iterator(site / "assets" / "search" / lang, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      const std::string name = it->path().stem().string();
      if (name != "words" && name != "facets") shards[name] = size(it->path());
    }
    double shard_total = 0, shard_largest = 0;
    for (const auto& [k, s] : shards) {
      shard_total += s;
      shard_largest = std::max(shard_largest, s);
    }
    // The most a word of three letters (or its stem's shard) loads.
    double word_max = shard_largest;
    for (const auto& [k, s] : shards) {
      if (k.size() < 3) continue;
      const std::string p = k.substr(0, 3);
      double sum = 0;
      for (const auto& [k2, s2] : shards)
        if (k2.starts_with(p) || (p.starts_with(k2) && k2.size() == 2)) sum += s2;
      word_max = std::max(word_max, sum);
    }
    const double words = size(site / "assets" / "search" / lang / "words.js");
    const double facets = size(site / "assets" / "search" / lang / "facets.js");
    double text_total = 0, text_largest = 0;
    for (double t : kib) {
      text_total += t;
      text_largest = std::max(text_largest, t);
    }
    const double first = script + catalogue + words + word_max + text_largest;
    const double upfront = script + catalogue;
    std::printf("  search (%s, %zu commitments): first result after <= %.0f KiB (budget %.0f, %s); catalogue %.0f KiB (budget %.0f, %s); "
                "loaded up front %.0f KiB (budget %.0f, %s), complete results\n"
                "    word index: %zu shards, %.0f KiB in all, largest %.1f KiB, a word's shards <= %.1f KiB; words.js %.1f KiB; "
                "facets.js %.1f KiB; texts %.0f KiB in all, largest %.1f KiB\n",
                lang.c_str(), kib.size(), first, kSearchFirstBudgetKiB, first <= kSearchFirstBudgetKiB ? "met" : "OVER", catalogue,
                kSearchCatalogueBudgetKiB, catalogue <= kSearchCatalogueBudgetKiB ? "met" : "OVER", upfront, kSearchTotalBudgetKiB,
                upfront <= kSearchTotalBudgetKiB ? "met" : "OVER", shards.size(), shard_total, shard_largest, word_max, words,
                facets, text_total, text_largest);
  }
  std::fflush(stdout);
}

}  // namespace renaksi::bench
