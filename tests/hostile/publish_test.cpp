// Hostile suite, publishing: --out never replaces what renaksi did not write, never deletes the
// content, and is at every instant the whole previous build or the whole new one.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "hostile/hostile.h"
#include "publish/output_folder.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::build_into;
using testing::has;
using testing::tree_of;

TEST(HostilePublish, OutNamingAPlainFileIsRefusedAndTheFileKept) {
  testing::TempDir dir("hostile-out-file");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path out = dir.path() / "notes.txt";
  testing::write_text(out, "my notes\n");
  const auto r = build_into(plan, out, dir.path() / "cache");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "error[X002]: --out is a file, not a folder")) << r.err;
  EXPECT_TRUE(has(r.err, "nothing was written")) << r.err;
  EXPECT_EQ(testing::read_text(out), "my notes\n");
}

TEST(HostilePublish, OutEqualToThePlanFolderOrItsParentIsRefusedAndTheContentKept) {
  testing::TempDir dir("hostile-out-content");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const auto before = tree_of(dir.path());
  for (const fs::path& out : {plan, dir.path(), plan / "commitments", fs::path(plan.string() + "/")}) {
    const auto r = build_into(plan, out, "/tmp/renaksi-hostile-unused-cache");
    EXPECT_EQ(r.exit_code, 1) << out << "\n" << r.err;
    EXPECT_TRUE(has(r.err, "error[X003]")) << out << "\n" << r.err;
    EXPECT_EQ(tree_of(dir.path()), before) << out;
  }
}

TEST(HostilePublish, OutInsideTheCacheOrHoldingItIsRefused) {
  testing::TempDir dir("hostile-out-cache");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const auto r = build_into(plan, dir.path() / "cache" / "dist", dir.path() / "cache");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "error[X003]")) << r.err;
  EXPECT_FALSE(fs::exists(dir.path() / "cache" / "dist"));
}

TEST(HostilePublish, AUsersFolderIsNeverEmptied) {
  testing::TempDir dir("hostile-out-desktop");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path desktop = dir.path() / "Desktop";
  testing::write_text(desktop / "budget.ods", "numbers");
  testing::write_text(desktop / "photos" / "a.jpg", "jpeg");
  fs::create_symlink("/etc", desktop / "etc-link");
  const auto before = tree_of(desktop);
  const auto r = build_into(plan, desktop, dir.path() / "cache");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "error[X002]: --out is not empty and was not written by renaksi")) << r.err;
  EXPECT_EQ(tree_of(desktop), before);
}

TEST(HostilePublish, AnOutThatIsASymbolicLinkIsRefused) {
  testing::TempDir dir("hostile-out-link");
  const fs::path plan = testing::copy_base_plan(dir.path());
  fs::create_directories(dir.path() / "real");
  fs::create_symlink(dir.path() / "real", dir.path() / "dist");
  const auto r = build_into(plan, dir.path() / "dist", dir.path() / "cache");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "error[X002]: --out is a symbolic link")) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir.path() / "dist"));
  EXPECT_TRUE(fs::is_empty(dir.path() / "real"));
}

TEST(HostilePublish, ATrailingSlashIsTheSameFolderAndAPreviousBuildIsReplacedWhole) {
  testing::TempDir dir("hostile-out-slash");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path out = dir.path() / "dist";
  testing::make_previous_build(out);
  const auto r = build_into(plan, out.string() + "/", dir.path() / "cache");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_regular_file(out / "fixture-plan" / "fixture-plan.en.pdf")) << r.out;
  EXPECT_TRUE(fs::is_regular_file(out / kOutputMarker));
  EXPECT_FALSE(fs::exists(out / "plan" / "plan.en.pdf")) << "the previous build's files are gone";
  EXPECT_FALSE(fs::exists(dir.path() / "dist/" / "dist")) << "not nested";
  // Nothing is left beside it but renaksi's work folder, which holds only the lock, the record
  // of what was published (a later build with the same inputs finds it up to date) and the
  // build it replaced (the next build's staging folder begins as it).
  std::vector<std::string> beside;
  for (const auto& e : fs::directory_iterator(dir.path())) beside.push_back(e.path().filename().string());
  std::sort(beside.begin(), beside.end());
  EXPECT_EQ(beside, (std::vector<std::string>{".dist.renaksi", "cache", "dist", "plan"}));
  EXPECT_EQ(testing::work_folder_of(out), (std::vector<std::string>{"lock", "previous", "published"}));
}

// `make` publishes into dist/ inside the source tree, which is also the data folder: the data
// folder's layouts/ and locales/ are protected, not the whole tree.
TEST(HostilePublish, AnOutInsideTheDataFolderIsFineButNotItsLayoutsOrLocales) {
  testing::TempDir dir("hostile-out-data");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path data = dir.path() / "data";
  fs::create_directories(data);
  fs::copy(testing::source_dir() / "layouts", data / "layouts", fs::copy_options::recursive);
  fs::copy(testing::source_dir() / "locales", data / "locales", fs::copy_options::recursive);
  fs::copy(testing::source_dir() / "templates", data / "templates", fs::copy_options::recursive);
  const std::string env = "RENAKSI_DATA_DIR=" + testing::shell_quote(data.string()) + " ";
  auto r = testing::run_shell(env + testing::build_command(plan, data / "dist", dir.path() / "cache"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_regular_file(data / "dist" / kOutputMarker));
  const auto before = tree_of(data / "locales");
  r = testing::run_shell(env + testing::build_command(plan, data / "locales", dir.path() / "cache"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "error[X003]")) << r.err;
  EXPECT_EQ(tree_of(data / "locales"), before);
}

TEST(HostilePublish, AnEmptyFolderIsUsed) {
  testing::TempDir dir("hostile-out-empty");
  const fs::path plan = testing::copy_base_plan(dir.path());
  fs::create_directories(dir.path() / "dist");
  const auto r = build_into(plan, dir.path() / "dist", dir.path() / "cache");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "dist" / kOutputMarker));
  EXPECT_TRUE(fs::is_directory(dir.path() / "dist" / "site"));
}

TEST(HostilePublish, ASecondBuildIntoTheSameFolderFailsClearlyWhileTheFirstHoldsIt) {
  testing::TempDir dir("hostile-out-lock");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path out = dir.path() / "dist";
  testing::make_previous_build(out);
  const auto before = tree_of(out);
  // Another build holds the lock (as `renaksi build` does from claim to publish).
  fs::create_directories(dir.path() / ".dist.renaksi");
  const int fd = ::open((dir.path() / ".dist.renaksi" / "lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  const auto r = build_into(plan, out, dir.path() / "cache");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "error[X004]: another renaksi build is writing this folder")) << r.err;
  EXPECT_EQ(tree_of(out), before);
  ::close(fd);
  const auto again = build_into(plan, out, dir.path() / "cache");
  EXPECT_EQ(again.exit_code, 0) << again.err;
}

TEST(HostilePublish, TwoBuildsAtOnceLeaveOneWholeBuild) {
  testing::TempDir dir("hostile-out-race");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path out = dir.path() / "dist";
  const std::string cmd = testing::build_command(plan, out, dir.path() / "cache");
  const auto r = testing::run_shell("(" + cmd + " >/dev/null 2>&1; echo $? > " + testing::shell_quote((dir.path() / "a").string()) +
                                    ") & (" + cmd + " >/dev/null 2>&1; echo $? > " +
                                    testing::shell_quote((dir.path() / "b").string()) + "); wait");
  const std::string a = testing::read_text(dir.path() / "a"), b = testing::read_text(dir.path() / "b");
  // Each either published or was refused by the lock; at least one published.
  for (const auto& code : {a, b}) EXPECT_TRUE(code == "0\n" || code == "1\n") << code;
  EXPECT_TRUE(a == "0\n" || b == "0\n");
  EXPECT_TRUE(fs::is_regular_file(out / kOutputMarker));
  EXPECT_TRUE(fs::is_directory(out / "site"));
}

TEST(HostilePublish, LeftoversOfAnInterruptedBuildAreRemovedByTheNext) {
  testing::TempDir dir("hostile-out-leftovers");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path out = dir.path() / "dist";
  testing::make_previous_build(out);
  testing::write_text(dir.path() / ".dist.renaksi" / "staging-99999" / "half.pdf", "%PDF-");
  testing::write_text(dir.path() / ".dist.renaksi" / "staging-99998" / "site" / "x.html", "<p>");
  // A build killed while it wrote its record leaves the record's temporary file.
  testing::write_text(dir.path() / ".dist.renaksi" / "published.tmp.99997.0", "{\"version\":");
  // What renaksi 0.1 left when it was killed between its two renames.
  testing::write_text(dir.path() / ".dist.staging-4242" / "a.pdf", "%PDF-");
  testing::write_text(dir.path() / ".dist.old-4242" / "b.pdf", "%PDF-");
  // A user's file with a similar name is not renaksi's.
  testing::write_text(dir.path() / ".dist.notes", "mine");
  const auto r = build_into(plan, out, dir.path() / "cache");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir.path() / ".dist.renaksi" / "staging-99999"));
  EXPECT_FALSE(fs::exists(dir.path() / ".dist.renaksi" / "staging-99998"));
  EXPECT_FALSE(fs::exists(dir.path() / ".dist.renaksi" / "published.tmp.99997.0"));
  EXPECT_FALSE(fs::exists(dir.path() / ".dist.staging-4242"));
  EXPECT_FALSE(fs::exists(dir.path() / ".dist.old-4242"));
  EXPECT_EQ(testing::read_text(dir.path() / ".dist.notes"), "mine");
}

TEST(HostilePublish, APreviousBuildLeftAsideIsPutBackWhenTheOutFolderIsMissing) {
  testing::TempDir dir("hostile-out-restore");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path out = dir.path() / "dist";
  // Killed between "old aside" and "new in" (the two-rename fallback): no dist/ at all.
  testing::make_previous_build(dir.path() / ".dist.renaksi" / "old-777");
  const auto before = tree_of(dir.path() / ".dist.renaksi" / "old-777");
  // A build that fails still puts the previous one back, and changes nothing else.
  const fs::path broken = dir.path() / "broken";
  fs::copy(testing::fixtures_dir() / "check" / "base", broken, fs::copy_options::recursive);
  testing::write_text(broken / "commitments" / "01.xml", "<commitment");
  const auto r = build_into(broken, out, dir.path() / "cache");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(tree_of(out), before);
}

TEST(HostilePublish, AFullDiskFailsCleanlyAndLeavesTheOutFolderAsItWas) {
  testing::TempDir dir("hostile-out-full");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path out = dir.path() / "dist";
  testing::make_previous_build(out);
  const auto before = tree_of(out);
  // A file-size limit makes every write past 64 KiB fail with EFBIG, as a full disk fails
  // with ENOSPC (SIGXFSZ ignored, so the write returns an error instead of killing renaksi).
  const auto r = testing::run_shell("trap '' XFSZ; ulimit -f 128; " + testing::build_command(plan, out, dir.path() / "cache"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "error[X001]")) << r.err;
  EXPECT_EQ(tree_of(out), before);
  EXPECT_EQ(testing::work_folder_of(out), std::vector<std::string>{"lock"}) << "no half-written staging folder is left";
}

// Killed with SIGKILL at many points of a build: the output folder is, every time, the whole
// previous build or the whole new one, and the next build cleans up.
TEST(HostilePublish, KillNineAtAnyPointLeavesTheOldOrTheNewBuildWhole) {
  testing::TempDir dir("hostile-kill");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const fs::path out = dir.path() / "dist";
  const fs::path cache = dir.path() / "cache";
  ASSERT_EQ(build_into(plan, out, cache).exit_code, 0);
  const auto built = tree_of(out);  // what every later build gives (reproducible)
  testing::make_previous_build(dir.path() / "old");
  int old_seen = 0, new_seen = 0;
  for (int i = 0; i < 12; ++i) {
    fs::remove_all(out);
    fs::copy(dir.path() / "old", out, fs::copy_options::recursive);
    const auto old_tree = tree_of(out);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const std::string bin = testing::binary(), p = plan.string(), o = out.string(), c = cache.string();
      ::setenv("SOURCE_DATE_EPOCH", "1543536000", 1);
      ::execl(bin.c_str(), bin.c_str(), "build", p.c_str(), "--out", o.c_str(), "--cache-dir", c.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(40 * i));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const auto now = tree_of(out);
    if (now == old_tree) ++old_seen;
    else if (now == built) ++new_seen;
    else ADD_FAILURE() << "after a kill at " << 40 * i << " ms the output folder is neither build";
  }
  EXPECT_GT(old_seen, 0);
  const auto r = build_into(plan, out, cache);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(tree_of(out), built);
  EXPECT_EQ(testing::work_folder_of(out), (std::vector<std::string>{"lock", "previous", "published"}));
}

TEST(HostilePublish, TheSubmissionNeverReplacesAnotherFileOrWritesIntoTheContent) {
  testing::TempDir dir("hostile-submission-out");
  const fs::path plan = testing::copy_base_plan(dir.path());
  const auto plan_before = tree_of(plan);
  const std::string bin = testing::shell_quote(testing::binary()) + " submission " + testing::shell_quote(plan.string());
  auto r = testing::run_shell(bin + " -o " + testing::shell_quote((plan / "plan.xml").string()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "error[X002]")) << r.err;
  EXPECT_EQ(tree_of(plan), plan_before);
  testing::write_text(dir.path() / "thesis.xml", "<thesis/>");
  r = testing::run_shell(bin + " -o " + testing::shell_quote((dir.path() / "thesis.xml").string()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, (dir.path() / "thesis.xml").string() +
                             ": error[X002]: exists and is not an OGP submission; renaksi replaces only a submission it wrote"))
      << r.err;
  EXPECT_EQ(testing::read_text(dir.path() / "thesis.xml"), "<thesis/>");
  // A folder or a FIFO in its place is refused, the FIFO without waiting for a writer.
  fs::create_directory(dir.path() / "folder.xml");
  ASSERT_EQ(::mkfifo((dir.path() / "fifo.xml").c_str(), 0600), 0);
  for (const char* name : {"folder.xml", "fifo.xml"}) {
    r = testing::run_shell("timeout 60 " + bin + " -o " + testing::shell_quote((dir.path() / name).string()));
    EXPECT_EQ(r.exit_code, 1) << name << r.err;
    EXPECT_TRUE(has(r.err, (dir.path() / name).string() + ": error[X002]: exists and is not a file")) << r.err;
  }
  EXPECT_TRUE(fs::is_directory(dir.path() / "folder.xml"));
  EXPECT_TRUE(fs::is_fifo(dir.path() / "fifo.xml"));
  // Its own earlier submission it does replace.
  r = testing::run_shell(bin + " -o " + testing::shell_quote((dir.path() / "sub.xml").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = testing::run_shell(bin + " -o " + testing::shell_quote((dir.path() / "sub.xml").string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace renaksi
