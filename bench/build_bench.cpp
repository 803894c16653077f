// How fast `renaksi build` is, end to end: the real binary run as a child process (no shell),
// on the default plan, the whole content folder, one plan of 24 and of 240 commitments, and
// synthetic archives of 1, 10 and 100 plans of 25 commitments (bench/synthetic.h), cold (an
// empty cache, no earlier output), warm (nothing changed: the output found up to date), warm
// with the output touched (every plan restored from the per-plan cache, the archive's pages made
// again) and after one commitment changed.
// Prints a table: wall time (median of the runs), CPU time (user + system, Pandoc included),
// renaksi's own peak memory, the PDF pages made and pages per second, and the output's size.
// Then, where pdflatex is on PATH, the time Pandoc takes to make ONE English PDF of the same
// content with --pdf-engine=pdflatex, against renaksi's time for every output.
// Under each cold build, the site's search data by language against its budget (search_sizes).
//
//   build_bench [--renaksi PATH] [--content DIR] [--work DIR] [--runs N] [--plans 1,10,100]
//               [--archive-plans N] [--no-pandoc]
//
// Everything it writes is in --work (default build/bench-work), which it empties first and
// removes at the end; it refuses a folder it did not make (no .renaksi-bench-work marker) that
// is not empty. --archive-plans N runs only the N-plan archive, cold and after one change (twice).
// SOURCE_DATE_EPOCH is passed on to renaksi (set to 1700000000 when it is not set), except in
// the "warm, no SOURCE_DATE_EPOCH" rows.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "search_sizes.h"
#include "synthetic.h"

extern char** environ;

namespace fs = std::filesystem;
namespace bench = renaksi::bench;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kMarker = ".renaksi-bench-work";

struct Options {
  fs::path renaksi = RENAKSI_BINARY_DIR "/renaksi";
  fs::path pandoc_edition = RENAKSI_BINARY_DIR "/bench/pandoc_edition";
  fs::path latex_header = RENAKSI_SOURCE_DIR "/bench/pdflatex-unicode.tex";  // spaces pdflatex lacks
  fs::path content = "content";
  fs::path work = "build/bench-work";
  int runs = 5;
  std::vector<int> plans = {1, 10, 100};
  int archive_plans = 0;  // > 0: only that archive
  bool pandoc = true;
  std::string epoch;
};

struct Run {
  bool ok = false;
  int exit_code = -1;
  double wall = 0;        // s
  double cpu = 0;         // s, user + system, children included
};

// Runs `argv` (argv[0] looked up on PATH when it has no slash) with `env`, its output into
// `log`, and waits for it. Nothing reads the child's /proc files meanwhile: sampling its
// /proc/<pid>/status every 5 ms (as this did for the peak) slowed a 240-commitment build from
// 4.8-5.4 s to 7.6-8.2 s on this machine; renaksi reports its own peak (`--timings`).
Run run(const std::vector<std::string>& argv, const std::vector<std::string>& env, const fs::path& log) {
  Run r;
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  if (posix_spawn_file_actions_init(&actions) != 0) return r;
  if (posix_spawnattr_init(&attr) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return r;
  }
  sigset_t none;
  sigemptyset(&none);
  const bool ok = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) == 0 &&
                  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644) == 0 &&
                  posix_spawn_file_actions_adddup2(&actions, 1, 2) == 0 && posix_spawnattr_setsigmask(&attr, &none) == 0 &&
                  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK) == 0;
  pid_t pid = -1;
  const auto start = Clock::now();
  if (ok) {
    const int e = argv[0].find('/') == std::string::npos ? posix_spawnp(&pid, args[0], &actions, &attr, args.data(), envp.data())
                                                          : posix_spawn(&pid, args[0], &actions, &attr, args.data(), envp.data());
    if (e != 0) {
      std::fprintf(stderr, "build_bench: cannot start %s: %s\n", argv[0].c_str(), std::strerror(e));
      pid = -1;
    }
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (pid > 0) {
    int status = 0;
    struct rusage ru {};
    for (;;) {  // bounded: wait4 returns when the child ends, or fails other than by a signal
      const pid_t w = wait4(pid, &status, 0, &ru);
      if (w == pid) break;
      if (w < 0 && errno != EINTR) {
        std::fprintf(stderr, "build_bench: wait4: %s\n", std::strerror(errno));
        return r;
      }
    }
    r.wall = std::chrono::duration<double>(Clock::now() - start).count();
    r.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  return r;
}

// The environment of the child: ours, with SOURCE_DATE_EPOCH set to `epoch` or removed.
std::vector<std::string> child_env(const std::string& epoch) {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e)
    if (std::strncmp(*e, "SOURCE_DATE_EPOCH=", 18) != 0) env.emplace_back(*e);
  if (!epoch.empty()) env.push_back("SOURCE_DATE_EPOCH=" + epoch);
  return env;
}

// The peak renaksi reports of itself with --timings ("  peak memory: 214.3 MiB resident ...").
std::optional<double> reported_peak_mib(const std::string& log) {
  const std::string key = "  peak memory: ";
  const size_t at = log.rfind(key);
  if (at == std::string::npos) return std::nullopt;
  char* end = nullptr;
  const double mib = std::strtod(log.c_str() + at + key.size(), &end);
  if (end == log.c_str() + at + key.size() || std::strncmp(end, " MiB", 4) != 0) return std::nullopt;
  return mib;
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string d; std::getline(dirs, d, ':');)
    if (!d.empty() && ::access((fs::path(d) / program).c_str(), X_OK) == 0) return true;
  return false;
}

// Removes a folder of the benchmark's own; a file that went away meanwhile is not a failure
// (std::filesystem::remove_all throws then), anything else is said and returned.
bool remove_tree(const fs::path& p) {
  std::error_code ec;
  for (int attempt = 0; attempt < 3; ++attempt) {
    fs::remove_all(p, ec);
    if (!ec) return true;
  }
  std::fprintf(stderr, "build_bench: cannot remove %s: %s\n", p.c_str(), ec.message().c_str());
  return false;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The pages of a PDF: the largest /Count of a /Type /Pages dictionary written in the clear
// (libharu's way). 0 when there is none (a compressed page tree).
long pdf_pages_parsed(const std::string& pdf) {
  long pages = 0;
  for (size_t i = pdf.find("/Pages"); i != std::string::npos; i = pdf.find("/Pages", i + 6)) {
    if (i + 6 < pdf.size() && std::isalpha(static_cast<unsigned char>(pdf[i + 6]))) continue;  // /PagesX
    const size_t open = pdf.rfind("<<", i), close = pdf.find(">>", i);
    if (open == std::string::npos || close == std::string::npos || i - open > 4096) continue;
    const std::string_view dict(pdf.data() + open, close - open);
    if (dict.find("/Type") == std::string_view::npos) continue;
    const size_t c = dict.find("/Count");
    if (c == std::string_view::npos) continue;
    pages = std::max(pages, std::strtol(std::string(dict.substr(c + 6, 16)).c_str(), nullptr, 10));
  }
  return pages;
}

// The pages of a PDF: parsed, else by poppler's pdfinfo when it is installed.
long pdf_pages(const fs::path& file, const fs::path& work) {
  if (const long n = pdf_pages_parsed(read_file(file)); n > 0) return n;
  if (!on_path("pdfinfo")) return 0;
  const fs::path log = work / "pdfinfo.txt";
  fs::remove(log);
  if (!run({"pdfinfo", file.string()}, child_env(""), log).ok) return 0;
  std::istringstream lines(read_file(log));
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("Pages:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return 0;
}

// The PDF pages of the plans under `out` (out/<plan>/*.pdf; the site's copies are not
// counted), or of the one plan `only`.
long output_pages(const fs::path& out, const fs::path& work, const std::string& only = "") {
  long pages = 0;
  std::error_code ec;
  for (fs::directory_iterator d(out, ec), end; !ec && d != end; d.increment(ec)) {
    if (!d->is_directory() || d->path().filename() == "site") continue;
    if (!only.empty() && d->path().filename() != only) continue;
    for (fs::directory_iterator f(d->path(), ec), fend; !ec && f != fend; f.increment(ec))
      if (f->path().extension() == ".pdf") pages += pdf_pages(f->path(), work);
  }
  return pages;
}

double folder_mib(const fs::path& dir) {
  uintmax_t bytes = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) bytes += it->file_size(ec);
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

struct Row {
  std::string what;
  int runs = 0;
  double wall = 0, cpu = 0, peak = 0;
  long pages = -1;  // -1: none made (nothing changed)
  double out_mib = 0;
};

void print_header() {
  std::printf("%-56s %4s %9s %9s %9s %7s %9s %9s\n", "build", "runs", "wall s", "CPU s", "peak MiB", "pages", "pages/s",
              "out MiB");
  std::fflush(stdout);
}

void print_row(const Row& r) {
  char pages[32] = "-", rate[32] = "-";
  if (r.pages >= 0) {
    std::snprintf(pages, sizeof pages, "%ld", r.pages);
    std::snprintf(rate, sizeof rate, "%.0f", static_cast<double>(r.pages) / r.wall);
  }
  std::printf("%-56s %4d %9.2f %9.2f %9.0f %7s %9s %9.1f\n", r.what.c_str(), r.runs, r.wall, r.cpu, r.peak, pages, rate,
              r.out_mib);
  std::fflush(stdout);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

class Bench {
 public:
  explicit Bench(Options o) : o_(std::move(o)) {}

  // `renaksi build INPUT --out OUT --cache-dir CACHE`, `runs` times; cold runs start each
  // from an empty cache and no output. The row's figures: median wall and CPU, largest peak.
  // `touch`: before each run the output's marker is touched, so the output is not as the last
  // build left it and the build cannot find it up to date: every plan comes from the per-plan
  // cache and the archive's pages are made and published again.
  std::optional<Row> measure(const std::string& what, const fs::path& input, const fs::path& out, const fs::path& cache, int runs,
                             bool cold, bool with_epoch, bool touch = false) {
    Row row{what, runs};
    std::vector<double> walls, cpus;
    for (int i = 0; i < runs; ++i) {
      if (cold && !(remove_tree(out) && remove_tree(cache))) return std::nullopt;
      if (touch) {
        std::error_code ec;
        fs::last_write_time(out / ".renaksi-output", fs::file_time_type::clock::now(), ec);
      }
      const fs::path log = o_.work / "renaksi.log";
      fs::remove(log);
      // What the last build wrote (100 MB for 240 commitments) is on disk before this one starts,
      // so a build is not timed while the kernel still writes out the one before it.
      ::sync();
      const Run r = run({o_.renaksi.string(), "build", input.string(), "--out", out.string(), "--cache-dir", cache.string(),
                         "--pandoc-timeout", "3600", "--timings"},
                        child_env(with_epoch ? o_.epoch : ""), log);
      if (!r.ok) {
        std::fprintf(stderr, "build_bench: %s: renaksi exited %d; its output:\n%s\n", what.c_str(), r.exit_code,
                     read_file(log).substr(0, 4000).c_str());
        return std::nullopt;
      }
      const std::optional<double> peak = reported_peak_mib(read_file(log));
      if (!peak) {
        std::fprintf(stderr, "build_bench: %s: renaksi --timings gave no \"peak memory\" line\n", what.c_str());
        return std::nullopt;
      }
      walls.push_back(r.wall);
      cpus.push_back(r.cpu);
      row.peak = std::max(row.peak, *peak);
    }
    row.wall = median(walls);
    row.cpu = median(cpus);
    row.out_mib = folder_mib(out);
    return row;
  }

  // Cold, then (unless `cold_only`) warm with and without SOURCE_DATE_EPOCH.
  bool plan_rows(const std::string& what, const fs::path& input, int runs, bool cold_only, bool warm_without_epoch,
                 std::vector<Row>* keep = nullptr) {
    const fs::path out = o_.work / "out", cache = o_.work / "cache";
    auto cold = measure(what + ", cold", input, out, cache, runs, true, true);
    if (!cold) return false;
    cold->pages = output_pages(out, o_.work);
    print_row(*cold);
    bench::print_search_sizes(out / "site");
    if (keep) keep->push_back(*cold);
    if (cold_only) return true;
    auto warm = measure(what + ", warm (nothing changed)", input, out, cache, runs, false, true);
    if (!warm) return false;
    print_row(*warm);
    auto touched = measure(what + ", warm, output touched", input, out, cache, runs, false, true, true);
    if (!touched) return false;
    print_row(*touched);
    if (!warm_without_epoch) return true;
    auto bare = measure(what + ", warm, no SOURCE_DATE_EPOCH", input, out, cache, runs, false, false);
    if (!bare) return false;
    print_row(*bare);
    return true;
  }

  bool synthetic(const fs::path& dir, int plans, int per_plan) {
    if (!remove_tree(dir)) return false;
    std::string error;
    if (!source_loaded_) {
      if (!source_.load(o_.content / "nap-2018-2020", error)) {
        std::fprintf(stderr, "build_bench: %s\n", error.c_str());
        return false;
      }
      source_loaded_ = true;
    }
    if (!bench::write_synthetic_archive(source_, dir, plans, per_plan, error)) {
      std::fprintf(stderr, "build_bench: %s\n", error.c_str());
      return false;
    }
    return true;
  }

  // The archive of `plans` plans, cold, then after commitment 1 of plan 1 changed.
  bool archive_rows(int plans, bool changed) {
    const fs::path dir = o_.work / ("archive-" + std::to_string(plans));
    if (!synthetic(dir, plans, 25)) return false;
    const std::string what = "archive " + std::to_string(plans) + " plan" + (plans == 1 ? "" : "s") + " x 25";
    const int runs = plans == 1 ? o_.runs : 1;
    if (!plan_rows(what, dir, runs, true, false)) return false;
    if (changed) {
      std::string error;
      if (!bench::change_synthetic_commitment(source_, dir, 1, 1, 1, error)) {
        std::fprintf(stderr, "build_bench: %s\n", error.c_str());
        return false;
      }
      auto row = measure(what + ", one commitment changed", dir, o_.work / "out", o_.work / "cache", 1, false, true);
      if (!row) return false;
      row->pages = output_pages(o_.work / "out", o_.work, bench::synthetic_plan_id(1));
      print_row(*row);
      // Changed again: the steady state of an editor's loop, where the build the last one
      // replaced is kept and this one's staging folder begins as it (the row above is the first
      // rebuild after a cold build, which has none to begin from).
      if (!bench::change_synthetic_commitment(source_, dir, 1, 1, 2, error)) {
        std::fprintf(stderr, "build_bench: %s\n", error.c_str());
        return false;
      }
      auto again = measure(what + ", changed again (reuses previous)", dir, o_.work / "out", o_.work / "cache", 1, false, true);
      if (!again) return false;
      again->pages = output_pages(o_.work / "out", o_.work, bench::synthetic_plan_id(1));
      print_row(*again);
    }
    remove_tree(dir);
    return true;
  }

  // Pandoc → pdflatex for the English edition of `plan`, against renaksi's cold build of it.
  // Returns the row's line.
  std::string pandoc_row(const std::string& what, const fs::path& plan, const Row& renaksi, int runs) {
    char line[512];
    const fs::path json = o_.work / "edition.en.json", pdf = o_.work / "edition.en.pdf", log = o_.work / "pandoc.log";
    fs::remove(log);
    const Run made = run({o_.pandoc_edition.string(), plan.string(), "en", json.string(), "--cache-dir", (o_.work / "cache").string()},
                         child_env(o_.epoch), log);
    if (!made.ok) return "  " + what + ": the English edition could not be composed:\n" + read_file(log).substr(0, 2000) + "\n";
    std::vector<double> walls, cpus;
    for (int i = 0; i < runs; ++i) {
      fs::remove(pdf);
      const Run r = run({"pandoc", "-f", "json", "-o", pdf.string(), "--pdf-engine=pdflatex", "-H", o_.latex_header.string(), json.string()}, child_env(o_.epoch), log);
      if (!r.ok)
        return "  " + what + ": pandoc --pdf-engine=pdflatex failed (exit " + std::to_string(r.exit_code) + "):\n" +
               read_file(log).substr(0, 2000) + "\n";
      walls.push_back(r.wall);
      cpus.push_back(r.cpu);
    }
    const double wall = median(walls);
    const long pages = pdf_pages(pdf, o_.work);
    std::snprintf(line, sizeof line, "  %-54s %4d %9.2f %9.2f %9s %7ld %9.0f   renaksi, every output: %.2f s (%.1fx %s)\n",
                  what.c_str(), runs, wall, median(cpus), "", pages, static_cast<double>(pages) / wall, renaksi.wall,
                  renaksi.wall < wall ? wall / renaksi.wall : renaksi.wall / wall, renaksi.wall < wall ? "faster" : "slower");
    return line;
  }

  int main() {
    const auto start = Clock::now();
    std::printf("renaksi build benchmark: %s, SOURCE_DATE_EPOCH=%s, %d runs of the small builds (median), %ld cores\n",
                o_.renaksi.c_str(), o_.epoch.c_str(), o_.runs, ::sysconf(_SC_NPROCESSORS_ONLN));
    std::printf("(wall: median; CPU: user+system incl. Pandoc; peak: renaksi's own resident high-water mark;\n"
                " pages: PDF pages made, of the changed plan after a change)\n\n");
    print_header();
    bool ok = true;
    std::vector<Row> kept;
    if (o_.archive_plans > 0) {
      ok = archive_rows(o_.archive_plans, true);
    } else {
      const fs::path plan = o_.content / "nap-2018-2020";
      const bool latex = o_.pandoc && on_path("pdflatex") && on_path("pandoc");
      std::string latex_rows;
      ok = plan_rows("default plan (nap-2018-2020)", plan, o_.runs, false, true, &kept);
      if (ok && latex) latex_rows += pandoc_row("default plan, English PDF", plan, kept[0], std::min(o_.runs, 3));
      ok = ok && plan_rows("content/ (" + std::to_string(count_plans(o_.content)) + " plans)", o_.content, o_.runs, false, true);
      const fs::path p24 = o_.work / "plan-24", p240 = o_.work / "plan-240";
      ok = ok && synthetic(p24, 1, 24) && plan_rows("one plan, 24 commitments", p24 / bench::synthetic_plan_id(1), o_.runs, false, false);
      ok = ok && synthetic(p240, 1, 240) &&
           plan_rows("one plan, 240 commitments", p240 / bench::synthetic_plan_id(1), std::min(o_.runs, 3), false, false, &kept);
      if (ok && latex) latex_rows += pandoc_row("one plan of 240, English PDF", p240 / bench::synthetic_plan_id(1), kept[1], 1);
      remove_tree(p24);
      remove_tree(p240);
      for (size_t i = 0; ok && i < o_.plans.size(); ++i) ok = archive_rows(o_.plans[i], i + 1 == o_.plans.size());
      if (o_.pandoc) {
        std::printf("\nPandoc -> pdflatex, ONE English PDF of the same content (pandoc -f json --pdf-engine=pdflatex):\n%s",
                    latex ? latex_rows.c_str() : "  pdflatex not installed (make bench-deps installs it)\n");
      }
    }
    std::printf("\nbenchmark time: %.0f s\n", std::chrono::duration<double>(Clock::now() - start).count());
    return ok ? 0 : 1;
  }

  static int count_plans(const fs::path& content) {
    int n = 0;
    std::error_code ec;
    for (fs::directory_iterator d(content, ec), end; !ec && d != end; d.increment(ec))
      if (fs::exists(d->path() / "plan.xml")) ++n;
    return n;
  }

 private:
  Options o_;
  bench::SyntheticSource source_;
  bool source_loaded_ = false;
};

// Empties `work` when it is ours (holds the marker) or empty, and marks it. False otherwise.
bool claim_work(const fs::path& work) {
  std::error_code ec;
  if (fs::exists(work, ec)) {
    if (!fs::is_directory(work, ec) || (!fs::is_empty(work, ec) && !fs::exists(work / kMarker, ec))) {
      std::fprintf(stderr, "build_bench: %s is not empty and not a benchmark work folder; not touching it\n", work.c_str());
      return false;
    }
    for (fs::directory_iterator d(work, ec), end; !ec && d != end; d.increment(ec))
      if (d->path().filename() != kMarker && !remove_tree(d->path())) return false;
  }
  fs::create_directories(work, ec);
  std::ofstream(work / kMarker) << "renaksi build_bench's work folder: emptied by every run\n";
  return fs::exists(work / kMarker);
}

bool parse_int(const char* s, int lo, int hi, int& out) {
  char* end = nullptr;
  const long v = std::strtol(s, &end, 10);
  if (end == s || *end != '\0' || v < lo || v > hi) return false;
  out = static_cast<int>(v);
  return true;
}

int usage() {
  std::fprintf(stderr,
               "usage: build_bench [--renaksi PATH] [--content DIR] [--work DIR] [--runs N] [--plans 1,10,100]\n"
               "                   [--archive-plans N] [--no-pandoc]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    if (k == "--no-pandoc") {
      o.pandoc = false;
      continue;
    }
    if (i + 1 >= argc) return usage();
    const char* v = argv[++i];
    if (k == "--renaksi") o.renaksi = v;
    else if (k == "--content") o.content = v;
    else if (k == "--work") o.work = v;
    else if (k == "--runs") {
      if (!parse_int(v, 1, 100, o.runs)) return usage();
    } else if (k == "--archive-plans") {
      if (!parse_int(v, 1, 100000, o.archive_plans)) return usage();
    } else if (k == "--plans") {
      o.plans.clear();
      std::istringstream list(v);
      for (std::string n; std::getline(list, n, ',');) {
        int p = 0;
        if (!parse_int(n.c_str(), 1, 100000, p)) return usage();
        o.plans.push_back(p);
      }
      if (o.plans.empty()) return usage();
    } else {
      return usage();
    }
  }
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  o.epoch = epoch && *epoch ? epoch : "1700000000";
  const fs::path work = o.work;
  if (!claim_work(work)) return 1;
  const int rc = Bench(std::move(o)).main();
  std::error_code ec;
  for (fs::directory_iterator d(work, ec), end; !ec && d != end; d.increment(ec))
    if (d->path().filename() != kMarker) remove_tree(d->path());
  return rc;
}
