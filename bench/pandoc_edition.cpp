// One single-language edition of a plan as Pandoc's JSON AST, for the benchmark's comparison
// with `pandoc -f json --pdf-engine=pdflatex`: the plan is composed by the real passes and the
// edition converted to Pandoc's AST (emit/docx/document_to_pandoc.h, which Pandoc read for the
// Word editions until renaksi wrote them itself), so both typesetters get the same content.
//
//   pandoc_edition PLAN_FOLDER LANG OUT.json [--cache-dir DIR]
#include <cstdio>
#include <fstream>
#include <string>

#include "driver/pipeline.h"
#include "emit/docx/document_to_pandoc.h"

using namespace renaksi;

int main(int argc, char** argv) {
  if (argc != 4 && argc != 6) {
    std::fprintf(stderr, "usage: pandoc_edition PLAN_FOLDER LANG OUT.json [--cache-dir DIR]\n");
    return 2;
  }
  Env env = Env::from_environment();
  if (argc == 6) {
    if (std::string(argv[4]) != "--cache-dir") {
      std::fprintf(stderr, "pandoc_edition: unknown option %s\n", argv[4]);
      return 2;
    }
    env.cache_dir = argv[5];
  }
  const std::string lang = argv[2];
  ArchiveBuild composed = build_archive(argv[1], env, {.stop_after = "compose"});
  if (composed.error_count() > 0 || composed.plans.size() != 1) {
    const Diagnostics all = composed.all_diagnostics();
    for (const auto& d : all.all()) std::fprintf(stderr, "%s\n", d.str().c_str());
    std::fprintf(stderr, "pandoc_edition: %s is not one plan without errors\n", argv[1]);
    return 1;
  }
  for (const auto& document : composed.plans.front()->documents) {
    if (document.langs.size() != 1 || document.langs.front() != lang) continue;
    std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
    out << docx::to_pandoc(document, docx::Options{}).dump();
    out.close();
    if (!out) {
      std::fprintf(stderr, "pandoc_edition: cannot write %s\n", argv[3]);
      return 1;
    }
    return 0;
  }
  std::fprintf(stderr, "pandoc_edition: the plan has no '%s' edition\n", lang.c_str());
  return 1;
}
