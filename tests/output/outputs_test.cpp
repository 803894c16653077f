// Outputs held in memory or written into a folder as they come: the same paths, sizes and
// artifacts either way; a copy is a link; a file that cannot be written is remembered.
#include <gtest/gtest.h>

#include <fstream>
#include <sys/stat.h>

#include "output/outputs.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

TEST(Outputs, AFolderBackedSetWritesEachFileAtOnceAndKeepsOnlyItsSize) {
  testing::TempDir dir("outputs-folder");
  Outputs out(dir.path());
  out.add(Artifact{ArtifactKind::Pdf, "nap", "en"}, std::string(1000, 'x'));
  out.add("site/index.html", "<p>home</p>");
  EXPECT_EQ(testing::file_bytes(dir.path() / "nap/nap.en.pdf"), std::string(1000, 'x'));
  EXPECT_EQ(testing::file_bytes(dir.path() / "site/index.html"), "<p>home</p>");
  EXPECT_EQ(out.find("site/index.html"), nullptr);  // not held in memory
  EXPECT_TRUE(out.files().empty());
  EXPECT_EQ(out.size_of("nap/nap.en.pdf"), std::optional<size_t>(1000));
  EXPECT_EQ(out.size(), 2u);
  EXPECT_EQ(out.total_bytes(), 1000u + 11u);
  EXPECT_EQ(out.paths("site/"), std::vector<std::string>{"site/index.html"});
  ASSERT_EQ(out.artifacts().size(), 1u);
  EXPECT_TRUE(out.write_errors().empty());

  // A download offered again: a second name for the same file, not a second copy.
  ASSERT_TRUE(out.add_copy("site/files/nap.en.pdf", "nap/nap.en.pdf"));
  struct stat a {}, b {};
  ASSERT_EQ(::stat((dir.path() / "nap/nap.en.pdf").c_str(), &a), 0);
  ASSERT_EQ(::stat((dir.path() / "site/files/nap.en.pdf").c_str(), &b), 0);
  EXPECT_EQ(a.st_ino, b.st_ino);
  EXPECT_FALSE(out.add_copy("site/files/none.pdf", "nap/none.pdf"));

  // Replacing a file writes the new bytes.
  out.add("site/index.html", "<p>again</p>");
  EXPECT_EQ(testing::file_bytes(dir.path() / "site/index.html"), "<p>again</p>");
  EXPECT_EQ(out.size(), 3u);
}

TEST(Outputs, InMemoryTheSameCallsGiveTheSameFiles) {
  Outputs out;
  out.add(Artifact{ArtifactKind::Pdf, "nap", "en"}, "pdf");
  ASSERT_TRUE(out.add_copy("site/files/nap.en.pdf", "nap/nap.en.pdf"));
  ASSERT_NE(out.find("site/files/nap.en.pdf"), nullptr);
  EXPECT_EQ(*out.find("site/files/nap.en.pdf"), "pdf");
  EXPECT_EQ(out.size_of("nap/nap.en.pdf"), std::optional<size_t>(3));
  EXPECT_EQ(out.paths(), (std::vector<std::string>{"nap/nap.en.pdf", "site/files/nap.en.pdf"}));
}

TEST(Outputs, APathThatLeavesTheFolderOrCannotBeWrittenIsRememberedNotWritten) {
  testing::TempDir dir("outputs-bad");
  Outputs out(dir.path() / "staging");
  fs::create_directories(dir.path() / "staging");
  out.add("../escape.txt", "x");
  out.add("/abs.txt", "x");
  std::ofstream(dir.path() / "staging" / "file") << "a file where a folder must be";
  out.add("file/inside.txt", "x");
  EXPECT_FALSE(fs::exists(dir.path() / "escape.txt"));
  EXPECT_EQ(out.write_errors().size(), 3u);
  EXPECT_EQ(out.size(), 0u);
}

TEST(Outputs, AFileWrittenInPartsIsTheSameInAFolderAndInMemory) {
  testing::TempDir dir("outputs-append");
  Outputs folder(dir.path()), memory;
  for (Outputs* out : {&folder, &memory}) {
    out->add("site/data/all.csv", "head\n");
    out->append("site/data/all.csv", "row 1\n");
    out->append("site/data/all.csv", "");
    out->append("site/data/all.csv", "row 2\n");
    out->append("site/data/never-added.csv", "row\n");  // not begun by add(): an error, nothing written
  }
  EXPECT_EQ(testing::file_bytes(dir.path() / "site/data/all.csv"), "head\nrow 1\nrow 2\n");
  EXPECT_EQ(folder.size_of("site/data/all.csv"), std::optional<size_t>(17));
  ASSERT_TRUE(memory.find("site/data/all.csv"));
  EXPECT_EQ(*memory.find("site/data/all.csv"), "head\nrow 1\nrow 2\n");
  for (const Outputs* out : {&folder, &memory}) {
    ASSERT_EQ(out->write_errors().size(), 1u);
    EXPECT_TRUE(out->write_errors()[0].starts_with("site/data/never-added.csv: ")) << out->write_errors()[0];
    EXPECT_FALSE(out->has("site/data/never-added.csv"));
  }
  EXPECT_FALSE(fs::exists(dir.path() / "site/data/never-added.csv"));
}

TEST(Outputs, AbsorbingAFolderBackedSetMovesItsIndex) {
  testing::TempDir dir("outputs-absorb");
  Outputs archive(dir.path()), plan(dir.path());
  plan.add(Artifact{ArtifactKind::Docx, "nap", "id"}, "docx");
  archive.add("site/index.html", "home");
  archive.absorb(std::move(plan));
  EXPECT_EQ(archive.size(), 2u);
  EXPECT_EQ(archive.artifacts().size(), 1u);
  EXPECT_EQ(plan.size(), 0u);
  EXPECT_EQ(testing::file_bytes(dir.path() / "nap/nap.id.docx"), "docx");
}

TEST(Outputs, FilesGoIntoFoldersMadeOnceAtEveryDepth) {
  testing::TempDir dir("outputs-folders");
  Outputs out(dir.path());
  // Deeper first, then beside and above it: every folder on the way is made, and known.
  out.add("site/en/nap/1-open-data/index.html", "c1");
  out.add("site/en/nap/2-budgets/index.html", "c2");
  out.add("site/en/nap/index.html", "plan");
  out.add("site/index.html", "home");
  out.add("top.txt", "top");
  for (const auto& [path, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"site/en/nap/1-open-data/index.html", "c1"}, {"site/en/nap/2-budgets/index.html", "c2"},
           {"site/en/nap/index.html", "plan"}, {"site/index.html", "home"}, {"top.txt", "top"}})
    EXPECT_EQ(testing::file_bytes(dir.path() / path), bytes) << path;
  EXPECT_TRUE(out.write_errors().empty());

  // A file from the cache, its size as the caller found it.
  const fs::path source = dir.path() / "cached.pdf";
  std::ofstream(source) << "12345";
  std::string why;
  ASSERT_TRUE(out.add_file("site/files/nap/nap.en.pdf", source, why, 5)) << why;
  EXPECT_EQ(out.size_of("site/files/nap/nap.en.pdf"), std::optional<size_t>(5));
  EXPECT_EQ(testing::file_bytes(dir.path() / "site/files/nap/nap.en.pdf"), "12345");

  // A folder removed behind the build's back: the file is an error remembered, not a crash,
  // and the set stays as it was.
  fs::remove_all(dir.path() / "site/en/nap/2-budgets");
  const size_t files = out.size();
  out.add("site/en/nap/2-budgets/other.html", "x");
  ASSERT_EQ(out.write_errors().size(), 1u);
  EXPECT_TRUE(out.write_errors()[0].starts_with("site/en/nap/2-budgets/other.html: ")) << out.write_errors()[0];
  EXPECT_EQ(out.size(), files);

  // The folders one set knew go with its files when another absorbs it.
  Outputs plan(dir.path());
  plan.add("nap/deep/er/file.txt", "f");
  out.absorb(std::move(plan));
  out.add("nap/deep/er/second.txt", "s");
  EXPECT_EQ(testing::file_bytes(dir.path() / "nap/deep/er/second.txt"), "s");
  EXPECT_EQ(out.write_errors().size(), 1u);
}

}  // namespace
}  // namespace renaksi
