// Objects written as text into a saved file: the table read back, an object replaced and objects
// added with every offset right (qpdf agrees), and anything not laid out as libharu writes refused.
#include <gtest/gtest.h>

#include <fstream>

#include "emit/pdf/object_text.h"
#include "env/process.h"
#include "support/paths.h"

namespace renaksi::pdf {
namespace {

// A file laid out as libharu writes one: a catalogue, its pages, one page, and an empty object
// standing in for what is written later (number 4).
std::string saved_file() {
  std::string f = "%PDF-1.4\n%\xb7\xbe\xad\xaa\n";
  std::vector<size_t> at;
  auto obj = [&](const std::string& text) {
    at.push_back(f.size());
    f += std::to_string(at.size()) + " 0 obj\n" + text + "\nendobj\n";
  };
  obj("<<\n/Type /Catalog\n/Pages 2 0 R\n/StructTreeRoot 4 0 R\n>>");
  obj("<<\n/Type /Pages\n/Kids [3 0 R]\n/Count 1\n>>");
  obj("<<\n/Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 200 200]\n>>");
  obj("<<\n>>");
  obj("<<\n/Producer (test)\n>>");
  const size_t xref = f.size();
  f += "xref\n0 " + std::to_string(at.size() + 1) + "\n0000000000 65535 f\r\n";
  for (size_t a : at) {
    char entry[21];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n\r\n", a);
    f += entry;
  }
  f += "trailer\n<<\n/Root 1 0 R\n/Info 5 0 R\n/Size " + std::to_string(at.size() + 1) + "\n>>\nstartxref\n" +
       std::to_string(xref) + "\n%%EOF\n";
  return f;
}

TEST(ObjectText, TheSavedFilesTableIsRead) {
  const std::string f = saved_file();
  auto saved = SavedFile::read(f);
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->offsets.size(), 6u);
  for (uint32_t n = 1; n < 6; ++n) EXPECT_EQ(f.compare(saved->offsets[n], 2, std::to_string(n) + " "), 0) << n;
  EXPECT_EQ(f.compare(saved->end_of(4), 2, "5 "), 0);
  EXPECT_EQ(f.compare(saved->end_of(5), 4, "xref"), 0);
}

TEST(ObjectText, AnObjectReplacedAndObjectsAddedKeepEveryOffsetRight) {
  std::string f = saved_file();
  auto saved = SavedFile::read(f);
  ASSERT_TRUE(saved);
  ObjectText added(6);
  added.begin(6) += "<</S /Document /P 4 0 R /K [7 0 R]>>";
  added.end();
  added.begin(7) += "<</S /P /P 6 0 R /Pg 3 0 R /K []>>";
  added.end();
  ASSERT_TRUE(added.ok());
  const std::string root = "4 0 obj\n<</Type /StructTreeRoot /K 6 0 R /ParentTreeNextKey 0>>\nendobj\n";
  ASSERT_TRUE(saved->rewrite(f, 4, root, added));

  auto again = SavedFile::read(f);  // the result is laid out the same way
  ASSERT_TRUE(again);
  ASSERT_EQ(again->offsets.size(), 8u);
  for (uint32_t n = 1; n < 8; ++n) EXPECT_EQ(f.compare(again->offsets[n], 2, std::to_string(n) + " "), 0) << n;
  EXPECT_EQ(f.compare(again->offsets[4], root.size(), root), 0);
  EXPECT_NE(f.find("/Size 8\n"), std::string::npos);
  EXPECT_EQ(f.find("/Size 6\n"), std::string::npos);
  EXPECT_NE(f.find("/Info 5 0 R"), std::string::npos);  // the rest of the trailer kept

  testing::TempDir dir("object-text");
  const std::string path = (dir.path() / "spliced.pdf").string();
  std::ofstream(path, std::ios::binary) << f;
  auto r = run_process({"qpdf", "--check", path}, "", std::chrono::milliseconds(60000));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;  // qpdf warns (exit 3) when it must rebuild the table
  auto show = run_process({"qpdf", "--show-object=7", path}, "", std::chrono::milliseconds(60000));
  EXPECT_NE(show.out.find("/S /P"), std::string::npos) << show.out << show.err;
}

TEST(ObjectText, ObjectsOutOfOrderOrNotStartingAtTheFirstFreeNumberAreRefused) {
  const std::string f = saved_file();
  auto saved = SavedFile::read(f);
  ASSERT_TRUE(saved);
  {
    ObjectText added(6);
    added.begin(7);
    added.end();
    EXPECT_FALSE(added.ok());
    std::string g = f;
    EXPECT_FALSE(saved->rewrite(g, 4, "4 0 obj\n<<>>\nendobj\n", added));
    EXPECT_EQ(g, f);
  }
  {
    ObjectText added(9);  // leaves 6 to 8 unused
    added.begin(9);
    added.end();
    std::string g = f;
    EXPECT_FALSE(saved->rewrite(g, 4, "4 0 obj\n<<>>\nendobj\n", added));
    EXPECT_EQ(g, f);
  }
  {
    ObjectText added(6);
    added.begin(6);  // never closed
    std::string g = f;
    EXPECT_FALSE(saved->rewrite(g, 4, "4 0 obj\n<<>>\nendobj\n", added));
    EXPECT_FALSE(saved->rewrite(g, 0, "0 0 obj\n<<>>\nendobj\n", ObjectText(6)));  // the free head
    EXPECT_FALSE(saved->rewrite(g, 6, "6 0 obj\n<<>>\nendobj\n", ObjectText(6)));  // no such object
    EXPECT_EQ(g, f);
  }
}

TEST(ObjectText, AFileNotLaidOutAsLibharuWritesOneIsRefused) {
  const std::string f = saved_file();
  // Every truncation, and every single byte of the table and trailer changed: refused or read,
  // never a crash or an offset outside the file.
  for (size_t n = 0; n < f.size(); ++n) {
    auto saved = SavedFile::read(f.substr(0, n));
    EXPECT_FALSE(saved) << n;
  }
  const size_t xref = f.find("xref\n");
  for (size_t at = xref; at < f.size(); ++at) {
    for (char c : {'0', '9', ' ', '\n', 'x'}) {
      std::string g = f;
      if (g[at] == c) continue;
      g[at] = c;
      auto saved = SavedFile::read(g);
      if (!saved) continue;
      for (size_t o : saved->offsets) EXPECT_LT(o, g.size());
    }
  }
  auto refused = [&](std::string from, const std::string& to) {
    std::string g = f;
    const size_t at = g.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    g.replace(at, from.size(), to);
    return !SavedFile::read(g);
  };
  EXPECT_TRUE(refused("xref\n0 6\n", "xref\n0 999999999999\n"));  // more entries than the file holds
  EXPECT_TRUE(refused("xref\n0 6\n", "xref\n1 5\n"));              // a section not from 0
  EXPECT_TRUE(refused("xref\n0 6\n", "xref\n0 0\n"));
  EXPECT_TRUE(refused("%%EOF\n", "%%EOF\n% more\n"));              // something after the end
  EXPECT_TRUE(refused("trailer\n<<", "trailer <<"));
  EXPECT_TRUE(refused("65535 f", "65535 n"));
  {
    std::string g = f;  // an incremental update: a second table after the first
    g += "1 0 obj\n<<>>\nendobj\nxref\n0 1\n0000000000 65535 f\r\ntrailer\n<<\n/Size 6\n/Prev 0\n>>\nstartxref\n" +
         std::to_string(f.size() + 20) + "\n%%EOF\n";
    EXPECT_FALSE(SavedFile::read(g));
  }
  {
    std::string g = f;  // objects not in the order of their numbers
    auto saved = SavedFile::read(g);
    ASSERT_TRUE(saved);
    const size_t table = g.find("0000000000 65535 f");
    std::string second = g.substr(table + 20, 20), third = g.substr(table + 40, 20);
    g.replace(table + 20, 20, third);
    g.replace(table + 40, 20, second);
    EXPECT_FALSE(SavedFile::read(g));
  }
}

}  // namespace
}  // namespace renaksi::pdf
