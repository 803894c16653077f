// The output folder: claimed, locked, and replaced whole by an atomic exchange.
#include "publish/output_folder.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "env/folder_tree.h"
#include "env/limits.h"

namespace renaksi {

namespace fs = std::filesystem;

namespace {

// The published folder's record, in the work folder (not in the output, which is published as
// the build made it).
constexpr const char* kRecordName = "published";

// The previous build, kept by the last publish for the next build's staging folder.
constexpr const char* kPreviousName = "previous";

constexpr const char* kMarkerText =
    "This folder was written by renaksi. Each build replaces it whole: do not keep other files here.\n";

std::string errno_text(int e) { return std::strerror(e); }

// `a` equals `b` or lies inside it (both absolute and canonical).
bool within(const fs::path& a, const fs::path& b) {
  auto ai = a.begin(), bi = b.begin();
  for (; bi != b.end(); ++ai, ++bi) {
    if (bi->empty()) continue;  // a trailing separator
    if (ai == a.end() || *ai != *bi) return false;
  }
  return true;
}

// The folder as given, absolute, normalised, without a trailing separator ("dist/" is "dist").
fs::path normalised(const fs::path& p) {
  fs::path t = fs::absolute(p).lexically_normal();
  while (!t.has_filename() && t.has_relative_path()) t = t.parent_path();
  return t;
}

// The path with every symbolic link resolved, as far as it exists.
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(fs::absolute(p), ec);
  return ec ? normalised(p) : normalised(r);
}

}  // namespace

bool path_within(const fs::path& a, const fs::path& b) { return within(resolved(a), resolved(b)); }

namespace {

// An output path is relative, '/'-separated, with no empty, "." or ".." part: it cannot leave
// the staging folder.
bool safe_relative(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view part(path.data() + start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

// Replaces `to` with `from` in one step, the old `to` left at `from`; or moves `from` to a
// missing `to`. Returns 0 or the errno.
int exchange(const fs::path& from, const fs::path& to, bool to_exists) {
  const unsigned flags = to_exists ? RENAME_EXCHANGE : RENAME_NOREPLACE;
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), flags) == 0) return 0;
  return errno;
}

// Removes what an interrupted build left in the work folder (staging and previous builds, and the
// temporary file of a record it was killed while writing: `published.tmp.PID.N`), and what
// renaksi before 0.2 left beside the output folder (`.<name>.staging-PID`, `.<name>.old-PID`).
// When the output folder itself is missing, the newest previous build is put back first.
void remove_leftovers(const fs::path& target, const fs::path& work) {
  std::error_code ec;
  const bool target_missing = !fs::exists(fs::symlink_status(target, ec));
  const std::string name = target.filename().string();
  std::vector<fs::path> stale, stale_files;
  fs::path restore;
  size_t seen = 0;
  for (const fs::path& dir : {work, target.parent_path()}) {
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end && seen < 100000; it.increment(ec), ++seen) {
      const std::string f = it->path().filename().string();
      const std::string prefix = dir == work ? "" : "." + name + ".";
      if (dir == work && f.starts_with(std::string(kRecordName) + ".tmp.")) {
        if (it->is_regular_file(ec) && !it->is_symlink(ec)) stale_files.push_back(it->path());
        continue;
      }
      const bool old = f.starts_with(prefix + "old-");
      if (!old && !f.starts_with(prefix + "staging-")) continue;
      if (it->is_symlink(ec) || !it->is_directory(ec)) continue;
      if (old && target_missing && restore.empty()) restore = it->path();
      else stale.push_back(it->path());
    }
    ec.clear();
  }
  if (!restore.empty()) fs::rename(restore, target, ec);
  for (const auto& p : stale) remove_folder_tree(p, ec);
  for (const auto& p : stale_files) fs::remove(p, ec);
}

// Keeps `replaced` (the build just replaced) as the work folder's previous build, for the next
// build's staging folder; an older one still there (a build that did not take it) goes first.
// One that cannot be moved there is removed.
std::error_code keep_previous(const fs::path& work, const fs::path& replaced) {
  std::error_code ec;
  const fs::path kept = work / kPreviousName;
  remove_folder_tree(kept, ec);  // nothing there is not an error
  ec.clear();
  if (::rename(replaced.c_str(), kept.c_str()) == 0) return ec;
  remove_folder_tree(replaced, ec);
  return ec;
}

}  // namespace

bool replaceable_output(const fs::path& dir, std::string& why) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(dir, ec);
  if (!fs::exists(st)) return true;
  if (fs::is_symlink(st)) {
    why = "is a symbolic link; give the folder itself as --out";
    return false;
  }
  if (!fs::is_directory(st)) {
    why = fs::is_regular_file(st) ? "is a file, not a folder" : "is not a folder";
    return false;
  }
  if (fs::is_regular_file(fs::symlink_status(dir / kOutputMarker, ec))) return true;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    why = "cannot be read: " + ec.message();
    return false;
  }
  if (it == fs::directory_iterator()) return true;
  why = "is not empty and was not written by renaksi (it has no " + std::string(kOutputMarker) +
        "); renaksi replaces its output folder whole, so give a new or empty folder, or remove this one yourself";
  return false;
}

std::optional<OutputFolder> OutputFolder::claim(const fs::path& out_dir, const std::vector<fs::path>& protect,
                                                Diagnostics& diags) {
  const fs::path target = normalised(out_dir);
  const std::string shown = out_dir.generic_string();
  bool ok = true;
  if (!target.has_filename() || target.filename() == "." || target.filename() == "..") {
    diags.error(Code::X002, {shown, 0, 0}, "is not a folder renaksi can replace");
    return std::nullopt;
  }
  std::string why;
  if (!replaceable_output(target, why)) {
    diags.error(Code::X002, {shown, 0, 0}, "--out " + why);
    ok = false;
  }
  const fs::path real_target = resolved(target);
  for (const auto& p : protect) {
    if (p.empty()) continue;
    const fs::path real = resolved(p);
    if (within(real, real_target))
      diags.error(Code::X003, {shown, 0, 0},
                  "--out would replace " + p.generic_string() + ", which the build reads; choose a folder outside it");
    else if (within(real_target, real))
      diags.error(Code::X003, {shown, 0, 0},
                  "--out lies inside " + p.generic_string() + ", which the build reads; choose a folder outside it");
    else
      continue;
    ok = false;
  }
  if (!ok) return std::nullopt;

  std::error_code ec;
  const fs::path parent = target.parent_path();
  const fs::path work = parent / ("." + target.filename().string() + ".renaksi");
  fs::create_directories(parent, ec);
  if (ec) {
    diags.error(Code::X001, {parent.generic_string(), 0, 0}, "cannot create the folder: " + ec.message());
    return std::nullopt;
  }
  const fs::file_status ws = fs::symlink_status(work, ec);
  if (fs::exists(ws) && (!fs::is_directory(ws) || fs::is_symlink(ws))) {
    diags.error(Code::X002, {work.generic_string(), 0, 0}, "renaksi's work folder for --out is taken by something else");
    return std::nullopt;
  }
  if (::mkdir(work.c_str(), 0755) != 0 && errno != EEXIST) {
    diags.error(Code::X001, {work.generic_string(), 0, 0}, "cannot create renaksi's work folder: " + errno_text(errno));
    return std::nullopt;
  }
  const fs::path lock_path = work / "lock";
  UniqueFd lock(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644));
  if (!lock) {
    diags.error(Code::X001, {lock_path.generic_string(), 0, 0}, "cannot open the lock: " + errno_text(errno));
    return std::nullopt;
  }
  int r;
  do r = ::flock(lock.get(), LOCK_EX | LOCK_NB);
  while (r != 0 && errno == EINTR);
  if (r != 0) {
    if (errno == EWOULDBLOCK)
      diags.error(Code::X004, {shown, 0, 0},
                  "another renaksi build is writing this folder (it holds " + lock_path.generic_string() +
                      "); wait for it to finish");
    else
      diags.error(Code::X001, {lock_path.generic_string(), 0, 0}, "cannot take the lock: " + errno_text(errno));
    return std::nullopt;
  }
  remove_leftovers(target, work);
  return OutputFolder(target, work, std::move(lock));
}

OutputFolder::OutputFolder(OutputFolder&& other) noexcept
    : target_(std::move(other.target_)), work_(std::move(other.work_)), lock_(std::move(other.lock_)),
      stage_(std::move(other.stage_)), previous_(std::move(other.previous_)) {
  other.stage_.clear();
}

OutputFolder& OutputFolder::operator=(OutputFolder&& other) noexcept {
  if (this == &other) return *this;
  if (!stage_.empty()) {
    std::error_code ignored;
    remove_folder_tree(stage_, ignored);
  }
  target_ = std::move(other.target_);
  work_ = std::move(other.work_);
  lock_ = std::move(other.lock_);
  stage_ = std::move(other.stage_);
  previous_ = std::move(other.previous_);
  other.stage_.clear();
  return *this;
}

OutputFolder::~OutputFolder() {
  if (stage_.empty()) return;
  std::error_code ignored;
  remove_folder_tree(stage_, ignored);
}

std::optional<fs::path> OutputFolder::staging(Diagnostics& diags, bool from_previous) {
  if (!stage_.empty()) return stage_;
  std::error_code ec;
  const fs::path stage = work_ / ("staging-" + std::to_string(::getpid()));
  remove_folder_tree(stage, ec);
  // The previous build kept by the last publish, moved into place (a folder of renaksi's own: a
  // link or anything else there is not used) and read whole; one that cannot be is removed.
  const fs::path previous = work_ / kPreviousName;
  const fs::file_status st = from_previous ? fs::symlink_status(previous, ec) : fs::file_status();
  if (fs::is_directory(st) && !fs::is_symlink(st) && ::rename(previous.c_str(), stage.c_str()) == 0) {
    previous_ = PreviousTree::read(stage, limits::kMaxPublishedEntries);
    if (previous_) {
      stage_ = stage;
      return stage_;
    }
    remove_folder_tree(stage, ec);
  }
  ec.clear();
  if (!fs::create_directory(stage, ec)) {
    diags.error(Code::X001, {stage.generic_string(), 0, 0}, "cannot create the staging folder: " + ec.message());
    return std::nullopt;
  }
  stage_ = stage;
  return stage_;
}

std::optional<PublishedRecord> OutputFolder::up_to_date(const std::string& archive_key) const {
  std::optional<PublishedRecord> record = read_published_record(work_ / kRecordName);
  if (!record || record->archive_key != archive_key) return std::nullopt;
  const std::optional<std::string> tree = output_tree_digest(target_);
  if (!tree || *tree != record->tree) return std::nullopt;
  return record;
}

bool OutputFolder::publish(const Outputs& outputs, Diagnostics& diags, std::optional<PublishedRecord> record) {
  std::string why;
  if (!replaceable_output(target_, why)) {  // it may have changed while the build ran
    diags.error(Code::X002, {target_.generic_string(), 0, 0}, "--out " + why);
    return false;
  }
  std::error_code ec;
  const auto staged = staging(diags);
  if (!staged) return false;
  const fs::path stage = *staged;
  auto fail = [&](Code code, const fs::path& where, const std::string& what) {
    diags.error(code, {where.generic_string(), 0, 0}, what);
    std::error_code ignored;
    remove_folder_tree(stage, ignored);
    stage_.clear();
    return false;
  };
  if (!outputs.folder().empty() && outputs.folder() != stage)
    return fail(Code::X001, target_, "the outputs were written outside the staging folder (internal error)");
  for (const auto& problem : outputs.write_errors()) {
    const size_t colon = problem.find(": ");
    diags.error(Code::X001, {(target_ / problem.substr(0, colon)).generic_string(), 0, 0},
                colon == std::string::npos ? problem : problem.substr(colon + 2));
  }
  if (!outputs.write_errors().empty()) {
    std::error_code ignored;
    remove_folder_tree(stage, ignored);
    stage_.clear();
    return false;
  }
  for (const auto& [path, bytes] : outputs.files()) {
    if (!safe_relative(path) || path == kOutputMarker)
      return fail(Code::X001, target_ / path, "an output path leaves the output folder (internal error)");
    const fs::path file = stage / fs::path(path);
    fs::create_directories(file.parent_path(), ec);
    if (ec) return fail(Code::X001, target_ / path, "cannot create its folder: " + ec.message());
    if (!write_new_file(file, bytes, why)) return fail(Code::X001, target_ / path, "cannot write the file: " + why);
  }
  // What of the previous build the staging folder began as this build did not write.
  if (outputs.previous()) {
    outputs.previous()->remove_untaken(stage, ec);
    if (ec) return fail(Code::X001, target_, "cannot remove a file of the previous build from the staging folder: " + ec.message());
  }
  if (!write_new_file(stage / kOutputMarker, kMarkerText, why))
    return fail(Code::X001, target_ / kOutputMarker, "cannot write the file: " + why);

  // The record of the folder as it is goes first: from the swap on it would describe the
  // previous build. One that cannot be removed cannot match the new folder's tree either.
  fs::remove(work_ / kRecordName, ec);
  const bool had_old = fs::exists(fs::symlink_status(target_, ec));
  int err = exchange(stage, target_, had_old);
  fs::path replaced = had_old ? stage : fs::path();  // where the previous build is now
  if (err == EINVAL || err == ENOSYS) {
    // A file system without renameat2's flags: two renames. A kill between them leaves the
    // previous build in the work folder, and the next build puts it back (remove_leftovers).
    const fs::path old = work_ / ("old-" + std::to_string(::getpid()));
    err = 0;
    if (had_old && ::rename(target_.c_str(), old.c_str()) != 0) err = errno;
    if (err == 0 && ::rename(stage.c_str(), target_.c_str()) != 0) {
      err = errno;
      if (had_old && ::rename(old.c_str(), target_.c_str()) != 0)
        diags.error(Code::X001, {target_.generic_string(), 0, 0},
                    "the previous build is in " + old.generic_string() + " and could not be moved back");
    }
    if (err == 0 && had_old) replaced = old;
  }
  if (err != 0) return fail(Code::X001, target_, "cannot move the new build into place: " + errno_text(err));
  // After an exchange the staging folder holds the previous build (renaksi's own, or the empty
  // folder that was there): kept for the next build's staging folder, whose unchanged files and
  // folders are then already in place (a 100-plan archive: 18,300 entries neither removed here
  // nor made again there).
  stage_.clear();
  previous_.reset();
  const std::error_code kept = replaced.empty() ? std::error_code() : keep_previous(work_, replaced);
  if (record) {
    if (const std::optional<std::string> tree = output_tree_digest(target_)) {
      record->tree = *tree;
      record->files = outputs.size();
      record->bytes = outputs.total_bytes();
      (void)write_published_record(work_ / kRecordName, *record);
    }
  }
  if (kept)
    diags.warning(Code::X001, {replaced.generic_string(), 0, 0},
                  "the previous build could not be removed (" + kept.message() + "); the next build removes it");
  return true;
}

}  // namespace renaksi
