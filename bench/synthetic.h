// The synthetic archive of the benchmarks: plan folders made from one real plan, each with its
// commitments cycled under new numbers and ids and every text varied, so no two commitments
// share their prose (the prose cache misses, the PDFs differ). One copy, used by
// synthetic_archive, build_bench and site_bench.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace renaksi::bench {

// The real plan a synthetic archive is made from: its files read once, and per language the
// lower-case words of its texts (the words a varied text may take in).
class SyntheticSource {
 public:
  // Reads `plan_folder` (plan.xml, organisations.xml, commitments/*.xml). False, with `error`
  // set, when a file is missing or unreadable or the plan has no commitment.
  bool load(const std::filesystem::path& plan_folder, std::string& error);

  // The id of the real plan (plan.xml's root id).
  const std::string& plan_id() const { return plan_id_; }
  size_t commitment_count() const { return commitments_.size(); }

  // plan.xml under the id `id`, its texts varied by `seed`.
  std::string plan_xml(const std::string& id, uint64_t seed) const;
  const std::string& organisations_xml() const { return organisations_; }
  // Commitment `number` (1-based) of a synthetic plan: the real commitment (number-1) modulo
  // the count, renumbered, its id suffixed with the number, its OGP id dropped (they are unique
  // to the real plan), its texts varied by `seed`.
  std::string commitment_xml(int number, uint64_t seed) const;

  // `xml` with the prose of every <text> element varied by `seed`: about one lower-case word in
  // five (of four letters or more, outside links, spans, attributes, code, tags and entities) is
  // replaced by a word of the same language, chosen by the seed. Markup is left alone, so the
  // XML stays valid and the Markdown keeps its structure.
  std::string vary(const std::string& xml, uint64_t seed) const;

 private:
  std::string plan_id_;
  std::string plan_;
  std::string organisations_;
  std::vector<std::string> commitments_;
  std::map<std::string, std::vector<std::string>> words_;  // language -> sorted distinct words
};

// The seed of commitment `number` of synthetic plan `plan` (1-based), and of a plan's own texts
// (number 0). `round` > 0 gives the texts of a later edit of the same commitment.
uint64_t synthetic_seed(int plan, int number, int round = 0);

// "nap-synthetic-007" for plan 7 (three digits at least).
std::string synthetic_plan_id(int plan);
// "007.xml" for commitment 7.
std::string synthetic_commitment_file(int number);

// Writes `plans` plan folders of `per_plan` commitments each into `out` (created; it must not
// hold anything yet). False, with `error` set, on a write error or a folder that is not empty.
bool write_synthetic_archive(const SyntheticSource& source, const std::filesystem::path& out, int plans, int per_plan,
                             std::string& error);

// Rewrites commitment `number` of synthetic plan `plan` under `out` with the texts of edit
// `round` (> 0): one commitment changed, as an editor would change it.
bool change_synthetic_commitment(const SyntheticSource& source, const std::filesystem::path& out, int plan, int number,
                                 int round, std::string& error);

}  // namespace renaksi::bench
