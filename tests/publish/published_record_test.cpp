// The published output's record reads back whole or not at all, and the digest of an output
// folder changes with any file edited, touched, added, removed or renamed.
#include <gtest/gtest.h>

#include <fstream>

#include "publish/published_record.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

TEST(PublishedRecord, ItReadsBackWholeOrNotAtAll) {
  testing::TempDir dir("published-record");
  PublishedRecord r;
  r.archive_key = "0123456789abcdef0123456789abcdef";
  r.tree = "fedcba9876543210fedcba9876543210";
  r.files = 635;
  r.bytes = 8613888;
  r.archive_diags = {{Severity::Warning, Code::H001, {"site", 0, 0}, "the site"}};
  r.plan_diags = {{}, {{Severity::Warning, Code::C012, {"b/plan.xml", 3, 4}, "no 'en' text"}}};
  const fs::path file = dir.path() / "work" / "published";
  ASSERT_EQ(write_published_record(file, r), "");
  const std::optional<PublishedRecord> back = read_published_record(file);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->archive_key, r.archive_key);
  EXPECT_EQ(back->tree, r.tree);
  EXPECT_EQ(back->files, r.files);
  EXPECT_EQ(back->bytes, r.bytes);
  ASSERT_EQ(back->archive_diags.size(), 1u);
  EXPECT_EQ(back->archive_diags[0].str(), r.archive_diags[0].str());
  ASSERT_EQ(back->plan_diags.size(), 2u);
  EXPECT_TRUE(back->plan_diags[0].empty());
  ASSERT_EQ(back->plan_diags[1].size(), 1u);
  EXPECT_EQ(back->plan_diags[1][0].str(), r.plan_diags[1][0].str());

  // Cut short, a byte changed, or none at all: no record.
  const std::string bytes = testing::file_bytes(file);
  write(file, bytes.substr(0, bytes.size() - 5));
  EXPECT_FALSE(read_published_record(file).has_value());
  std::string flipped = bytes;
  flipped[flipped.size() - 10] ^= 1;
  write(file, flipped);
  EXPECT_FALSE(read_published_record(file).has_value());
  write(file, "");
  EXPECT_FALSE(read_published_record(file).has_value());
  EXPECT_FALSE(read_published_record(dir.path() / "none").has_value());
  fs::remove(file);
  fs::create_directory(file);
  EXPECT_FALSE(read_published_record(file).has_value()) << "a folder is not a record";
}

TEST(OutputTreeDigest, AnyChangeToTheFolderChangesIt) {
  testing::TempDir dir("tree-digest");
  const fs::path out = dir.path() / "dist";
  write(out / "site" / "index.html", "<html>");
  write(out / "plan" / "plan.en.pdf", "%PDF");
  write(out / ".renaksi-output", "marker");
  const std::optional<std::string> first = output_tree_digest(out);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->size(), 32u);
  EXPECT_EQ(output_tree_digest(out), first) << "the same folder, the same digest";

  const auto when = fs::last_write_time(out / "site" / "index.html");
  auto changed = [&](const char* what) {
    const std::optional<std::string> now = output_tree_digest(out);
    ASSERT_TRUE(now.has_value()) << what;
    EXPECT_NE(*now, *first) << what;
  };
  fs::last_write_time(out / "site" / "index.html", when + std::chrono::nanoseconds(1));
  changed("touched");
  fs::last_write_time(out / "site" / "index.html", when);
  EXPECT_EQ(output_tree_digest(out), first) << "put back as it was";

  write(out / "site" / "index.html", "<HTML>");  // the same size
  fs::last_write_time(out / "site" / "index.html", when);
  EXPECT_EQ(output_tree_digest(out), first) << "what the digest does not see: bytes under the same size and time";
  write(out / "site" / "index.html", "<html><");
  fs::last_write_time(out / "site" / "index.html", when);
  changed("grown");
  write(out / "site" / "index.html", "<html>");
  fs::last_write_time(out / "site" / "index.html", when);
  ASSERT_EQ(output_tree_digest(out), first);

  fs::create_directory(out / "site" / "empty");
  changed("a folder added");
  fs::remove(out / "site" / "empty");
  fs::rename(out / "plan" / "plan.en.pdf", out / "plan" / "plan.id.pdf");
  changed("a file renamed");
  fs::rename(out / "plan" / "plan.id.pdf", out / "plan" / "plan.en.pdf");
  ASSERT_EQ(output_tree_digest(out), first);
  fs::create_symlink("index.html", out / "site" / "link.html");
  changed("a link added");
  fs::remove(out / "site" / "link.html");
  fs::remove(out / "plan" / "plan.en.pdf");
  changed("a file removed");

  EXPECT_FALSE(output_tree_digest(dir.path() / "missing").has_value());
  write(dir.path() / "file", "x");
  EXPECT_FALSE(output_tree_digest(dir.path() / "file").has_value()) << "a file is not a folder";
}

}  // namespace
}  // namespace renaksi
