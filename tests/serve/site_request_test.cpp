// The preview server's answers, without a socket: paths decoded and refused, folders, 404 pages,
// links and FIFOs under the site folder, methods.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "serve/site_request.h"
#include "support/paths.h"

namespace renaksi::serve {
namespace {

namespace fs = std::filesystem;
using Verdict = RequestPath::Verdict;

TEST(ServePath, DecodesAndSplits) {
  const RequestPath p = parse_request_path("/en/plan%20x/index.html?q=1#top");
  EXPECT_EQ(p.verdict, Verdict::Ok);
  EXPECT_EQ(p.segments, (std::vector<std::string>{"en", "plan x", "index.html"}));
  EXPECT_FALSE(p.trailing_slash);
  const RequestPath root = parse_request_path("/");
  EXPECT_EQ(root.verdict, Verdict::Ok);
  EXPECT_TRUE(root.segments.empty());
  EXPECT_TRUE(root.trailing_slash);
  const RequestPath dots = parse_request_path("//en/./");
  EXPECT_EQ(dots.segments, (std::vector<std::string>{"en"}));
  EXPECT_TRUE(dots.trailing_slash);
}

TEST(ServePath, RefusesEveryWayUp) {
  for (const char* target : {"/..", "/../etc/passwd", "/en/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/x",
                             "/.%2e/x", "/en/..%2f..%2fetc/passwd", "/en%2f..%2f..%2fetc", "/.git/config", "/.hidden"}) {
    const RequestPath p = parse_request_path(target);
    EXPECT_EQ(p.verdict, Verdict::Refused) << target;
    EXPECT_TRUE(p.segments.empty()) << target;
  }
}

TEST(ServePath, RefusesWhatIsNoPath) {
  for (const char* target : {"", "en/index.html", "http://example.org/", "/%", "/%2", "/%zz", "/a%00b", "*"}) {
    EXPECT_EQ(parse_request_path(target).verdict, Verdict::Malformed) << target;
  }
  EXPECT_EQ(parse_request_path("/" + std::string(kMaxTargetBytes, 'a')).verdict, Verdict::Malformed);
  std::string deep;
  for (size_t i = 0; i <= kMaxPathSegments; ++i) deep += "/a";
  EXPECT_EQ(parse_request_path(deep).verdict, Verdict::Malformed);
}

// A small site: index.html, en/index.html, en/page.html, assets/site.css, a secret beside it.
struct Site {
  testing::TempDir dir{"serve-site"};
  fs::path root = dir.path() / "site";
  fs::path secret = dir.path() / "secret.txt";
  Site() {
    fs::create_directories(root / "en" / "plan x");
    fs::create_directories(root / "assets");
    std::ofstream(root / "index.html") << "<p>home</p>";
    std::ofstream(root / "en" / "index.html") << "<p>en</p>";
    std::ofstream(root / "en" / "page.html") << "<p>page</p>";
    std::ofstream(root / "en" / "plan x" / "index.html") << "<p>plan x</p>";
    std::ofstream(root / "assets" / "site.css") << "body{}";
    std::ofstream(secret) << "secret";
  }
};

TEST(ServeAnswer, FilesFoldersAndRedirects) {
  Site s;
  Reply home = answer(s.root, "GET", "/");
  EXPECT_EQ(home.status, 200);
  EXPECT_EQ(home.body, "<p>home</p>");
  EXPECT_EQ(home.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(answer(s.root, "GET", "/en/").body, "<p>en</p>");
  EXPECT_EQ(answer(s.root, "GET", "/en/page.html?x=1").body, "<p>page</p>");
  EXPECT_EQ(answer(s.root, "GET", "/en/plan%20x/").body, "<p>plan x</p>");
  const Reply css = answer(s.root, "GET", "/assets/site.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  // A folder without its slash moves to it, so its page's relative links work.
  const Reply moved = answer(s.root, "GET", "/en/plan%20x?lang=en");
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.location, "/en/plan%20x/?lang=en");
  // Never to another host: "//evil.example" is the folder "evil.example" of this site.
  fs::create_directories(s.root / "evil.example");
  EXPECT_EQ(answer(s.root, "GET", "//evil.example").location, "/evil.example/");
  // HEAD answers as GET does (the server sends the headers only).
  EXPECT_EQ(answer(s.root, "HEAD", "/en/page.html").body, "<p>page</p>");
}

TEST(ServeAnswer, OnlyGetAndHead) {
  Site s;
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}) {
    const Reply r = answer(s.root, method, "/");
    EXPECT_EQ(r.status, 405) << method;
    EXPECT_EQ(r.allow, "GET, HEAD");
    EXPECT_EQ(r.body.find("home"), std::string::npos);
  }
}

TEST(ServeAnswer, NothingOutsideTheSiteFolder) {
  Site s;
  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/en/%2e%2e/%2e%2e/secret.txt", "/en/..%2f..%2fsecret.txt"}) {
    const Reply r = answer(s.root, "GET", target);
    EXPECT_EQ(r.status, 403) << target;
    EXPECT_EQ(r.body.find("secret\n"), std::string::npos) << target;
  }
  // Links out of the folder, to a file and to a folder, and even a link inside it: refused.
  fs::create_symlink(s.secret, s.root / "leak.txt");
  fs::create_directory_symlink(s.dir.path(), s.root / "up");
  fs::create_symlink(s.root / "en" / "page.html", s.root / "en" / "alias.html");
  for (const char* target : {"/leak.txt", "/up/secret.txt", "/up/", "/up", "/en/alias.html"}) {
    const Reply r = answer(s.root, "GET", target);
    EXPECT_NE(r.status, 200) << target;
    EXPECT_EQ(r.body.find("secret\n"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("page"), std::string::npos) << target;
  }
  EXPECT_EQ(answer(s.root, "GET", "/leak.txt").status, 403);
  EXPECT_EQ(answer(s.root, "GET", "/up/secret.txt").status, 403);
}

TEST(ServeAnswer, AFifoIsNotServedAndDoesNotBlock) {
  Site s;
  ASSERT_EQ(::mkfifo((s.root / "pipe.html").c_str(), 0600), 0);
  EXPECT_EQ(answer(s.root, "GET", "/pipe.html").status, 404);
}

TEST(ServeAnswer, NotFoundUsesTheSitesOwnPage) {
  Site s;
  const Reply plain = answer(s.root, "GET", "/en/nope.html");
  EXPECT_EQ(plain.status, 404);
  EXPECT_EQ(plain.content_type, "text/plain; charset=utf-8");
  std::ofstream(s.root / "404.html") << "<p>not here</p>";
  const Reply site = answer(s.root, "GET", "/en/nope.html");
  EXPECT_EQ(site.status, 404);
  EXPECT_EQ(site.body, "<p>not here</p>");
  EXPECT_EQ(site.content_type, "text/html; charset=utf-8");
  // A language's own page first.
  std::ofstream(s.root / "en" / "404.html") << "<p>en: not here</p>";
  EXPECT_EQ(answer(s.root, "GET", "/en/nope.html").body, "<p>en: not here</p>");
  EXPECT_EQ(answer(s.root, "GET", "/nope.html").body, "<p>not here</p>");
  // A file is no folder.
  EXPECT_EQ(answer(s.root, "GET", "/en/page.html/x").status, 404);
}

TEST(ServeAnswer, ANotFoundPagesLinksWorkAtTheAddressThatMissed) {
  Site s;
  // Built with the public address: its <base> is replaced by its own address on this server.
  std::ofstream(s.root / "en" / "404.html")
      << "<html><head><meta charset=\"utf-8\" /><base href=\"/nap/en/404.html\" />"
         "<link rel=\"stylesheet\" href=\"../assets/site.css\" /></head><body><base href=\"x\" /></body></html>";
  const Reply en = answer(s.root, "GET", "/en/some/deep/miss/");
  EXPECT_EQ(en.status, 404);
  EXPECT_EQ(en.body,
            "<html><head><meta charset=\"utf-8\" /><base href=\"/en/404.html\" />"
            "<link rel=\"stylesheet\" href=\"../assets/site.css\" /></head><body><base href=\"x\" /></body></html>");
  // Built without one: a <base> first in the head. Only the head is touched.
  std::ofstream(s.root / "404.html") << "<html><head><title>x</title></head><body><p>&lt;base </p></body></html>";
  EXPECT_EQ(answer(s.root, "GET", "/nope/x.html").body,
            "<html><head><base href=\"/404.html\" /><title>x</title></head><body><p>&lt;base </p></body></html>");
  // A page with no head is served as it is.
  std::ofstream(s.root / "404.html", std::ios::trunc) << "<p>not here</p>";
  EXPECT_EQ(answer(s.root, "GET", "/nope.html").body, "<p>not here</p>");
}

TEST(ServeAnswer, NoSiteYet) {
  testing::TempDir dir("serve-nosite");
  EXPECT_EQ(answer(dir.path() / "site", "GET", "/").status, 503);
}

}  // namespace
}  // namespace renaksi::serve
