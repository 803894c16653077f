// Hostile suite, attacks that already hold: entities, script and link injection, and the one
// top-level guard that turns whatever escapes a command into one line and exit 3.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <stdexcept>

#include "cli/app.h"
#include "hostile/hostile.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::build_into;
using testing::has;
using testing::tree_of;

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Every file under `dir` whose name ends in `suffix`, concatenated.
std::string all_files(const fs::path& dir, const std::string& suffix) {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().string().ends_with(suffix)) all += testing::read_text(e.path());
  return all;
}

TEST(HostileAttacks, ExternalEntitiesAndEntityExpansionAreRefusedWithoutReadingAnything) {
  testing::TempDir dir("hostile-xxe");
  const fs::path out = dir.path() / "dist";
  testing::make_previous_build(out);
  const auto before = tree_of(out);
  const std::string xxe = "<!DOCTYPE plan [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
  const std::string laughs =
      "<!DOCTYPE plan [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
      "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
      "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>\n";
  int n = 0;
  for (const auto& [doctype, use] : {std::pair{xxe, std::string("&xxe;")}, std::pair{laughs, std::string("&h;")}}) {
    const fs::path plan = testing::copy_base_plan(dir.path(), "plan" + std::to_string(n++));
    std::string text = testing::read_text(plan / "commitments" / "01.xml");
    text = replaced(text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype);
    text = replaced(text, "Komitmen pertama", use);
    testing::write_text(plan / "commitments" / "01.xml", text);
    const auto r = build_into(plan, out, dir.path() / "cache");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(has(r.err, "01.xml:2:1: error[L005]") || has(r.err, "01.xml:2:") ) << r.err;
    EXPECT_TRUE(has(r.err, "error[L005]")) << r.err;
    EXPECT_FALSE(has(r.err + r.out, "root:")) << "nothing of /etc/passwd is read";
    EXPECT_EQ(tree_of(out), before);
  }
}

TEST(HostileAttacks, ScriptAndJavascriptLinksInContentNeverReachThePages) {
  testing::TempDir dir("hostile-script");
  const fs::path plan = testing::copy_base_plan(dir.path());
  std::string text = testing::read_text(plan / "commitments" / "01.xml");
  text = replaced(text, "First commitment", "&lt;script&gt;alert('title')&lt;/script&gt;");
  text = replaced(text, "<text xml:lang=\"en\">The commitment.</text>",
                  "<text xml:lang=\"en\">&lt;script&gt;alert(1)&lt;/script&gt;\n\n"
                  "[click](javascript:alert(2)) and [data](data:text/html,&lt;b&gt;x)\n\n"
                  "&lt;img src=x onerror=alert(3)&gt; &lt;a href=\"javascript:alert(4)\"&gt;a&lt;/a&gt;\n\n"
                  "`&lt;/code&gt;&lt;script&gt;alert(5)&lt;/script&gt;`</text>");
  testing::write_text(plan / "commitments" / "01.xml", text);
  const fs::path out = dir.path() / "dist";
  const auto r = build_into(plan, out, dir.path() / "cache");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "warning[P007]")) << r.err;
  const std::string html = all_files(out / "site", ".html");
  ASSERT_FALSE(html.empty());
  EXPECT_FALSE(has(html, "<script>alert")) << "script injected";
  // No element carries an event handler or a script address (attribute values, which hold
  // escaped text such as the meta description, are taken out first).
  const std::string tags = std::regex_replace(html, std::regex("\"[^\"]*\""), "\"\"");
  EXPECT_FALSE(std::regex_search(tags, std::regex("<[a-z]+[^>]*\\son[a-z]+\\s*=", std::regex::icase))) << "event handler";
  EXPECT_FALSE(std::regex_search(html, std::regex("(href|src)\\s*=\\s*\"?\\s*(javascript|data):", std::regex::icase)));
  // In prose, HTML outside the safe subset is dropped with a warning (script with its content);
  // in a short field (the title) it is text.
  EXPECT_TRUE(has(r.err, "warning[P011]")) << r.err;
  EXPECT_FALSE(has(html, "alert(1)"));
  EXPECT_TRUE(has(html, "&lt;script&gt;alert(\u2018title\u2019)&lt;/script&gt;")) << "the text is kept, as text";
  // Every script is an external file (content never lands inside an inline script), and the
  // search shows the index's texts with textContent, never as markup.
  EXPECT_FALSE(std::regex_search(html, std::regex("<script(?![^>]*\\ssrc=)[^>]*>"))) << "an inline script";
  const std::string search = testing::read_text(out / "site" / "assets" / "search.js");
  ASSERT_FALSE(search.empty());
  EXPECT_FALSE(has(search, "innerHTML") || has(search, "insertAdjacentHTML") || has(search, "document.write"));
  EXPECT_TRUE(has(all_files(out / "site", ".js"), "<script>alert('title')</script>"))
      << "the commitments' search texts hold the text as data";
}

TEST(HostileAttacks, WhateverEscapesACommandIsOneLineAndExitThree) {
  std::ostringstream err;
  EXPECT_EQ(run_guarded(err, [] () -> int { throw std::runtime_error("boom\n\x1b[31mred"); }), 3);
  EXPECT_EQ(err.str(), "renaksi: internal error: boom\\n\\x1b[31mred\n");
  std::ostringstream err2;
  EXPECT_EQ(run_guarded(err2, [] () -> int { throw 42; }), 3);
  EXPECT_EQ(err2.str(), "renaksi: internal error: an unknown exception\n");
  std::ostringstream err3;
  EXPECT_EQ(run_guarded(err3, [] { return 1; }), 1);
  EXPECT_EQ(err3.str(), "");
}

}  // namespace
}  // namespace renaksi
