// The renaksi command as a user runs it: output, messages and exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <regex>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include "driver/pipeline.h"
#include "env/parallel.h"
#include "support/command.h"
#include "support/paths.h"

namespace renaksi {
namespace {

using testing::CommandResult;

// Runs renaksi from the source folder with `env` (assignments) before it.
CommandResult run_with_env(const std::string& env, const std::string& args) {
  return testing::run_shell(env + testing::shell_quote(testing::binary()) + " " + args);
}

CommandResult run(const std::string& args) { return testing::run_renaksi(args); }

// The lines of `file` that contain `what`.
int lines_with(const std::filesystem::path& file, const std::string& what) {
  std::ifstream in(file);
  int n = 0;
  for (std::string line; std::getline(in, line);) n += line.find(what) != std::string::npos;
  return n;
}

// One published build of content/, made once per test process and only read by the tests that
// use it: `renaksi build content --out DIST --site-url ... --timings`, with a fresh cache and a
// Pandoc wrapper that logs every run.
struct Published {
  testing::TempDir dir{"cli-published"};
  std::filesystem::path dist = dir.path() / "dist";
  std::filesystem::path cache = dir.path() / "cache";
  std::filesystem::path pandoc_log = dir.path() / "pandoc.log";
  std::filesystem::path wrapper = dir.path() / "pandoc-wrapper";
  std::string env;  // the assignments before the command
  CommandResult result;
};

const Published& published() {
  static const std::unique_ptr<Published> p = [] {
    auto p = std::make_unique<Published>();
    std::ofstream(p->wrapper) << "#!/bin/sh\necho \"$*\" >> '" << p->pandoc_log.string() << "'\nexec pandoc \"$@\"\n";
    std::filesystem::permissions(p->wrapper, std::filesystem::perms::owner_all);
    p->env = "RENAKSI_PANDOC='" + p->wrapper.string() + "' SOURCE_DATE_EPOCH=1543536000 ";
    p->result = run_with_env(p->env, "build content --timings --out '" + p->dist.string() +
                                         "' --site-url https://archive.example/nap/ --cache-dir '" + p->cache.string() + "'");
    return p;
  }();
  return *p;
}

TEST(Cli, HelpListsTheCommandsAndExitsZero) {
  CommandResult r = run("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("check"), std::string::npos);
  EXPECT_NE(r.out.find("Exit status"), std::string::npos);
  CommandResult c = run("check --help");
  EXPECT_EQ(c.exit_code, 0);
  EXPECT_NE(c.out.find("--fail-on-warnings"), std::string::npos);
}

TEST(Cli, VersionPrintsNameAndVersion) {
  CommandResult r = run("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, std::string("renaksi ") + RENAKSI_VERSION_STRING + "\n");
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").exit_code, 2);
  EXPECT_EQ(run("frobnicate").exit_code, 2);
  EXPECT_EQ(run("check").exit_code, 2);
  EXPECT_EQ(run("check --no-such-flag content/nap-2018-2020").exit_code, 2);
  CommandResult missing = run("check content/no-such-plan");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no-such-plan"), std::string::npos);
}

TEST(Cli, CleanPlanExitsZeroWithASummary) {
  CommandResult r = run("check content/nap-2018-2020");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("Final"), std::string::npos);
  EXPECT_NE(r.out.find("0 errors, 0 warnings"), std::string::npos);
}

TEST(Cli, WarningsPassUnlessFailOnWarnings) {
  CommandResult r = run("check content/nap-2020-2022");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("warning[C012]"), std::string::npos);
  EXPECT_EQ(run("check --fail-on-warnings content/nap-2020-2022").exit_code, 1);
}

TEST(Cli, ErrorsExitOneAndEveryProblemIsPrintedInCompilerForm) {
  namespace fs = std::filesystem;
  testing::TempDir dir("cli-errors");
  const fs::path base = testing::fixtures_dir() / "check" / "base";
  const fs::path a = dir.path() / "a", b = dir.path() / "b";
  fs::copy(base, a, fs::copy_options::recursive);
  fs::copy(base, b, fs::copy_options::recursive);
  // a: two broken dates in one file; b: no organisations.xml. Both folders are checked.
  std::string text;
  {
    std::stringstream ss;
    ss << std::ifstream(a / "commitments" / "01.xml").rdbuf();
    text = ss.str();
  }
  text.replace(text.find("2019-06-30"), 10, "2019-06-31");
  text.replace(text.find("2020-06-30"), 10, "2020-13-01");
  std::ofstream(a / "commitments" / "01.xml") << text;
  fs::remove(b / "organisations.xml");

  CommandResult r = run("check '" + a.string() + "' '" + b.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  std::istringstream lines(r.err);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count)
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(^[^:]+\.xml(:\d+(:\d+)?)?: (error|warning)\[[LC]\d{3}\]: .+)")))
        << line;
  EXPECT_EQ(count, 3) << r.err;
  EXPECT_NE(r.err.find("01.xml:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error[C001]: '2019-06-31' is not a real calendar date"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("organisations.xml: error[L001]"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("Final, 1 commitment, 2 errors, 0 warnings"), std::string::npos) << r.out;
}

TEST(Cli, BuildDumpsTheComposedEdition) {
  testing::TempDir dir("cli-dump");
  CommandResult r = run("build content/nap-2018-2020 --dump=document --edition=en --cache-dir '" + dir.path().string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("document v7 nap-2018-2020 edition=en langs=en final\n")) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("Commitment 10: Quality Improvement of Public Service Complaints Resolution"), std::string::npos);
  CommandResult bad = run("build content/nap-2018-2020 --dump=document --edition=fr --cache-dir '" + dir.path().string() + "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("editions: id en bilingual"), std::string::npos) << bad.err;
  // A dump is not a build to publish: with --out it is refused, and nothing is made.
  const auto out = dir.path() / "out";
  CommandResult both = run("build content/nap-2018-2020 --dump=document --out '" + out.string() + "'");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("does not go with --dump"), std::string::npos) << both.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Cli, ASecondBuildOfUnchangedContentStartsNoPandoc) {
  // The first build: the published one. The three plans of content/ are one batch: their prose
  // in Pandoc runs to JSON started together, one per core (at most four), as many as the build
  // says; the Word editions start none.
  const Published& first = published();
  ASSERT_EQ(first.result.exit_code, 0) << first.result.err;
  std::smatch said;
  ASSERT_TRUE(std::regex_search(first.result.out, said,
                                std::regex(R"(3 plans; prose: [0-9]+ fragments, 0 cached, [0-9]+ plain \(no Pandoc\), ([0-9]+) Pandoc runs?\))")))
      << first.result.out;
  const int runs = std::stoi(said[1].str());
  EXPECT_GE(runs, 1);
  EXPECT_LE(runs, static_cast<int>(std::min<size_t>(core_count(), 4)));
  EXPECT_EQ(lines_with(first.pandoc_log, "-t json"), runs);
  EXPECT_EQ(lines_with(first.pandoc_log, "-t docx"), 0);
  EXPECT_EQ(lines_with(first.pandoc_log, ""), runs);
  // The second, on a copy of its cache, through the same wrapper (the same Pandoc: which Pandoc
  // it is belongs to the cache keys): no Pandoc at all; the wrapper's log does not grow.
  testing::TempDir dir("cli-cache");
  std::filesystem::copy(first.cache, dir.path() / "cache", std::filesystem::copy_options::recursive);
  const int runs_before = lines_with(first.pandoc_log, "");
  CommandResult second = run_with_env(first.env, "build content --timings --cache-dir '" + (dir.path() / "cache").string() + "'");
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(lines_with(first.pandoc_log, ""), runs_before) << "Pandoc ran";
  EXPECT_NE(second.out.find("0 Pandoc runs"), std::string::npos) << second.out;
  for (const char* pass : {"load", "check", "prose", "locale", "compose", "total"})
    EXPECT_NE(second.out.find(std::string("  ") + pass), std::string::npos) << pass;
}

// Every file under `dir`, by relative path, with its bytes.
std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) {
      std::stringstream ss;
      ss << std::ifstream(e.path(), std::ios::binary).rdbuf();
      out[std::filesystem::relative(e.path(), dir).string()] = ss.str();
    }
  return out;
}

// The lines of `err` that are diagnostics (a sanitizer's report at exit is not).
std::vector<std::string> diagnostic_lines(const std::string& err) {
  std::vector<std::string> out;
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);)
    if (std::regex_search(line, std::regex(R"(: (warning|error)\[[A-Z][0-9]{3}\]: )"))) out.push_back(line);
  return out;
}

// The same build into the same output: nothing to do, and it says so; the warnings of the build
// that published it are printed again, and --fail-on-warnings still fails on them.
TEST(Cli, ABuildIntoAnOutputThatIsUpToDateSaysSoAndWritesNothing) {
  const Published& first = published();
  ASSERT_EQ(first.result.exit_code, 0) << first.result.err;
  const auto before = snapshot(first.dist);
  const int runs_before = lines_with(first.pandoc_log, "");
  const std::string args = "build content --timings --out '" + first.dist.string() +
                           "' --site-url https://archive.example/nap/ --cache-dir '" + first.cache.string() + "'";
  CommandResult again = run_with_env(first.env, args);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(first.dist.string() + " is up to date: nothing changed since the build that published its "),
            std::string::npos)
      << again.out;
  EXPECT_NE(again.out.find("(3 plans, the output up to date: nothing built; prose: 0 fragments"), std::string::npos) << again.out;
  EXPECT_FALSE(std::regex_search(again.out, std::regex("(^|\n)published "))) << again.out;
  EXPECT_EQ(diagnostic_lines(again.err), diagnostic_lines(first.result.err)) << "the same warnings, in the same order";
  EXPECT_FALSE(diagnostic_lines(again.err).empty());
  EXPECT_NE(again.err.find("warning[C012]"), std::string::npos) << again.err;
  EXPECT_EQ(lines_with(first.pandoc_log, ""), runs_before) << "Pandoc ran";
  EXPECT_TRUE(snapshot(first.dist) == before);

  CommandResult strict = run_with_env(first.env, args + " --fail-on-warnings");
  EXPECT_EQ(strict.exit_code, 1) << strict.out;
  EXPECT_EQ(diagnostic_lines(strict.err), diagnostic_lines(first.result.err));
}

TEST(Cli, StopAfterRunsOnlyTheStepsUpToIt) {
  CommandResult r = run("build content/nap-2018-2020 --stop-after=check --timings");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // --timings lists every row of the pipeline table, in order: a time for those that ran,
  // "-" for the others.
  std::istringstream lines(r.out);
  std::string line;
  for (const auto& step : steps()) {
    ASSERT_TRUE(std::getline(lines, line)) << r.out;
    const std::string row = "  " + std::string(step.name) + std::string(10 - step.name.size(), ' ');
    ASSERT_TRUE(line.starts_with(row)) << step.name << ": " << line;
    const bool ran = step.name == "load" || step.name == "check";
    // A time to about three significant digits ("9.36 ms", "57.9 ms", "326 ms"), right-aligned; "-" when not run.
    EXPECT_EQ(line.size(), row.size() + 10) << line;
    EXPECT_EQ(line.ends_with(" ms"), ran) << line;
    EXPECT_EQ(line.ends_with(" -"), !ran) << line;
  }
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_TRUE(line.starts_with("  total     ")) << line;
  // Then the process's own peak memory (what `make bench` reports): a plan's load and check
  // need some MiB, never none.
  ASSERT_TRUE(std::getline(lines, line));
  std::smatch peak;
  ASSERT_TRUE(std::regex_match(line, peak, std::regex(R"(  peak memory: ([0-9]+\.[0-9]) MiB resident \(renaksi's own\))"))) << line;
  EXPECT_GT(std::stod(peak[1].str()), 1.0) << line;
  CommandResult wrong = run("build content/nap-2018-2020 --stop-after=nothing");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("no step is called 'nothing' (steps: load, check, ids, prose,"), std::string::npos) << wrong.err;
}

// A snapshot of a folder: every file's path and bytes.

TEST(Cli, BuildPublishesEveryOutputIntoTheOutFolder) {
  const Published& p = published();
  ASSERT_EQ(p.result.exit_code, 0) << p.result.err;
  const auto& dist = p.dist;
  for (const char* f : {"nap-2018-2020/nap-2018-2020.id.pdf", "nap-2018-2020/nap-2018-2020.en.pdf",
                        "nap-2018-2020/nap-2018-2020.bilingual.pdf", "nap-2018-2020/nap-2018-2020.ogp.xml",
                        "nap-2020-2022/nap-2020-2022.bilingual.pdf"})
    EXPECT_TRUE(std::filesystem::exists(dist / f)) << f;
  // A draft is not submitted to OGP.
  EXPECT_FALSE(std::filesystem::exists(dist / "nap-2020-2022" / "nap-2020-2022.ogp.xml"));
  // The submission in dist/ validates with xmllint and the shipped schema.
  auto x = testing::run_shell("xmllint --noout --schema schemas/ogp-submission.xsd '" +
                              (dist / "nap-2018-2020" / "nap-2018-2020.ogp.xml").string() + "'");
  EXPECT_EQ(x.exit_code, 0) << x.err;
  EXPECT_NE(x.err.find("validates"), std::string::npos) << x.err;
}

TEST(Cli, APublishedBuildsTimingsShowThePlanCachesWorkAfterTheStepsAndInTheTotal) {
  const Published& p = published();
  ASSERT_EQ(p.result.exit_code, 0) << p.result.err;
  // The rows from the first step to the total: every step, then "caching" (the per-plan cache's
  // keys, restores and stores, between the steps), then the total of them all.
  std::istringstream lines(p.result.out);
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("  ") && (!rows.empty() || line.starts_with("  load ")) && !line.starts_with("  cache:") &&
        !line.starts_with("  peak memory:"))
      rows.push_back(line);
  ASSERT_EQ(rows.size(), steps().size() + 2) << p.result.out;
  ASSERT_TRUE(rows[steps().size()].starts_with("  caching ")) << rows[steps().size()];
  ASSERT_TRUE(rows.back().starts_with("  total ")) << rows.back();
  double sum = 0, total = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(rows[i], m, std::regex(R"(([0-9.]+) ms)"))) << rows[i];
    (i + 1 < rows.size() ? sum : total) += std::stod(m[1]);
  }
  EXPECT_GT(total, 0);
  EXPECT_NEAR(sum, total, total * 0.01 + 1) << p.result.out;
}

TEST(Cli, AFailedBuildLeavesTheOutFolderExactlyAsItWas) {
  namespace fs = std::filesystem;
  testing::TempDir dir("cli-untouched");
  const auto dist = dir.path() / "dist";
  fs::create_directories(dist / "old");
  std::ofstream(dist / "old" / "keep.txt") << "published before";
  std::ofstream(dist / "index.html") << "<p>old site</p>";
  const auto before = snapshot(dist);

  // Content with an error: nothing is written.
  const auto broken = dir.path() / "plan";
  fs::copy(testing::fixtures_dir() / "check" / "base", broken, fs::copy_options::recursive);
  fs::copy(testing::fixtures_dir() / "check" / "c003-milestone-outside", broken,
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  CommandResult r = run("build '" + broken.string() + "' --out '" + dist.string() + "' --cache-dir '" +
                        (dir.path() / "cache").string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error[C003]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(dist), before);

  // Pandoc missing: the same.
  CommandResult p = run_with_env("RENAKSI_PANDOC=/no/such/pandoc ", "build content --out '" + dist.string() +
                                                                      "' --cache-dir '" + (dir.path() / "empty-cache").string() + "'");
  EXPECT_EQ(p.exit_code, 1);
  EXPECT_NE(p.err.find("error[P001]"), std::string::npos) << p.err;
  EXPECT_EQ(snapshot(dist), before);
}

TEST(Cli, BuildOutPublishesTheSiteWithTheSiteUrlInItsSitemap) {
  const Published& p = published();
  ASSERT_EQ(p.result.exit_code, 0) << p.result.err;
  const auto& out = p.dist;
  for (const char* f : {"site/index.html", "site/id/index.html", "site/en/nap-2018-2020/10-lapor-sp4n-quality/index.html",
                        "site/sitemap.xml", "site/assets/site.css"})
    EXPECT_TRUE(std::filesystem::exists(out / f)) << f;
  std::stringstream sitemap;
  sitemap << std::ifstream(out / "site" / "sitemap.xml").rdbuf();
  EXPECT_NE(sitemap.str().find("<loc>https://archive.example/nap/id/nap-2018-2020/</loc>"), std::string::npos);

  testing::TempDir dir("cli-site");
  CommandResult e = run_with_env("RENAKSI_SITE_URL=https://env.example/ ", "build tests/fixtures/check/base --out '" +
                                     (dir.path() / "dist2").string() + "' --cache-dir '" + (dir.path() / "cache").string() + "'");
  EXPECT_EQ(e.exit_code, 0) << e.err;
  std::stringstream sitemap2;
  sitemap2 << std::ifstream(dir.path() / "dist2" / "site" / "sitemap.xml").rdbuf();
  EXPECT_NE(sitemap2.str().find("<loc>https://env.example/en/</loc>"), std::string::npos) << sitemap2.str().substr(0, 300);
}

TEST(Cli, CodesListsTheCatalogue) {
  CommandResult r = run("codes");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("C005"), std::string::npos);
  EXPECT_NE(r.out.find("L002"), std::string::npos);
}

}  // namespace
}  // namespace renaksi
