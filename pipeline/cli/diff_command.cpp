// Loading the two drafts (through the normal loader and checker), one of them perhaps from git,
// and printing their difference.
#include "cli/diff_command.h"

#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <optional>

#include "cli/build_command.h"
#include "cli/path_checks.h"
#include "diag/diagnostic.h"
#include "diff/diff_text.h"
#include "diff/history.h"
#include "driver/pipeline.h"
#include "env/file_io.h"
#include "env/limits.h"
#include "env/process.h"

namespace renaksi {

namespace {

namespace fs = std::filesystem;
constexpr std::chrono::seconds kGitTimeout{30};

// A folder under the system's temporary folder, removed with everything in it at the end.
class TempFolder {
 public:
  TempFolder() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "renaksi-diff-XXXXXX").string();
    if (ec) pattern = "/tmp/renaksi-diff-XXXXXX";
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Git {
  std::string error;  // set once a call failed: what to print

  std::optional<std::string> run(const std::vector<std::string>& args, std::size_t max_output = 1 << 20) {
    std::vector<std::string> argv{"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult r = run_process(argv, "", kGitTimeout, {"GIT_TERMINAL_PROMPT=0", "LC_ALL=C"}, max_output);
    if (!r.started) {
      error = "git cannot be run: " + r.error;
      return std::nullopt;
    }
    if (r.timed_out || r.output_too_large) {
      error = "git " + args.back() + (r.timed_out ? " did not finish in time" : " wrote more than renaksi reads");
      return std::nullopt;
    }
    if (r.exit_code != 0) {
      std::string e = r.err;
      while (!e.empty() && (e.back() == '\n' || e.back() == '\r')) e.pop_back();
      error = e.empty() ? "git failed" : e;
      return std::nullopt;
    }
    return r.out;
  }
};

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// Which files of a plan folder a draft is: plan.xml, organisations.xml, commitments/*.xml.
bool plan_file(const std::string& rel) {
  if (rel == "plan.xml" || rel == "organisations.xml") return true;
  return rel.rfind("commitments/", 0) == 0 && rel.find('/', 12) == std::string::npos && rel.size() > 16 &&
         rel.compare(rel.size() - 4, 4, ".xml") == 0;
}

// The plan folder `folder` as it stood at git revision `rev`, written under `into`. Returns the
// written folder, or nullopt with `err` said.
std::optional<fs::path> export_revision(const std::string& folder, const std::string& rev, const fs::path& into,
                                        std::ostream& err) {
  Git git;
  auto fail = [&](const std::string& what) {
    err << "renaksi: " << printable(what) << '\n';
    return std::nullopt;
  };
  const auto top = git.run({"-C", folder, "rev-parse", "--show-toplevel"});
  if (!top) return fail("'" + folder + "' is not in a git repository: " + git.error);
  const auto prefix = git.run({"-C", folder, "rev-parse", "--show-prefix"});
  if (!prefix) return fail(git.error);
  if (!git.run({"-C", folder, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"}))
    return fail("no revision '" + rev + "' in the repository of '" + folder + "'");
  const std::string root = trimmed(*top), pre = trimmed(*prefix);
  const auto listing = git.run({"-C", root, "ls-tree", "-r", "-z", "--name-only", "--end-of-options", rev, "--", pre.empty() ? "." : pre});
  if (!listing) return fail(git.error);
  fs::path name = fs::path(folder).lexically_normal().filename();
  if (name.empty() || name == "." || name == "..") name = "plan";
  const fs::path out = into / name;
  std::error_code ec;
  fs::create_directories(out / "commitments", ec);
  if (ec) return fail("cannot write '" + out.string() + "': " + ec.message());
  std::size_t files = 0, start = 0;
  bool has_plan = false;
  while (start < listing->size()) {
    std::size_t end = listing->find('\0', start);
    if (end == std::string::npos) end = listing->size();
    const std::string path = listing->substr(start, end - start);
    start = end + 1;
    if (path.size() < pre.size() || path.compare(0, pre.size(), pre) != 0) continue;
    const std::string rel = path.substr(pre.size());
    if (!plan_file(rel)) continue;
    if (++files > limits::kMaxFilesPerFolder) return fail("'" + folder + "' at " + rev + " holds more files than renaksi reads");
    const auto bytes = git.run({"-C", root, "show", "--end-of-options", rev + ":" + path}, limits::kMaxInputFileBytes + 1);
    if (!bytes) return fail(git.error);
    std::string why;
    if (!write_new_file(out / rel, *bytes, why)) return fail("cannot write '" + (out / rel).string() + "': " + why);
    if (rel == "plan.xml") has_plan = true;
  }
  if (!has_plan) return fail("'" + folder + "' at " + rev + " is not a plan folder: it has no plan.xml");
  return out;
}

// A draft loaded and checked as `renaksi check` does; its diagnostics printed, naming `shown`
// (the folder as the user knows it) in place of `folder`.
std::optional<Plan> load_draft(const fs::path& folder, const std::string& shown, std::ostream& err, bool& errors) {
  ArchiveBuild a = build_plans({folder}, Env::from_environment(), {.stop_after = "check"});
  const Diagnostics diags = a.all_diagnostics();
  for (Diagnostic d : diags.all()) {
    if (d.loc.file.rfind(folder.string(), 0) == 0) d.loc.file = shown + d.loc.file.substr(folder.string().size());
    err << d.str() << '\n';
  }
  if (diags.has_errors()) errors = true;
  if (a.plans.size() != 1 || !a.plans.front()->loaded.plan_file_ok) return std::nullopt;
  return std::move(a.plans.front()->loaded.plan);
}

std::string check_plan_folder(const std::string& folder) {
  std::string problem = must_be_folder(folder);
  if (!problem.empty()) return problem;
  if (!must_be_file((fs::path(folder) / "plan.xml").string()).empty())
    return "'" + folder + "' is not a plan folder: it has no plan.xml";
  return "";
}

}  // namespace

int run_diff(const DiffOptions& opt, std::ostream& out, std::ostream& err) {
  const bool git_mode = !opt.from.empty() || !opt.to.empty();
  if (opt.folders.empty() || opt.folders.size() > 2 || (git_mode && opt.folders.size() != 1)) {
    err << "renaksi: diff takes OLD NEW (two plan folders), or FOLDER --from REV [--to REV], or FOLDER "
           "(its recorded previous draft)\n";
    return kExitUsage;
  }
  if (!opt.to.empty() && opt.from.empty()) {
    err << "renaksi: diff --to REV needs --from REV\n";
    return kExitUsage;
  }
  TempFolder temp;
  fs::path old_folder, new_folder;
  std::string old_shown, new_shown;
  if (git_mode) {
    const std::string& folder = opt.folders.front();
    if (std::string p = must_be_folder(folder); !p.empty()) {
      err << "renaksi: " << printable(p) << '\n';
      return kExitUsage;
    }
    if (temp.path().empty()) {
      err << "renaksi: cannot make a temporary folder for the revisions\n";
      return kExitUsage;
    }
    auto from = export_revision(folder, opt.from, temp.path() / "from", err);
    if (!from) return kExitUsage;
    old_folder = *from, old_shown = opt.from + ":" + folder;
    if (!opt.to.empty()) {
      auto to = export_revision(folder, opt.to, temp.path() / "to", err);
      if (!to) return kExitUsage;
      new_folder = *to, new_shown = opt.to + ":" + folder;
    } else {
      if (std::string p = check_plan_folder(folder); !p.empty()) {
        err << "renaksi: " << printable(p) << '\n';
        return kExitUsage;
      }
      new_folder = folder, new_shown = folder;
    }
  } else {
    for (const auto& f : opt.folders)
      if (std::string p = check_plan_folder(f); !p.empty()) {
        err << "renaksi: " << printable(p) << '\n';
        return kExitUsage;
      }
    new_folder = opt.folders.back(), new_shown = opt.folders.back();
    if (opt.folders.size() == 2) old_folder = opt.folders.front(), old_shown = opt.folders.front();
  }

  bool errors = false;
  std::optional<Plan> now = load_draft(new_folder, new_shown, err, errors);
  std::optional<Plan> before;
  if (!old_folder.empty()) {
    before = load_draft(old_folder, old_shown, err, errors);
  } else if (now) {
    Diagnostics diags;
    auto recorded = diff::load_recorded_draft(new_folder, *now, diags);
    for (const auto& d : diags.all()) err << d.str() << '\n';
    if (diags.has_errors()) errors = true;
    if (recorded) before = std::move(recorded->plan);
    else if (!diags.has_errors()) {
      err << "renaksi: '" << printable(new_shown) << "' records no previous draft (history/draft-N/); give OLD NEW or --from REV\n";
      return kExitUsage;
    }
  }
  if (errors || !now || !before) return kExitContent;
  const bool colour = opt.colour == Colour::Always || (opt.colour == Colour::Auto && opt.terminal);
  out << diff::render_plan_diff(diff::diff_plans(*before, *now), colour);
  return kExitOk;
}

}  // namespace renaksi
