// content/site.xml: the archive's address read and validated (file:line:col on every problem),
// where it is looked for, and the order of the overrides (--site-url, RENAKSI_SITE_URL, the file).
#include "load/site_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include "driver/site_address.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.str() + "\n";
  return s;
}

TEST(SiteFile, AValidFileGivesItsAddressWithAFinalSlash) {
  testing::TempDir dir("site-file-valid");
  const fs::path f = dir.path() / "site.xml";
  testing::write_file(f, "<?xml version=\"1.0\"?>\n<site version=\"1\">\n  <address>  https://nap.example.org/arsip  </address>\n</site>\n");
  Diagnostics d;
  auto s = load_site_file(f, d);
  ASSERT_TRUE(s) << all(d);
  EXPECT_EQ(s->address, "https://nap.example.org/arsip/");
  EXPECT_EQ(s->loc.line, 3);
  EXPECT_EQ(s->loc.col, 3);
  EXPECT_FALSE(d.has_errors());
}

TEST(SiteFile, NoFileIsNoAddressAndNoProblem) {
  testing::TempDir dir("site-file-none");
  Diagnostics d;
  EXPECT_FALSE(load_site_file(dir.path() / "site.xml", d));
  EXPECT_TRUE(d.all().empty());
}

TEST(SiteFile, AnAddressThatIsNotHttpIsAnL003AtItsLineAndColumn) {
  testing::TempDir dir("site-file-bad");
  const fs::path f = dir.path() / "site.xml";
  testing::write_file(f, "<site version=\"1\">\n\n    <address>ftp://nap.example.org/</address>\n</site>\n");
  Diagnostics d;
  EXPECT_FALSE(load_site_file(f, d));
  ASSERT_GE(d.error_count(), 1u) << all(d);  // libxml2 says it twice: the datatype, the element
  const Diagnostic& e = d.all().front();
  EXPECT_EQ(e.code, Code::L003);
  EXPECT_EQ(e.loc.file, f.generic_string());
  EXPECT_EQ(e.loc.line, 3);
  EXPECT_EQ(e.loc.col, 5);
  EXPECT_NE(e.str().find(f.generic_string() + ":3:5: error[L003]"), std::string::npos) << e.str();
}

TEST(SiteFile, AMissingAddressOrAnUnknownElementIsAnL003) {
  testing::TempDir dir("site-file-shape");
  const fs::path f = dir.path() / "site.xml";
  testing::write_file(f, "<site version=\"1\">\n  <adress>https://nap.example.org/</adress>\n</site>\n");
  Diagnostics d;
  EXPECT_FALSE(load_site_file(f, d));
  ASSERT_TRUE(d.has_errors());
  EXPECT_EQ(d.all().front().code, Code::L003);
  EXPECT_EQ(d.all().front().loc.line, 2) << all(d);
}

TEST(SiteFile, NotWellFormedIsAnL002AtItsLineAndColumn) {
  testing::TempDir dir("site-file-malformed");
  const fs::path f = dir.path() / "site.xml";
  testing::write_file(f, "<site version=\"1\">\n  <address>https://nap.example.org/</adress>\n</site>\n");
  Diagnostics d;
  EXPECT_FALSE(load_site_file(f, d));
  ASSERT_TRUE(d.has_errors());
  EXPECT_EQ(d.all().front().code, Code::L002);
  EXPECT_EQ(d.all().front().loc.line, 2) << all(d);
  EXPECT_GT(d.all().front().loc.col, 0);
}

TEST(SiteFile, IsLookedForBesideThePlansOrBesideTheOnePlanBuilt) {
  testing::TempDir dir("site-file-where");
  testing::write_file(dir.path() / "content" / "p1" / "plan.xml", "<plan/>");
  EXPECT_EQ(site_file_for(dir.path() / "content"), dir.path() / "content" / "site.xml");
  EXPECT_EQ(site_file_for(dir.path() / "content" / "p1"), dir.path() / "content" / "site.xml");
  EXPECT_EQ(site_file_for(dir.path() / "content" / "p1/"), dir.path() / "content" / "site.xml");
}

TEST(SiteFile, AddressesAreAbsoluteHttpOrHttps) {
  EXPECT_TRUE(is_site_address("https://nap.example.org/"));
  EXPECT_TRUE(is_site_address("http://localhost:8000/archive/"));
  EXPECT_FALSE(is_site_address("nap.example.org/"));
  EXPECT_FALSE(is_site_address("https:///x/"));
  EXPECT_FALSE(is_site_address("https://nap.example.org/?q=1"));
  EXPECT_FALSE(is_site_address("https://nap.example.org/#top"));
  EXPECT_FALSE(is_site_address("javascript:alert(1)"));
  EXPECT_EQ(normalise_site_address(" https://a.example "), "https://a.example/");
}

// The order: an address already in the environment (--site-url, else RENAKSI_SITE_URL) wins over
// the file; the file over nothing; nothing warns (H004) only when the build publishes.
class SiteAddress : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<testing::TempDir>("site-address");
    testing::write_file(dir_->path() / "site.xml", "<site version=\"1\"><address>https://file.example/</address></site>\n");
    fs::create_directories(dir_->path() / "empty");
  }
  std::unique_ptr<testing::TempDir> dir_;
};

TEST_F(SiteAddress, TheCommandLineOrEnvironmentOverridesTheFile) {
  Env env;
  env.site_url = "https://flag.example/nap";
  Diagnostics d;
  resolve_site_address(env, dir_->path(), true, d);
  EXPECT_EQ(env.site_url, "https://flag.example/nap/");
  EXPECT_TRUE(d.all().empty()) << all(d);
}

TEST_F(SiteAddress, TheFileGivesTheAddressWhenNothingOverridesIt) {
  Env env;
  Diagnostics d;
  resolve_site_address(env, dir_->path(), true, d);
  EXPECT_EQ(env.site_url, "https://file.example/");
  EXPECT_TRUE(d.all().empty()) << all(d);
}

TEST_F(SiteAddress, PublishingWithoutAnAddressIsAnH004Warning) {
  Env env;
  Diagnostics d;
  resolve_site_address(env, dir_->path() / "empty", true, d);
  EXPECT_TRUE(env.site_url.empty());
  ASSERT_EQ(d.all().size(), 1u) << all(d);
  EXPECT_EQ(d.all().front().code, Code::H004);
  EXPECT_EQ(d.all().front().severity, Severity::Warning);
  EXPECT_EQ(d.all().front().loc.file, (dir_->path() / "empty" / "site.xml").generic_string());

  Diagnostics quiet;  // a build that does not publish (check) says nothing
  resolve_site_address(env, dir_->path() / "empty", false, quiet);
  EXPECT_TRUE(quiet.all().empty()) << all(quiet);
}

TEST_F(SiteAddress, AnOverrideThatIsNotAnAddressIsAnH005Error) {
  Env env;
  env.site_url = "nap.example.org";
  Diagnostics d;
  resolve_site_address(env, dir_->path(), true, d);
  EXPECT_TRUE(env.site_url.empty());
  ASSERT_EQ(d.error_count(), 1u) << all(d);
  EXPECT_EQ(d.all().front().code, Code::H005);
}

}  // namespace
}  // namespace renaksi
