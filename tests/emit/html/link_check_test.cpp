// The site's link checker fed broken links: a missing file, a missing #fragment, a path that
// climbs out of site/, each on crafted outputs; and a site whose page template links to a file
// the build does not write is an H002 error at every page that carries the link.
#include "emit/html/site_links.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "driver/pipeline.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

std::string page_linking(const std::string& links) {
  return "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main id=\"main\">" + links +
         "<h2 id=\"here\">Here</h2></main></body></html>";
}

// The site of crafted outputs: en/a/index.html links as given; en/b/index.html has an id "b1".
Outputs site_with(const std::string& links) {
  Outputs out;
  out.add("site/en/a/index.html", page_linking(links));
  out.add("site/en/b/index.html", page_linking("<p id=\"b1\">b</p>"));
  out.add("site/assets/site.css", "body{}");
  out.add("elsewhere.html", "<p>outside the site folder</p>");
  return out;
}

std::string str(const std::vector<html::BrokenLink>& v) {
  std::string s;
  for (const auto& b : v) s += b.page + " | " + b.href + " | " + b.why + "\n";
  return s;
}

TEST(LinkCheck, GoodLinksAndExternalAddressesPass) {
  const Outputs out = site_with(
      "<a href=\"../b/index.html\">b</a><a href=\"../b/index.html#b1\">b1</a><a href=\"#here\">here</a>"
      "<a href=\"../b/\">b folder</a><link rel=\"stylesheet\" href=\"../../assets/site.css\"/>"
      "<a href=\"https://ogp.example/x#y\">external</a><a href=\"mailto:a@b.example\">mail</a>");
  EXPECT_EQ(str(testing::broken_links(out, "site/")), "");
}

TEST(LinkCheck, AMissingFileIsBroken) {
  const Outputs out = site_with("<a href=\"../c/index.html\">c</a><img src=\"../../assets/logo.svg\" alt=\"\"/>");
  EXPECT_EQ(str(testing::broken_links(out, "site/")),
            "en/a/index.html | ../c/index.html | no file site/en/c/index.html\n"
            "en/a/index.html | ../../assets/logo.svg | no file site/assets/logo.svg\n");
}

TEST(LinkCheck, AMissingFragmentIsBroken) {
  const Outputs out = site_with("<a href=\"../b/index.html#b2\">b2</a><a href=\"#nowhere\">x</a><a href=\"#here\">ok</a>");
  EXPECT_EQ(str(testing::broken_links(out, "site/")),
            "en/a/index.html | ../b/index.html#b2 | no id 'b2' on en/b/index.html\n"
            "en/a/index.html | #nowhere | no id 'nowhere' on en/a/index.html\n");
}

TEST(LinkCheck, APathClimbingOutOfTheSiteFolderIsBroken) {
  // ../../../elsewhere.html is a file of the build, but outside site/: the site cannot link to it.
  const Outputs out = site_with("<a href=\"../../../elsewhere.html\">out</a><a href=\"/en/b/index.html\">rooted</a><a href=\"\">empty</a>");
  EXPECT_EQ(str(testing::broken_links(out, "site/")),
            "en/a/index.html | ../../../elsewhere.html | leaves the site folder or is absolute\n"
            "en/a/index.html | /en/b/index.html | leaves the site folder or is absolute\n"
            "en/a/index.html |  | an empty link\n");
}

// The text of a file.
std::string read(const fs::path& p) {
  std::stringstream ss;
  ss << std::ifstream(p, std::ios::binary).rdbuf();
  return ss.str();
}

TEST(LinkCheck, ATemplateNavLinkToAMissingFileIsAnH002ErrorAtEachPage) {
  testing::TempDir dir("link-check-template");
  // A data folder of our own: the project's locales and layouts, the page template's nav with
  // one more link, outside any slot, to a file the site does not have.
  for (const char* d : {"locales", "layouts", "templates"}) fs::copy(testing::source_dir() / d, dir.path() / d, fs::copy_options::recursive);
  const fs::path page = dir.path() / "layouts" / "html" / "page.html";
  std::string text = read(page);
  const std::string nav = "<nav class=\"site-nav\" data-slot=\"site-nav\">";
  ASSERT_NE(text.find(nav), std::string::npos);
  text.insert(text.find(nav), "<nav aria-label=\"more\"><a href=\"about.html\">About</a></nav>");
  std::ofstream(page, std::ios::binary) << text;

  Env env = Env::from_environment();
  env.data_dir = dir.path();
  env.cache_dir = dir.path() / "cache";
  const ArchiveBuild a = build_archive(testing::fixtures_dir() / "check" / "base", env, {.stop_after = "site"});
  // A plan page's broken link is the plan's problem, an archive page's the archive's: every one
  // is reported.
  std::set<std::string> at;
  const Diagnostics all = a.all_diagnostics();
  for (const auto& d : all.all()) {
    if (d.code != Code::H002) {
      ADD_FAILURE() << "unexpected " << d.str();
      continue;
    }
    EXPECT_EQ(d.severity, Severity::Error) << d.str();
    const std::string dir_of_page = d.loc.file.substr(0, d.loc.file.rfind('/') + 1);
    EXPECT_EQ(d.message, "the link 'about.html' is broken: no file " + dir_of_page + "about.html") << d.str();
    at.insert(d.loc.file);
  }
  // Every page of the fixture plan's site, in both its languages, carries the template's nav:
  // each is reported. (The archive's own pages, home, organisations and search, are checked only
  // when every plan's pages were made whole, so they wait for the next build.)
  std::set<std::string> pages;
  for (const std::string lang : {"id", "en"})
    for (const char* p : {"fixture-plan/index.html", "fixture-plan/1-first/index.html"}) pages.insert("site/" + lang + "/" + p);
  EXPECT_EQ(at, pages);
}

}  // namespace
}  // namespace renaksi
