// What makes a page of the site shareable and identifiable: canonical and hreflang links, Open
// Graph and Twitter tags (absolute addresses only when the site's address is known), the
// favicon and logo, the build date, the about page, the "not found" pages, the address shown
// in print, and sitemap.xml only with an address.
#include <gtest/gtest.h>

#include <regex>

#include "driver/pipeline.h"
#include "emit/html/site.h"
#include "emit/html/urls.h"
#include "support/build.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

const char* const kSiteUrl = "https://share.example/nap/";

Outputs emit(const BuildState& plan, const std::string& site_url, Diagnostics& diags) {
  std::vector<html::SitePlanSource> sources{{&plan.documents, &plan.outputs}};
  Locales locales;
  for (const auto& lang : html::site_languages(sources)) {
    auto c = Catalogue::load(catalogue_path(testing::source_dir(), lang), lang, diags);
    if (c) locales[lang] = std::make_unique<Locale>(lang, std::move(*c));
  }
  Outputs out;
  const html::SiteOptions options{testing::source_dir() / "layouts" / "html", site_url,
                                  year_month_day{year{2018} / November / 30}};
  html::emit_site(sources, locales, options, out, diags);
  return out;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

class Share : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>("share");
    Env env = Env::from_environment();
    env.cache_dir = dir_->path() / "cache";
    env.data_dir = testing::source_dir();
    plan_ = std::make_unique<BuildState>(testing::plan_through(testing::content_dir() / "nap-2018-2020", "ogp", env));
    with_ = std::make_unique<Outputs>(emit(*plan_, kSiteUrl, *diags_));
    without_ = std::make_unique<Outputs>(emit(*plan_, "", *diags_));
  }
  static void TearDownTestSuite() {
    with_.reset();
    without_.reset();
    plan_.reset();
    dir_.reset();
  }
  static const std::string& page(const Outputs& out, const std::string& path) {
    const std::string* p = out.find("site/" + path);
    if (!p) throw std::runtime_error("no page " + path);
    return *p;
  }
  static inline std::unique_ptr<testing::TempDir> dir_;
  static inline std::unique_ptr<BuildState> plan_;
  static inline std::unique_ptr<Diagnostics> diags_ = std::make_unique<Diagnostics>();
  static inline std::unique_ptr<Outputs> with_, without_;
};

const std::string kCommitment = "en/nap-2018-2020/10-lapor-sp4n-quality/index.html";

TEST_F(Share, BuildsWithoutDiagnostics) {
  for (const auto& d : diags_->all()) ADD_FAILURE() << d.str();
}

TEST_F(Share, WithTheAddressEveryPageHasItsCanonicalAndHreflangLinks) {
  const std::string& p = page(*with_, kCommitment);
  const std::string self = std::string(kSiteUrl) + "en/nap-2018-2020/10-lapor-sp4n-quality/";
  const std::string other = std::string(kSiteUrl) + "id/nap-2018-2020/10-lapor-sp4n-quality/";
  EXPECT_TRUE(has(p, "<link rel=\"canonical\" href=\"" + self + "\" />")) << p.substr(0, 3000);
  EXPECT_TRUE(has(p, "<link rel=\"alternate\" hreflang=\"en\" href=\"" + self + "\" />"));
  EXPECT_TRUE(has(p, "<link rel=\"alternate\" hreflang=\"id\" href=\"" + other + "\" />"));
  // x-default: the plan's administrative language.
  EXPECT_TRUE(has(p, "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + other + "\" />"));
  // Every page of the site has exactly one canonical link (the not-found pages none).
  for (const auto& path : with_->paths("site/")) {
    if (!path.ends_with(".html")) continue;
    const bool not_found = path.ends_with("404.html");
    EXPECT_EQ(count(*with_->find(path), "rel=\"canonical\""), not_found ? 0 : 1) << path;
    EXPECT_EQ(count(*with_->find(path), "hreflang=\"x-default\""), not_found ? 0 : 1) << path;
  }
}

TEST_F(Share, TheHomePagesXDefaultIsTheLanguagePageWhichOffersEveryHome) {
  EXPECT_TRUE(has(page(*with_, "en/index.html"),
                  std::string("<link rel=\"alternate\" hreflang=\"x-default\" href=\"") + kSiteUrl + "\" />"));
  const std::string& root = page(*with_, "index.html");
  EXPECT_TRUE(has(root, std::string("hreflang=\"id\" href=\"") + kSiteUrl + "id/\""));
  EXPECT_TRUE(has(root, std::string("hreflang=\"en\" href=\"") + kSiteUrl + "en/\""));
  EXPECT_TRUE(has(root, std::string("hreflang=\"x-default\" href=\"") + kSiteUrl + "\""));
}

TEST_F(Share, WithTheAddressOpenGraphAndTwitterTagsAreComplete) {
  const std::string& p = page(*with_, kCommitment);
  const std::string self = std::string(kSiteUrl) + "en/nap-2018-2020/10-lapor-sp4n-quality/";
  EXPECT_TRUE(has(p, "<meta property=\"og:url\" content=\"" + self + "\" />"));
  EXPECT_TRUE(has(p, "<meta property=\"og:type\" content=\"website\" />"));
  EXPECT_TRUE(has(p, "<meta property=\"og:site_name\" content=\"National Action Plan Archive\" />"));
  EXPECT_TRUE(has(p, "<meta property=\"og:title\" content=\"Commitment 10"));
  EXPECT_TRUE(has(p, "<meta property=\"og:description\" content=\""));
  EXPECT_TRUE(has(p, std::string("<meta property=\"og:image\" content=\"") + kSiteUrl + "assets/share.png\" />"));
  EXPECT_TRUE(has(p, "<meta property=\"og:locale\" content=\"en_ID\" />"));
  EXPECT_TRUE(has(p, "<meta property=\"og:locale:alternate\" content=\"id_ID\" />"));
  EXPECT_TRUE(has(p, "<meta name=\"twitter:card\" content=\"summary_large_image\" />"));
  EXPECT_TRUE(has(p, "<meta name=\"twitter:title\" content=\"Commitment 10"));
  EXPECT_EQ(count(p, "og:image"), 1);
  EXPECT_TRUE(with_->has("site/assets/share.png"));
}

TEST_F(Share, WithoutTheAddressNoAbsoluteAddressIsInvented) {
  const std::string& p = page(*without_, kCommitment);
  EXPECT_FALSE(has(p, "rel=\"canonical\""));
  EXPECT_FALSE(has(p, "<link rel=\"alternate\""));  // hreflang must be absolute: none
  EXPECT_FALSE(has(p, "og:url"));
  EXPECT_FALSE(has(p, "og:image"));
  EXPECT_FALSE(has(p, "https://share.example"));
  EXPECT_FALSE(has(p, ".example/"));
  EXPECT_TRUE(has(p, "<meta property=\"og:title\" content=\"Commitment 10"));
  EXPECT_TRUE(has(p, "<meta name=\"twitter:card\" content=\"summary\" />"));
  // The switch to the other language stays, relative.
  EXPECT_TRUE(has(p, "href=\"../../../id/nap-2018-2020/10-lapor-sp4n-quality/index.html\" hreflang=\"id\""));
  EXPECT_FALSE(without_->has("site/sitemap.xml"));
  EXPECT_TRUE(with_->has("site/sitemap.xml"));
}

TEST_F(Share, EveryPageHasTheFaviconLogoBuildDateAndAboutLink) {
  for (const auto& path : with_->paths("site/")) {
    if (!path.ends_with(".html")) continue;
    const std::string& p = *with_->find(path);
    EXPECT_TRUE(std::regex_search(p, std::regex("<link rel=\"icon\" href=\"[./]*assets/favicon.svg\" type=\"image/svg\\+xml\" />"))) << path;
    EXPECT_TRUE(std::regex_search(p, std::regex("<img class=\"site-logo\" src=\"[./]*assets/logo.svg\""))) << path;
    EXPECT_TRUE(has(p, "<time datetime=\"2018-11-30\">")) << path;
    EXPECT_TRUE(std::regex_search(p, std::regex("href=\"[./a-z]*about/index.html\""))) << path;
  }
  EXPECT_TRUE(has(page(*with_, kCommitment), "Last updated <time datetime=\"2018-11-30\">30 November 2018</time>"));
  EXPECT_TRUE(has(page(*with_, "id/index.html"), "Terakhir diperbarui <time datetime=\"2018-11-30\">30 November 2018</time>"));
}

TEST_F(Share, PrintShowsTheSiteNameAndThePagesAddress) {
  EXPECT_TRUE(has(page(*with_, kCommitment), std::string("<p class=\"print-address\">National Action Plan Archive · ") +
                                                 kSiteUrl + "en/nap-2018-2020/10-lapor-sp4n-quality/</p>"));
  EXPECT_TRUE(has(page(*without_, kCommitment), "<p class=\"print-address\">National Action Plan Archive</p>"));
}

TEST_F(Share, TheAboutPageNamesTheIssuerAndItsWebSiteFromTheContent) {
  const std::string& p = page(*with_, "en/about/index.html");
  EXPECT_TRUE(has(p, "<h1>About this archive</h1>"));
  EXPECT_TRUE(has(p, "Open Government Indonesia National Secretariat"));
  EXPECT_TRUE(has(p, "<a href=\"https://ogi.bappenas.go.id/\">https://ogi.bappenas.go.id/</a>"));
  EXPECT_TRUE(has(p, "href=\"../nap-2018-2020/index.html\""));
  EXPECT_FALSE(has(p, "mailto:"));  // the content gives no e-mail: none is invented
  EXPECT_TRUE(has(page(*with_, "id/about/index.html"), "Sekretariat Nasional Open Government Indonesia"));
}

TEST_F(Share, NotFoundPagesInEachLanguageAndAtTheRootLeadHomeAndToSearchFromAnyAddress) {
  for (const std::string path : {"404.html", "id/404.html", "en/404.html"}) {
    const std::string& p = page(*with_, path);
    EXPECT_TRUE(has(p, "<meta name=\"robots\" content=\"noindex\" />")) << path;
    // Served at any address that missed: a <base> of its own address, first in the head, keeps
    // its relative links right; without the site's address, none (its links stay relative).
    const std::string base = "<base href=\"/nap/" + path + "\" />";  // the site's path, no host
    EXPECT_TRUE(has(p, base)) << path;
    EXPECT_LT(p.find(base), p.find("<link ")) << path;
    EXPECT_TRUE(has(p, "search/index.html")) << path;
    EXPECT_FALSE(has(page(*without_, path), "<base")) << path;
  }
  // Only the 404 pages have one.
  EXPECT_FALSE(has(page(*with_, kCommitment), "<base")) << kCommitment;
  EXPECT_TRUE(has(page(*with_, "en/404.html"), "<h1>Page not found</h1>"));
  EXPECT_TRUE(has(page(*with_, "en/404.html"), "href=\"index.html\" hreflang=\"en\""));
  // The root one speaks every language of the site.
  EXPECT_TRUE(has(page(*with_, "404.html"), "Halaman tidak ditemukan"));
  EXPECT_TRUE(has(page(*with_, "404.html"), "Page not found"));
  EXPECT_FALSE(has(*with_->find("site/sitemap.xml"), "404"));
}

}  // namespace
}  // namespace renaksi
