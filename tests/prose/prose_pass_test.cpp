// Tests of the prose pass: one Pandoc run for every fragment, untrusted input, the cache, and
// Pandoc missing, failing, hanging or speaking another AST version.
#include "prose/prose_pass.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sys/stat.h>

#include "prose/from_pandoc.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

// A plan whose themes carry the given Markdown fragments as descriptions (prose fields).
Plan plan_with(const std::vector<std::string>& fragments) {
  Plan p;
  p.folder = "test-plan";
  p.languages = {{"en", true, {}}};
  int n = 0;
  for (const auto& f : fragments) {
    Theme t;
    t.id = "t" + std::to_string(n);
    t.description.kind = TextKind::Prose;
    t.description.texts.push_back({"en", f, {"themes.xml", 10 * ++n, 5}, 10 * n + 1});
    p.themes.push_back(std::move(t));
  }
  return p;
}

struct ProseRun {
  ProseStore store;
  ProseStats stats;
  Diagnostics diags;
};

class ProsePass : public ::testing::Test {
 protected:
  ProsePass() : dir_("prose") {
    env_.cache_dir = dir_.path() / "cache";
    env_.pandoc_timeout = std::chrono::milliseconds(20000);
  }

  ProseRun parse(const std::vector<std::string>& fragments) {
    ProseRun r;
    r.stats = parse_prose(plan_with(fragments), env_, r.store, r.diags);
    return r;
  }

  // A stand-in for Pandoc: a shell script with the given body.
  std::string fake_pandoc(const std::string& name, const std::string& body) {
    fs::path script = dir_.path() / name;
    std::ofstream(script) << "#!/bin/sh\n" << body << "\n";
    ::chmod(script.c_str(), 0755);
    return script.string();
  }

  testing::TempDir dir_;
  Env env_;
};

std::string dumped(const prose::Blocks& b) {
  std::string s;
  prose::dump(b, s, 0);
  return s;
}

TEST_F(ProsePass, EverySupportedConstructComesBackInOneRun) {
  const std::string md =
      "Para with *emph*, **strong**, ~~gone~~, `code`, \"quoted\" and a [link](https://ogp.example/x).\n\n"
      "## A heading\n\n"
      "- one\n- two\n\n"
      "3. three\n4. four\n\n"
      "> quoted block\n\n"
      "Text with a note.[^1]\n\n[^1]: The note.\n\n"
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
      "    code block\n\n"
      "Mail [us](mailto:x@example.org).";
  ProseRun r = parse({md, "Second fragment."});
  EXPECT_EQ(r.stats.pandoc_runs, 1);
  EXPECT_EQ(r.stats.fragments, 2);
  for (const auto& d : r.diags.all()) ADD_FAILURE() << d.str();
  EXPECT_EQ(dumped(r.store.get(md)),
            "para: Para with [emph emph], [strong strong], [strike gone], [code code], [quoted double quoted] and a "
            "[link <https://ogp.example/x> link].\n"
            "heading 2: A heading\n"
            "bullets:\n- item:\n    para: one\n- item:\n    para: two\n"
            "numbered from 3:\n- item:\n    para: three\n- item:\n    para: four\n"
            "quote:\n  para: quoted block\n"
            "para: Text with a note.[note para: The note. ]\n"
            "table:\n  header: | a | b\n  row: | 1 | 2\n"
            "code: code block\n"
            "para: Mail [link <mailto:x@example.org> us].\n");
  EXPECT_EQ(dumped(r.store.get("Second fragment.")), "para: Second fragment.\n");
}

TEST_F(ProsePass, RawHtmlAndScriptStayText) {
  const std::string md = "Hello <script>alert(1)</script> <b onclick=\"x()\">bold</b>\n\n<div>block</div>";
  ProseRun r = parse({md});
  const std::string out = dumped(r.store.get(md));
  // No raw node survives: the markup is literal text, which every writer escapes.
  EXPECT_NE(out.find("<script>alert(1)</script>"), std::string::npos) << out;
  EXPECT_NE(out.find("<div>block</div>"), std::string::npos) << out;
  EXPECT_EQ(r.diags.all().size(), 0u);
}

TEST_F(ProsePass, JavascriptLinksAreDroppedWithAWarningAtTheFragment) {
  const std::string md = "Click [here](javascript:alert(1)) or [there](data:text/html,x) or [ok](https://a.example).";
  ProseRun r = parse({md});
  EXPECT_EQ(dumped(r.store.get(md)), "para: Click here or there or [link <https://a.example> ok].\n");
  ASSERT_EQ(r.diags.all().size(), 2u);
  for (const auto& d : r.diags.all()) {
    EXPECT_EQ(d.code, Code::P007);
    EXPECT_EQ(d.severity, Severity::Warning);
    EXPECT_EQ(d.loc.str(), "themes.xml:11");
  }
}

TEST_F(ProsePass, AFenceLineCannotBreakOutOfItsWrapper) {
  const std::string a = "Before\n\n:::\n\n::: {#f1}\nInjected\n:::\n\nAfter";
  const std::string b = "The next fragment.";
  ProseRun r = parse({a, b});
  EXPECT_FALSE(r.diags.has_errors());
  EXPECT_EQ(dumped(r.store.get(b)), "para: The next fragment.\n");
  const std::string out = dumped(r.store.get(a));
  EXPECT_NE(out.find("para: :::"), std::string::npos) << out;
  EXPECT_NE(out.find("Injected"), std::string::npos) << out;
}

TEST_F(ProsePass, UnclosedConstructsStayInsideTheirFragment) {
  const std::vector<std::string> fragments = {"```\nnever closed", "~~~\nnor this", "- a\n  :::", "> q\n> :::", "Last."};
  ProseRun r = parse(fragments);
  EXPECT_FALSE(r.diags.has_errors());
  EXPECT_EQ(dumped(r.store.get("Last.")), "para: Last.\n");
}

TEST_F(ProsePass, AFragmentMissingFromPandocsAnswerIsReportedAtItsLine) {
  // Whatever escapes the wrapper, the answer must hold exactly the wrappers sent, in order.
  env_.pandoc = fake_pandoc("swallowing", "cat >/dev/null; echo '{\"pandoc-api-version\":[1,22,2,1],\"meta\":{},"
                                          "\"blocks\":[{\"t\":\"Div\",\"c\":[[\"f0\",[],[]],[]]}]}'");
  ProseRun r = parse({"Fine.", "Swallowed.", "Also fine."});
  ASSERT_EQ(r.diags.all().size(), 1u);
  EXPECT_EQ(r.diags.all()[0].code, Code::P005);
  EXPECT_EQ(r.diags.all()[0].loc.str(), "themes.xml:21");
}

TEST_F(ProsePass, UnrenderedNodesWarnInsteadOfVanishing) {
  const std::string md = "An image ![alt text](https://x.example/i.png) here.\n\nTerm\n:   Definition";
  ProseRun r = parse({md});
  EXPECT_NE(dumped(r.store.get(md)).find("alt text"), std::string::npos);
  ASSERT_GE(r.diags.all().size(), 2u);
  for (const auto& d : r.diags.all()) EXPECT_EQ(d.code, Code::P006) << d.str();
}

TEST_F(ProsePass, ASecondRunStartsNoPandoc) {
  ProseRun first = parse({"One.", "Two."});
  EXPECT_EQ(first.stats.pandoc_runs, 1);
  // Pandoc is now a program that cannot run: a cached build must not need it.
  env_.pandoc = (dir_.path() / "no-such-pandoc").string();
  ProseRun second = parse({"Two.", "One."});
  EXPECT_EQ(second.stats.pandoc_runs, 0);
  EXPECT_EQ(second.stats.cache_hits, 2);
  EXPECT_FALSE(second.diags.has_errors());
  EXPECT_EQ(dumped(second.store.get("One.")), "para: One.\n");
  // Only the changed fragment goes to Pandoc.
  env_.pandoc = "pandoc";
  ProseRun third = parse({"One.", "Three."});
  EXPECT_EQ(third.stats.pandoc_runs, 1);
  EXPECT_EQ(third.stats.cache_hits, 1);
}

TEST_F(ProsePass, ADamagedCacheEntryIsAMiss) {
  parse({"Cached."});
  for (const auto& e : fs::directory_iterator(env_.cache_dir / "prose")) std::ofstream(e.path()) << "{not json";
  ProseRun r = parse({"Cached."});
  EXPECT_EQ(r.stats.pandoc_runs, 1);
  EXPECT_EQ(dumped(r.store.get("Cached.")), "para: Cached.\n");
}

TEST_F(ProsePass, MissingPandocSaysWhatToInstall) {
  env_.pandoc = (dir_.path() / "no-such-pandoc").string();
  ProseRun r = parse({"Text."});
  ASSERT_EQ(r.diags.all().size(), 1u);
  EXPECT_EQ(r.diags.all()[0].code, Code::P001);
  EXPECT_NE(r.diags.all()[0].message.find("install the Debian package pandoc"), std::string::npos);
}

TEST_F(ProsePass, FailingPandocIsReportedWithItsMessage) {
  env_.pandoc = fake_pandoc("failing", "echo 'pandoc: something broke' >&2; exit 3");
  ProseRun r = parse({"Text."});
  ASSERT_EQ(r.diags.all().size(), 1u);
  EXPECT_EQ(r.diags.all()[0].code, Code::P002);
  EXPECT_NE(r.diags.all()[0].message.find("exit 3"), std::string::npos);
  EXPECT_NE(r.diags.all()[0].message.find("something broke"), std::string::npos);
}

TEST_F(ProsePass, HangingPandocIsStoppedWithinTheTimeLimit) {
  env_.pandoc = fake_pandoc("hanging", "exec sleep 30");
  env_.pandoc_timeout = std::chrono::milliseconds(300);
  auto start = std::chrono::steady_clock::now();
  ProseRun r = parse({"Text."});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_EQ(r.diags.all().size(), 1u);
  EXPECT_EQ(r.diags.all()[0].code, Code::P003);
}

TEST_F(ProsePass, AnotherAstVersionIsRefused) {
  env_.pandoc = fake_pandoc("future", "cat >/dev/null; echo '{\"pandoc-api-version\":[2,0],\"meta\":{},\"blocks\":[]}'");
  ProseRun r = parse({"Text."});
  ASSERT_EQ(r.diags.all().size(), 1u);
  EXPECT_EQ(r.diags.all()[0].code, Code::P004);
  EXPECT_NE(r.diags.all()[0].message.find("2.0"), std::string::npos);
}

TEST_F(ProsePass, OutputThatIsNotJsonIsAnError) {
  env_.pandoc = fake_pandoc("garbage", "cat >/dev/null; echo 'not json'");
  ProseRun r = parse({"Text."});
  ASSERT_EQ(r.diags.all().size(), 1u);
  EXPECT_EQ(r.diags.all()[0].code, Code::P002);
}

TEST_F(ProsePass, AnUnwritableCacheWarnsAndStillParses) {
  fs::create_directories(env_.cache_dir);
  std::ofstream(env_.cache_dir / "prose") << "a file where the folder should be";
  ProseRun r = parse({"Text."});
  EXPECT_EQ(dumped(r.store.get("Text.")), "para: Text.\n");
  ASSERT_EQ(r.diags.all().size(), 1u);
  EXPECT_EQ(r.diags.all()[0].code, Code::P008);
}

TEST(AllowedLink, OnlyWebAndMail) {
  EXPECT_TRUE(prose::allowed_link("https://x"));
  EXPECT_TRUE(prose::allowed_link("HTTP://x"));
  EXPECT_TRUE(prose::allowed_link("mailto:a@b"));
  EXPECT_FALSE(prose::allowed_link("javascript:x"));
  EXPECT_FALSE(prose::allowed_link(" javascript:x"));
  EXPECT_FALSE(prose::allowed_link("file:///etc/passwd"));
  EXPECT_FALSE(prose::allowed_link("/relative"));
}

}  // namespace
}  // namespace renaksi
