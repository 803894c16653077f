// The site in two parts: a plan's pages from the plan alone (emit_plan_site), the archive's
// pages from every plan's summary (emit_archive_site). A plan's pages are the same bytes
// whatever else the archive holds; its summary survives JSON; a broken link that leaves a plan
// is found by the archive, one that stays inside it by the plan.
#include <chrono>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <nlohmann/json.hpp>

#include "env/content_hash.h"
#include "emit/html/search_index.h"
#include "emit/html/search_stem.h"
#include "emit/html/site.h"
#include "emit/html/site_links.h"
#include "support/shared_archive.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

html::SiteOptions options(const fs::path& layouts = testing::source_dir() / "layouts" / "html") {
  // As the shared archive is built (tests/support/shared_archive.cpp): no site address (content/
  // has no site.xml) and SOURCE_DATE_EPOCH 1543536000, so that its pages can be compared.
  using namespace std::chrono;
  return {layouts, "", year_month_day{year{2018} / November / 30}};
}

Locales site_locales(const std::vector<std::string>& langs) {
  Locales locales;
  Diagnostics d;
  for (const auto& lang : langs)
    if (auto c = Catalogue::load(catalogue_path(testing::source_dir(), lang), lang, d))
      locales[lang] = std::make_unique<Locale>(lang, std::move(*c));
  EXPECT_FALSE(d.has_errors());
  return locales;
}

const Locales& locales() {
  static const Locales l = site_locales({"id", "en"});
  return l;
}

// The shared archive's plans, in folder order: nap-2018-2020, nap-2020-2022, nap-2023-2024.
const BuildState& plan(size_t i) { return *testing::shared_archive().plans.at(i); }

// A plan's own files as its build leaves them: its artifacts, out of the shared archive's outputs.
Outputs artifacts_of(const std::string& plan_id) {
  const Outputs& all = testing::shared_archive().outputs;
  Outputs out;
  for (const Artifact& a : all.artifacts())
    if (a.plan_id == plan_id && !out.has(a.path())) out.add(a, *all.find(a.path()));
  // And its open data (the data step's tables, which its pages link).
  for (const auto& path : all.paths("site/data/" + plan_id + "/"))
    if (!out.has(path)) out.add(path, *all.find(path));
  return out;
}

std::string errors(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.str() + "\n";
  return s;
}

// The site/ files of `out` whose path starts with one of `prefixes` (after "site/").
// Each file's path and the hash of its bytes (not the bytes: a failing comparison of whole
// sites printed gigabytes and was killed for memory).
std::map<std::string, std::string> files_under(const Outputs& out, const std::vector<std::string>& prefixes) {
  std::map<std::string, std::string> got;
  for (const auto& path : out.paths("site/"))
    for (const auto& p : prefixes)
      if (path.substr(5).starts_with(p)) got[path] = content_hash({*out.find(path)});
  return got;
}

std::vector<std::string> plan_prefixes(const std::string& slug) { return {"id/" + slug + "/", "en/" + slug + "/", "files/" + slug + "/"}; }

TEST(SiteSplit, APlansPagesAreTheSameAloneAndInAnArchive) {
  ASSERT_EQ(testing::shared_archive().error_count(), 0u);
  for (size_t i = 0; i < 3; ++i) {
    const BuildState& p = plan(i);
    SCOPED_TRACE(p.loaded.plan.id);
    // Alone, through the plan's part only, in its own outputs.
    Outputs alone = artifacts_of(p.loaded.plan.id);
    Diagnostics d1;
    auto summary = html::emit_plan_site(p.documents, alone, locales(), options(), d1);
    ASSERT_TRUE(summary) << errors(d1);
    EXPECT_EQ(errors(d1), "");
    // In an archive of three plans, through the whole site; and in the whole build.
    std::vector<Outputs> files;
    for (size_t k = 0; k < 3; ++k) files.push_back(artifacts_of(plan(k).loaded.plan.id));
    std::vector<html::SitePlanSource> sources;
    for (size_t k = 0; k < 3; ++k) sources.push_back({&plan(k).documents, &files[k]});
    Outputs archive;
    Diagnostics d2;
    ASSERT_TRUE(html::emit_site(sources, locales(), options(), archive, d2)) << errors(d2);

    const auto mine = files_under(alone, plan_prefixes(summary->slug));
    // Its pages, its downloads and, in each of its languages, each commitment's search text.
    EXPECT_EQ(mine.size(), summary->pages.size() + summary->downloads.size() +
                               summary->editions.size() * p.loaded.plan.commitments.size());
    EXPECT_EQ(mine, files_under(archive, plan_prefixes(summary->slug)));
    EXPECT_EQ(mine, files_under(testing::shared_archive().outputs, plan_prefixes(summary->slug)));
    // Nothing else: the plan's part writes no archive page (beside its own open data, which
    // its outputs held before).
    EXPECT_EQ(alone.paths("site/").size(), mine.size() + alone.paths("site/data/" + p.loaded.plan.id + "/").size());
  }
}

TEST(SiteSplit, EachLanguagesPagesAreWrittenOnAThreadOfTheirOwnAndListedInTheLanguagesOrder) {
  // The plan's languages are written at once; what they wrote is taken in in the languages'
  // order: every page of the administrative language, then every English one, each language's
  // plan page first, and the same bytes build after build.
  Outputs first = artifacts_of("nap-2018-2020");
  Outputs second = artifacts_of("nap-2018-2020");
  Diagnostics d;
  auto a = html::emit_plan_site(plan(0).documents, first, locales(), options(), d);
  auto b = html::emit_plan_site(plan(0).documents, second, locales(), options(), d);
  ASSERT_TRUE(a && b) << errors(d);
  EXPECT_EQ(a->pages, b->pages);
  EXPECT_EQ(files_under(first, plan_prefixes(a->slug)), files_under(second, plan_prefixes(b->slug)));
  const size_t commitments = plan(0).loaded.plan.commitments.size();
  ASSERT_GE(a->pages.size(), 2 * (commitments + 1));  // a plan page and its commitments, per language
  const size_t half = a->pages.size() / 2;
  for (size_t i = 0; i < a->pages.size(); ++i)
    EXPECT_TRUE(a->pages[i].starts_with(i < half ? "id/" : "en/")) << i << " " << a->pages[i];
  EXPECT_EQ(a->pages[0], "id/" + a->slug + "/index.html");
  EXPECT_EQ(a->pages[half], "en/" + a->slug + "/index.html");
  // Every page listed is a file written, once.
  const std::set<std::string> listed(a->pages.begin(), a->pages.end());
  EXPECT_EQ(listed.size(), a->pages.size());
  for (const auto& page : a->pages) EXPECT_TRUE(first.has("site/" + page)) << page;
}

TEST(SiteSplit, TheSummaryRoundTripsThroughJson) {
  Outputs out = artifacts_of("nap-2018-2020");
  Diagnostics d;
  auto s = html::emit_plan_site(plan(0).documents, out, locales(), options(), d);
  ASSERT_TRUE(s) << errors(d);
  // As the plan cache keeps it: CBOR, the search words still deflated.
  const std::vector<std::uint8_t> cbor = nlohmann::json::to_cbor(s->to_json());
  // Small: what the archive's pages show of the plan, not its prose. Most of it is the words of
  // its commitments for the search index (each word once per commitment, with a count; deflated)
  // and its organisations: 14 commitments in two languages, about 90 kB.
  EXPECT_LT(cbor.size(), 128u * 1024) << cbor.size();
  auto back = html::SitePlanSummary::from_json(nlohmann::json::from_cbor(cbor));
  ASSERT_TRUE(back);
  EXPECT_EQ(nlohmann::json::to_cbor(back->to_json()), cbor);
  ASSERT_EQ(back->editions.size(), s->editions.size());
  for (size_t i = 0; i < s->editions.size(); ++i) {
    EXPECT_EQ(back->editions[i].words.unpack(), s->editions[i].words.unpack());
    EXPECT_FALSE(back->editions[i].words.unpack().empty());
  }
  EXPECT_EQ(back->id, "nap-2018-2020");
  EXPECT_EQ(back->slug, "nap-2018-2020");
  EXPECT_EQ(back->editions.size(), 2u);
  EXPECT_EQ(back->editions[0].search.size(), 14u);
  EXPECT_FALSE(back->links_out.empty());
  EXPECT_EQ(back->pages.front(), "id/nap-2018-2020/index.html");

  // The archive built from the summary read back is the archive built from the original.
  Outputs a, b;
  Diagnostics da, db;
  EXPECT_TRUE(html::emit_archive_site({*s}, locales(), options(), a, da)) << errors(da);
  EXPECT_TRUE(html::emit_archive_site({*back}, locales(), options(), b, db)) << errors(db);
  EXPECT_EQ(a.files(), b.files());

  // A summary of another version, or one naming a path out of the site, or whose words cannot
  // be what they say, is not read.
  for (auto damage : std::vector<std::function<void(nlohmann::json&)>>{
           [](nlohmann::json& j) { j["version"] = html::SitePlanSummary::kVersion + 1; },
           [](nlohmann::json& j) { j["slug"] = "../../etc"; },
           [](nlohmann::json& j) { j["pages"][0] = "../index.html"; },
           [](nlohmann::json& j) { j["editions"][0]["lang"] = "../x"; },
           [](nlohmann::json& j) { j["anchors"][0][0] = 100000; },
           [](nlohmann::json& j) { j["editions"][0]["search"][0]["n"] = "ten"; },
           [](nlohmann::json& j) { j.erase("pages"); },
           [](nlohmann::json& j) { j["editions"][0]["words"]["packed"] = "not binary"; },
           [](nlohmann::json& j) { j["editions"][0]["words"]["size"] = std::size_t{1} << 40; },
           [](nlohmann::json& j) { j["editions"][0]["words"]["raw"] = true; },
       }) {
    nlohmann::json j = nlohmann::json::from_cbor(cbor);
    damage(j);
    EXPECT_FALSE(html::SitePlanSummary::from_json(j)) << j.dump().substr(0, 200);
  }
  EXPECT_FALSE(html::SitePlanSummary::from_json(nlohmann::json::array()));
}

// Two plans' summaries, and the archive of them.
// Each language's word list is the words of its commitments' search files, counted again here
// from those files: a word's weight in a commitment is 4 per time in its title, 2 in its other
// titles, leads and themes, 1 in its text. The words are sorted by their bytes, each once, and
// each word's commitments in plan order, each once.
TEST(SiteSplit, TheWordListCountsWhatTheSearchFilesHold) {
  Outputs out = artifacts_of("nap-2018-2020");
  Diagnostics d;
  auto s = html::emit_plan_site(plan(0).documents, out, locales(), options(), d);
  ASSERT_TRUE(s) << errors(d);
  ASSERT_EQ(s->editions.size(), 2u);
  for (const auto& e : s->editions) {
    SCOPED_TRACE(e.lang);
    // word -> commitment index -> weight, from the search files.
    std::map<std::string, std::map<size_t, int>> expected;
    for (size_t k = 0; k < e.search.size(); ++k) {
      const std::string path = "site/" + html::search_doc_path(e.lang, s->slug, e.search[k].number);
      const std::string* js = out.find(path);
      ASSERT_NE(js, nullptr) << path;
      const size_t open = js->find(", {"), close = js->rfind(");");
      ASSERT_TRUE(open != std::string::npos && close != std::string::npos && close > open) << path;
      const nlohmann::json doc = nlohmann::json::parse(js->substr(open + 2, close - open - 2));
      auto count = [&](const std::string& text, int weight) {
        for (const auto& w : html::search_terms("", text)) expected[w][k] += weight;
      };
      count(doc.at("t").get<std::string>(), 4);
      count(doc.at("o").get<std::string>(), 2);
      for (const auto& x : doc.at("l")) count(x.get<std::string>(), 2);
      for (const auto& x : doc.at("h")) count(x.get<std::string>(), 2);
      count(doc.at("x").get<std::string>(), 1);
    }
    ASSERT_GT(expected.size(), 500u);
    std::map<std::string, std::map<size_t, int>> got;
    std::string previous;
    std::istringstream lines(e.words.unpack());
    for (std::string line; std::getline(lines, line);) {
      const size_t tab = line.find('\t');
      ASSERT_NE(tab, std::string::npos) << line;
      const std::string word = line.substr(0, tab);
      EXPECT_LT(previous, word) << "not sorted, or twice";
      previous = word;
      std::istringstream postings(line.substr(tab + 1));
      long last = -1;
      for (std::string posting; postings >> posting;) {
        const size_t colon = posting.find(':');
        ASSERT_NE(colon, std::string::npos) << line;
        const long k = std::stol(posting.substr(0, colon));
        EXPECT_LT(last, k) << line;
        last = k;
        got[word][static_cast<size_t>(k)] = std::stoi(posting.substr(colon + 1));
      }
    }
    EXPECT_EQ(got, expected);
  }
}

struct TwoPlans {
  std::vector<html::SitePlanSummary> summaries;
  TwoPlans() {
    for (size_t i : {0, 1}) {
      Outputs out;
      Diagnostics d;
      auto s = html::emit_plan_site(plan(i).documents, out, locales(), options(), d);
      EXPECT_TRUE(s) << errors(d);
      if (s) summaries.push_back(std::move(*s));
    }
  }
};

TEST(SiteSplit, ABrokenLinkThatLeavesAPlanIsFoundByTheArchive) {
  TwoPlans two;
  ASSERT_EQ(two.summaries.size(), 2u);
  html::SitePlanSummary& s = two.summaries[0];  // nap-2018-2020
  // Links the plan's pages could make: to another plan's page that does not exist, to an id
  // the other plan's page does not have, to one it has (its contents link to it).
  s.links_out.push_back({"en/nap-2099-2100/index.html", {{0, ""}}});
  s.links_out.push_back({"en/nap-2020-2022/index.html#nowhere", {{1, "../../en/nap-2020-2022/index.html#nowhere"}}});
  s.links_out.push_back({"en/nap-2020-2022/index.html#foreword", {{1, ""}}});
  Outputs out;
  Diagnostics d;
  EXPECT_FALSE(html::emit_archive_site(two.summaries, locales(), options(), out, d));
  EXPECT_EQ(errors(d),
            // In page order: the commitment page "id/nap-2018-2020/1-…" sorts before "id/nap-2018-2020/index.html".
            "site/" + s.pages[1] + ": error[H002]: the link '../../en/nap-2020-2022/index.html#nowhere' is broken: no id "
            "'nowhere' on en/nap-2020-2022/index.html\n"
            "site/" + s.pages[0] + ": error[H002]: the link '../../en/nap-2099-2100/index.html' is broken: no file "
            "site/en/nap-2099-2100/index.html\n");
}

TEST(SiteSplit, ABrokenAnchorInsideAPlanIsFoundByThePlan) {
  // A template whose every page links to an id no page has, and to a page of the plan's own
  // folder that is not written.
  testing::TempDir dir("site-split-template");
  const fs::path layouts = dir.path() / "html";
  fs::copy(testing::source_dir() / "layouts" / "html", layouts, fs::copy_options::recursive);
  std::string page = testing::file_bytes(layouts / "page.html");
  const std::string main = "<main";
  ASSERT_NE(page.find(main), std::string::npos);
  page.insert(page.find(main), "<p><a href=\"#nowhere\">x</a></p>");
  std::ofstream(layouts / "page.html", std::ios::binary) << page;

  Outputs out;
  Diagnostics d;
  EXPECT_FALSE(html::emit_plan_site(plan(1).documents, out, locales(), options(layouts), d));
  size_t pages = 0;
  for (const auto& x : d.all()) {
    EXPECT_EQ(x.code, Code::H002) << x.str();
    const std::string at = x.loc.file.substr(5);
    EXPECT_EQ(x.message, "the link '#nowhere' is broken: no id 'nowhere' on " + at);
    ++pages;
  }
  // Its plan page, its commitment pages, its change report (it has a recorded draft) and the
  // page of its proposals.
  EXPECT_EQ(pages, 2u * (3 + plan(1).loaded.plan.commitments.size()));
}

TEST(SiteSplit, APlansFooterNamesItsOwnIssuer) {
  // A newer plan by another issuer: the archive's pages name it; the older plan's pages still
  // name their own.
  std::vector<doc::Document> newer = plan(0).documents;
  for (auto& d : newer) {
    d.plan_id = "nap-2099-2100";
    d.facts.start = "2099-01-01";
    d.facts.issuer_name = "Another Issuer";
  }
  Outputs none;
  Outputs out;
  Diagnostics d;
  ASSERT_TRUE(html::emit_site({{&plan(0).documents, &none}, {&newer, &none}}, locales(), options(), out, d)) << errors(d);
  EXPECT_NE(out.find("site/en/index.html")->find("published by Another Issuer."), std::string::npos);
  const std::string& own = *out.find("site/en/nap-2018-2020/index.html");
  EXPECT_NE(own.find("published by Open Government Indonesia National Secretariat."), std::string::npos);
  EXPECT_EQ(own.find("Another Issuer"), std::string::npos);
  for (const auto& b : testing::broken_links(out)) ADD_FAILURE() << b.page << ": " << b.href << ": " << b.why;
}

}  // namespace
}  // namespace renaksi
