// The search data of a written site against its budget, for build_bench and site_bench.
#include "search_sizes.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace renaksi::bench {

namespace {

// The site's search data, per language, against its budget. The search page loads the search
// library, its script and the plans' catalogue, then the newest kSearchEagerPlans plans' data one
// after another (search.js's EAGER_PLANS), showing results after the first; a plan chosen in the
// filter is loaded when chosen. `first` is what comes before the first result (with the largest
// plan's data, an upper bound), `up front` what the page loads unasked (the largest
// kSearchEagerPlans plans', an upper bound), `all` what complete results over every plan would
// need. The budget holds for the first two; when `all` is over it, search covers only the plans
// loaded, and the line says so.
constexpr double kSearchFirstBudgetKiB = 512;    // before the first result
constexpr double kSearchCatalogueBudgetKiB = 256;  // search-index.js, every language
constexpr double kSearchTotalBudgetKiB = 4096;   // what one language's search page loads unasked
constexpr size_t kSearchEagerPlans = 16;         // = EAGER_PLANS in layouts/html/search.js

}  // namespace

void print_search_sizes(const fs::path& site) {
  std::error_code ec;
  if (!fs::is_directory(site, ec)) return;
  auto size = [&](const fs::path& p) { return static_cast<double>(fs::file_size(p, ec)) / 1024.0; };
  const double fixed = size(site / "assets" / "minisearch.js") + size(site / "assets" / "search.js");
  const double catalogue = size(site / "assets" / "search-index.js");
  std::vector<std::string> langs;
  std::vector<std::vector<double>> plans;  // per language, each plan's data (KiB)
  for (auto it = fs::recursive_directory_iterator(site, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename() != "search-data.js") continue;
    const std::string lang = it->path().lexically_relative(site).begin()->string();
    size_t k = std::find(langs.begin(), langs.end(), lang) - langs.begin();
    if (k == langs.size()) {
      langs.push_back(lang);
      plans.emplace_back();
    }
    plans[k].push_back(size(it->path()));
  }
  for (size_t k = 0; k < langs.size(); ++k) {
    std::vector<double>& kib = plans[k];
    std::sort(kib.begin(), kib.end(), std::greater<>());
    double all = 0, eager = 0;
    for (size_t i = 0; i < kib.size(); ++i) {
      all += kib[i];
      if (i < kSearchEagerPlans) eager += kib[i];
    }
    const double first = fixed + catalogue + (kib.empty() ? 0 : kib.front());
    const double upfront = fixed + catalogue + eager;
    const size_t searched = std::min(kib.size(), kSearchEagerPlans);
    std::printf("  search (%s, %zu plan%s): first result after <= %.0f KiB (budget %.0f, %s); catalogue %.0f KiB (budget %.0f, %s); "
                "loaded up front <= %.0f KiB (budget %.0f, %s) for %zu plan%s%s; all plans' data %.0f KiB, largest plan %.0f KiB\n",
                langs[k].c_str(), kib.size(), kib.size() == 1 ? "" : "s", first, kSearchFirstBudgetKiB, first <= kSearchFirstBudgetKiB ? "met" : "OVER",
                catalogue, kSearchCatalogueBudgetKiB, catalogue <= kSearchCatalogueBudgetKiB ? "met" : "OVER", upfront,
                kSearchTotalBudgetKiB, upfront <= kSearchTotalBudgetKiB ? "met" : "OVER", searched, searched == 1 ? "" : "s",
                searched < kib.size() ? " (results cover only these unless a plan or stage is chosen)" : " (complete results)",
                all, kib.empty() ? 0.0 : kib.front());
  }
  std::fflush(stdout);
}

}  // namespace renaksi::bench
