// The site's URL layout: relative links, resolution back to site paths, absolute addresses.
#include "emit/html/urls.h"

#include <gtest/gtest.h>

namespace renaksi::html::urls {
namespace {

TEST(Urls, Layout) {
  EXPECT_EQ(home("id"), "id/index.html");
  EXPECT_EQ(plan("en", "nap-2018-2020"), "en/nap-2018-2020/index.html");
  EXPECT_EQ(commitment("en", "nap-2018-2020", "10-lapor-sp4n-quality"), "en/nap-2018-2020/10-lapor-sp4n-quality/index.html");
  EXPECT_EQ(file("nap-2018-2020", "x.pdf"), "files/nap-2018-2020/x.pdf");
}

TEST(Urls, RelativeLinksKeepIndexHtmlForFileUrls) {
  const std::string c = commitment("en", "p", "1-a");
  EXPECT_EQ(relative(c, plan("en", "p")), "../index.html");
  EXPECT_EQ(relative(c, commitment("en", "p", "2-b")), "../2-b/index.html");
  EXPECT_EQ(relative(c, commitment("id", "p", "1-a")), "../../../id/p/1-a/index.html");
  EXPECT_EQ(relative(c, asset("site.css")), "../../../assets/site.css");
  EXPECT_EQ(relative(root(), home("en")), "en/index.html");
  EXPECT_EQ(relative(home("en"), root()), "../index.html");
  EXPECT_EQ(relative(c, c + "#commitment-1-a"), "#commitment-1-a");
  EXPECT_EQ(relative(home("en"), organisations("en") + "#org-x"), "organisations/index.html#org-x");
}

TEST(Urls, ResolveIsTheInverseOfRelative) {
  for (const auto& from : {root(), home("id"), plan("en", "p"), commitment("id", "p", "3-c"), search("en")})
    for (const auto& to : {root(), home("en"), plan("id", "q"), commitment("en", "p", "1-a"), asset("search.js")})
      EXPECT_EQ(resolve(from, relative(from, to)), to) << from << " -> " << to;
  EXPECT_EQ(resolve(home("en"), "https://example.org/"), "");
  EXPECT_EQ(resolve(home("en"), "mailto:a@b.c"), "");
  EXPECT_EQ(resolve(home("en"), "/abs"), "");
  EXPECT_EQ(resolve(home("en"), "../../x"), "");
  EXPECT_EQ(resolve(home("en"), "#top"), "");
  EXPECT_EQ(resolve(home("en"), "p/"), "en/p/index.html");
}

TEST(Urls, AbsoluteForTheSitemap) {
  EXPECT_EQ(absolute("https://x.example/archive/", root()), "https://x.example/archive/");
  EXPECT_EQ(absolute("https://x.example/archive", plan("id", "p")), "https://x.example/archive/id/p/");
  EXPECT_EQ(absolute("https://x.example/", asset("site.css")), "https://x.example/assets/site.css");
}

TEST(Urls, SiteRootPathIsTheAddressPathWithoutHost) {
  EXPECT_EQ(site_root_path("https://x.example/"), "/");
  EXPECT_EQ(site_root_path("https://x.example"), "/");
  EXPECT_EQ(site_root_path("https://x.example/nap/archive/"), "/nap/archive/");
  EXPECT_EQ(site_root_path("https://x.example/nap"), "/nap/");
  EXPECT_EQ(site_root_path("http://x.example:8080/nap/?q=1#f"), "/nap/");
}

}  // namespace
}  // namespace renaksi::html::urls
