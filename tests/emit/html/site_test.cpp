// The archive website built from the real plans (and from a hostile one): which pages exist,
// that they are byte-identical from build to build, that no link is broken, that content never
// becomes markup, and what the pages say (stages, downloads, languages, order).
#include "emit/html/site.h"

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "driver/pipeline.h"
#include "driver/pipeline.h"
#include "emit/html/html_tree.h"
#include "emit/html/site_links.h"
#include "emit/html/urls.h"
#include "support/build.h"
#include "support/paths.h"
#include "support/shared_archive.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

const char* const kSiteUrl = "https://test.example/archive/";

std::unique_ptr<BuildState> build_plan(const fs::path& folder, const fs::path& cache) {
  Env env = Env::from_environment();
  env.cache_dir = cache;
  env.data_dir = testing::source_dir();
  return std::make_unique<BuildState>(testing::plan_through(folder, "ogp", env));
}

// Emits the site of `sources` with the project's catalogues and the layouts in `layouts`.
Outputs emit(const std::vector<html::SitePlanSource>& sources, Diagnostics& diags,
             const fs::path& layouts = testing::source_dir() / "layouts" / "html") {
  Locales locales;
  for (const auto& lang : html::site_languages(sources)) {
    auto c = Catalogue::load(catalogue_path(testing::source_dir(), lang), lang, diags);
    if (c) locales[lang] = std::make_unique<Locale>(lang, std::move(*c));
  }
  Outputs out;
  html::emit_site(sources, locales, {layouts, kSiteUrl, std::nullopt},
                  out, diags);
  for (const auto& [lang, l] : locales)
    for (const auto& d : l->diagnostics().all()) diags.add(d);
  return out;
}

std::vector<html::SitePlanSource> sources_of(const std::vector<const BuildState*>& states) {
  std::vector<html::SitePlanSource> out;
  for (const auto* s : states) out.push_back({&s->documents, &s->outputs});
  return out;
}

// A page read back with libxml2's HTML parser.
struct ParsedPage {
  XmlDocPtr doc;
  xmlNode* root() const { return xmlDocGetRootElement(doc.get()); }
  std::vector<xmlNode*> all(const char* name) const {
    std::vector<xmlNode*> out;
    html::for_each_element(root(), [&](xmlNode* n) {
      if (std::string(reinterpret_cast<const char*>(n->name)) == name) out.push_back(n);
    });
    return out;
  }
  std::string text_of(const char* name) const {
    auto v = all(name);
    return v.empty() ? std::string() : node_text(v.front());
  }
};

ParsedPage parse(const std::string& html) {
  return {XmlDocPtr(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET))};
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

class Site : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>("site");
    final_ = build_plan(testing::content_dir() / "nap-2018-2020", dir_->path() / "cache");
    draft_ = build_plan(testing::content_dir() / "nap-2020-2022", dir_->path() / "cache");
    out_ = std::make_unique<Outputs>(emit(sources_of({final_.get(), draft_.get()}), *diags_));
  }
  static void TearDownTestSuite() {
    out_.reset();
    final_.reset();
    draft_.reset();
    dir_.reset();
  }
  static const std::string& page(const std::string& path) {
    const std::string* p = out_->find("site/" + path);
    if (!p) throw std::runtime_error("no page " + path);
    return *p;
  }
  static std::vector<std::string> pages() {
    std::vector<std::string> out;
    for (const auto& p : out_->paths("site/"))
      if (p.ends_with(".html")) out.push_back(p.substr(5));
    return out;
  }

  static inline std::unique_ptr<testing::TempDir> dir_;
  static inline std::unique_ptr<BuildState> final_, draft_;
  static inline std::unique_ptr<Diagnostics> diags_ = std::make_unique<Diagnostics>();
  static inline std::unique_ptr<Outputs> out_;
};

TEST_F(Site, BuildsWithoutDiagnostics) {
  for (const auto& d : diags_->all()) ADD_FAILURE() << d.str();
  EXPECT_TRUE(final_->going);
  EXPECT_TRUE(draft_->going);
}

TEST_F(Site, WritesEveryPageInEveryLanguageOfItsPlan) {
  std::set<std::string> expected = {"index.html", "404.html"};
  for (const std::string lang : {"id", "en"}) {
    for (const char* p : {"index.html", "organisations/index.html", "search/index.html", "about/index.html", "404.html"})
      expected.insert(lang + "/" + p);
    for (const char* sector : {"government", "cso"})
      expected.insert(html::urls::organisations_sector(lang, sector));
    for (const auto* s : {final_.get(), draft_.get()}) {
      const Plan& plan = s->loaded.plan;
      expected.insert(html::urls::plan(lang, plan.id));
      // A plan with a recorded previous draft has its change report.
      if (plan.id == "nap-2020-2022") expected.insert(lang + "/" + plan.id + "/changes/index.html");
      // A plan with proposals on record has their page.
      if (!plan.record.proposals.empty()) expected.insert(lang + "/" + plan.id + "/proposals/index.html");
      for (const auto& c : plan.commitments)
        expected.insert(html::urls::commitment(lang, plan.id, std::to_string(c.number) + "-" + c.id));
    }
  }
  const auto got = pages();
  EXPECT_EQ(std::set<std::string>(got.begin(), got.end()), expected);
  for (const char* f : {"site/assets/site.css", "site/assets/search.js", "site/assets/search-index.js", "site/sitemap.xml"})
    EXPECT_TRUE(out_->has(f)) << f;
  // The downloads: every PDF edition, and the submission of the Final plan.
  for (const char* f : {"site/files/nap-2018-2020/nap-2018-2020.id.pdf", "site/files/nap-2018-2020/nap-2018-2020.en.pdf",
                        "site/files/nap-2018-2020/nap-2018-2020.bilingual.pdf", "site/files/nap-2018-2020/nap-2018-2020.ogp.xml",
                        "site/files/nap-2020-2022/nap-2020-2022.bilingual.pdf"})
    EXPECT_TRUE(out_->has(f)) << f;
  EXPECT_FALSE(out_->has("site/files/nap-2020-2022/nap-2020-2022.ogp.xml")) << "a draft is not submitted";
  // The Word editions, one per language; none for the bilingual edition.
  EXPECT_TRUE(out_->has("site/files/nap-2018-2020/nap-2018-2020.id.docx"));
  EXPECT_TRUE(out_->has("site/files/nap-2018-2020/nap-2018-2020.en.docx"));
  EXPECT_FALSE(out_->has("site/files/nap-2018-2020/nap-2018-2020.bilingual.docx"));
}

// The paths whose bytes differ between two sets of outputs (named, not dumped: PDFs are large).
std::vector<std::string> differing(const Outputs& a, const Outputs& b) {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : a.files())
    if (const std::string* other = b.find(path); !other || *other != bytes) out.push_back(path);
  for (const auto& [path, bytes] : b.files())
    if (!a.has(path)) out.push_back(path);
  return out;
}

TEST_F(Site, ByteIdenticalFromBuildToBuild) {
  Diagnostics d;
  Outputs again = emit(sources_of({final_.get(), draft_.get()}), d);
  EXPECT_EQ(differing(again, *out_), std::vector<std::string>{});

  // Two whole archive builds, from fresh states, on one build date.
  const ArchiveBuild& a = testing::shared_archive();
  ArchiveBuild b = build_archive(testing::content_dir(), a.env);
  EXPECT_EQ(a.error_count(), 0u);
  ASSERT_FALSE(a.outputs.paths("site/").empty());
  EXPECT_EQ(differing(a.outputs, b.outputs), std::vector<std::string>{});
}

TEST_F(Site, NoLinkIsBroken) {
  for (const auto& b : testing::broken_links(*out_, "site/")) ADD_FAILURE() << b.page << ": " << b.href << ": " << b.why;
}

TEST_F(Site, EveryPageHasItsLanguageTitleDescriptionSkipLinkAndMain) {
  for (const auto& path : pages()) {
    SCOPED_TRACE(path);
    ParsedPage p = parse(page(path));
    // The root pages (the language page, the 404 page every server may serve) are in the
    // first language, and carry the others' text in their own elements.
    const bool root = path.find('/') == std::string::npos;
    const std::string lang = root ? "id" : path.substr(0, path.find('/'));
    EXPECT_EQ(html::get_attr(p.root(), "lang"), lang);
    EXPECT_FALSE(p.text_of("title").empty());
    bool description = false;
    for (xmlNode* m : p.all("meta"))
      if (html::get_attr(m, "name") == "description") description = !html::get_attr(m, "content").empty();
    EXPECT_TRUE(description);
    EXPECT_EQ(p.all("main").size(), 1u);
    EXPECT_EQ(html::get_attr(p.all("main").front(), "id"), "main");
    ASSERT_FALSE(p.all("a").empty());
    EXPECT_EQ(html::get_attr(p.all("a").front(), "href"), "#main") << "the skip link comes first";
    EXPECT_EQ(p.all("h1").size(), 1u);
  }
}

TEST_F(Site, EveryPageLinksToItselfInTheOtherLanguage) {
  for (const auto& path : pages()) {
    if (path.find('/') == std::string::npos) continue;  // the root pages (no other language's)
    SCOPED_TRACE(path);
    const std::string lang = path.substr(0, path.find('/'));
    const std::string other = lang == "id" ? "en" : "id";
    const std::string same = other + path.substr(lang.size());
    ParsedPage p = parse(page(path));
    bool alternate = false, switch_link = false;
    // The alternate is the other page's absolute address (the site's address is known here):
    // its folder, without index.html.
    std::string absolute = std::string(kSiteUrl) + same;
    if (absolute.ends_with("index.html")) absolute.resize(absolute.size() - std::string("index.html").size());
    if (path.ends_with("/404.html")) alternate = true;  // not indexed: no alternates, only the switch
    for (xmlNode* l : p.all("link"))
      if (html::get_attr(l, "rel") == "alternate" && html::get_attr(l, "hreflang") == other)
        alternate = html::get_attr(l, "href") == absolute || html::get_attr(l, "href") == std::string(kSiteUrl) + same;
    for (xmlNode* a : p.all("a"))
      if (html::get_attr(a, "hreflang") == other && html::get_attr(a, "lang") == other)
        switch_link = html::urls::resolve(path, html::get_attr(a, "href")) == same;
    EXPECT_TRUE(alternate);
    EXPECT_TRUE(switch_link);
  }
}

TEST_F(Site, HomeListsThePlansNewestFirstWithPeriodStageAndCommitments) {
  const std::string& en = page("en/index.html");
  size_t newer = en.find("href=\"nap-2020-2022/index.html\""), older = en.find("href=\"nap-2018-2020/index.html\"");
  ASSERT_NE(newer, std::string::npos);
  ASSERT_NE(older, std::string::npos);
  EXPECT_LT(newer, older);
  // Dates and counts keep their parts together with no-break spaces (issue 11).
  for (const char* s : {"1\u00a0January\u00a02021", "Stage: Draft 3", "5\u00a0commitments", "1\u00a0September\u00a02018",
                        "Stage: Final", "14\u00a0commitments"})
    EXPECT_TRUE(contains(en, s)) << s;
  EXPECT_TRUE(contains(page("id/index.html"), "Tahap: Draf 3"));
  EXPECT_TRUE(contains(page("id/index.html"), "14\u00a0komitmen"));
}

TEST_F(Site, APlanNotFinalShowsItsStageAndAnInvitationToComment) {
  const std::string& draft = page("en/nap-2020-2022/index.html");
  EXPECT_TRUE(contains(draft, "notice-draft"));
  EXPECT_TRUE(contains(draft, "This is Draft 3 of the plan"));
  EXPECT_TRUE(contains(draft, "Send them to Open Government Indonesia National Secretariat."));
  EXPECT_TRUE(contains(draft, "href=\"https://ogi.bappenas.go.id/\""));
  EXPECT_TRUE(contains(page("id/nap-2020-2022/index.html"), "Sampaikan kepada Sekretariat Nasional Open Government Indonesia."));
  EXPECT_TRUE(contains(page("en/nap-2020-2022/1-beneficial-ownership/index.html"), "notice-draft"));
  EXPECT_FALSE(contains(page("en/nap-2018-2020/index.html"), "notice-draft"));
  EXPECT_FALSE(contains(page("en/nap-2018-2020/10-lapor-sp4n-quality/index.html"), "notice-draft"));
}

TEST_F(Site, PlanPageHasForewordCocreationAndCommitmentsByTheme) {
  ParsedPage p = parse(page("en/nap-2018-2020/index.html"));
  std::vector<std::string> h2;
  for (xmlNode* n : p.all("h2")) h2.push_back(node_text(n));
  EXPECT_EQ(h2, (std::vector<std::string>{"Commitments", "On this page", "Downloads", "Foreword",
                                          "Co-creation of the action plan", "Commitments by theme"}));
  std::set<std::string> linked;
  for (xmlNode* a : p.all("a")) linked.insert(html::urls::resolve("en/nap-2018-2020/index.html", html::get_attr(a, "href")));
  for (const auto& c : final_->loaded.plan.commitments)
    EXPECT_TRUE(linked.count(html::urls::commitment("en", "nap-2018-2020", std::to_string(c.number) + "-" + c.id))) << c.id;
  const std::string& html = page("en/nap-2018-2020/index.html");
  EXPECT_TRUE(contains(html, "<h3 id=\"theme-public-participation\">Public Participation</h3>"));
  EXPECT_TRUE(contains(html, "Co-creation events"));
  EXPECT_TRUE(contains(html, "id=\"downloads\""));
  EXPECT_TRUE(contains(html, "files/nap-2018-2020/nap-2018-2020.ogp.xml"));
}

TEST_F(Site, OrganisationsAreSortedByTheLocalesCollationAndLinkTheirCommitments) {
  for (const std::string lang : {"id", "en"}) {
    SCOPED_TRACE(lang);
    const std::string path = lang + "/organisations/index.html";
    ParsedPage p = parse(page(path));
    std::vector<std::string> names;
    for (xmlNode* h : p.all("h3")) names.push_back(node_text(h));
    ASSERT_GT(names.size(), 10u);
    Diagnostics d;
    Locale loc(lang, *Catalogue::load(catalogue_path(testing::source_dir(), lang), lang, d));
    for (size_t i = 1; i < names.size(); ++i) EXPECT_FALSE(loc.less(names[i], names[i - 1])) << names[i - 1] << " / " << names[i];
  }
  const std::string& en = page("en/organisations/index.html");
  EXPECT_TRUE(contains(en, "<dt>Leads</dt>"));
  EXPECT_TRUE(contains(en, "<dt>Supports</dt>"));
  EXPECT_TRUE(contains(en, "href=\"../nap-2018-2020/10-lapor-sp4n-quality/index.html\">10. Quality Improvement"));
}

// The element with this id, or null.
xmlNode* by_id(const ParsedPage& p, const std::string& id) {
  xmlNode* found = nullptr;
  html::for_each_element(p.root(), [&](xmlNode* n) {
    if (!found && html::get_attr(n, "id") == id) found = n;
  });
  return found;
}

// The elements under `root` named `name` with `cls` among their classes.
std::vector<xmlNode*> with_class(xmlNode* root, const char* name, const std::string& cls) {
  std::vector<xmlNode*> out;
  html::for_each_element(root, [&](xmlNode* n) {
    if (std::string(reinterpret_cast<const char*>(n->name)) != name) return;
    const std::string c = " " + html::get_attr(n, "class") + " ";
    if (c.find(" " + cls + " ") != std::string::npos) out.push_back(n);
  });
  return out;
}

TEST_F(Site, PlanPageOpensWithItsCommitmentsInNumberOrder) {
  for (const auto* s : {final_.get(), draft_.get()})
    for (const std::string lang : {"id", "en"}) {
      const Plan& plan = s->loaded.plan;
      const std::string path = html::urls::plan(lang, plan.id);
      SCOPED_TRACE(path);
      ParsedPage p = parse(page(path));
      xmlNode* main = p.all("main").front();
      // Before the list: the title, the line of facts and a draft's notice only.
      xmlNode* list_section = by_id(p, "commitments");
      ASSERT_NE(list_section, nullptr);
      for (xmlNode* n = main->children; n && n != list_section; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string name = reinterpret_cast<const char*>(n->name);
        const std::string cls = html::get_attr(n, "class");
        EXPECT_TRUE(name == "h1" || cls == "lead" || cls == "meta plan-summary" || contains(cls, "notice")) << name << "." << cls;
      }
      std::vector<xmlNode*> items;
      for (xmlNode* ol : with_class(list_section, "ol", "commitment-index"))
        for (xmlNode* li = ol->children; li; li = li->next)
          if (li->type == XML_ELEMENT_NODE) items.push_back(li);
      ASSERT_EQ(items.size(), plan.commitments.size());
      for (size_t k = 0; k < items.size(); ++k) {
        const Commitment& c = plan.commitments[k];
        EXPECT_EQ(html::get_attr(items[k], "value"), std::to_string(c.number));
        auto links = with_class(items[k], "p", "commitment-title");
        ASSERT_EQ(links.size(), 1u);
        xmlNode* a = html::find_element(links.front(), "a");
        ASSERT_NE(a, nullptr);
        EXPECT_EQ(html::urls::resolve(path, html::get_attr(a, "href")),
                  html::urls::commitment(lang, plan.id, std::to_string(c.number) + "-" + c.id));
        // A status is shown with its text, or not at all.
        for (xmlNode* st : with_class(items[k], "span", "commitment-status")) EXPECT_FALSE(node_text(st).empty());
      }
    }
  // The status is a completion level from progress data, never the plan's stage on every row
  // (no plan of content/ has a completion level); the lead by its short name.
  const std::string& draft = page("en/nap-2020-2022/index.html");
  EXPECT_FALSE(contains(draft, "commitment-status"));
  EXPECT_FALSE(contains(page("en/nap-2018-2020/index.html"), "commitment-status"));
  EXPECT_TRUE(contains(page("en/nap-2018-2020/index.html"), "<p class=\"meta\"><span class=\"commitment-lead\">Led by "));
}

TEST_F(Site, CommitmentPageOpensWithItsSummary) {
  const std::string path = "en/nap-2018-2020/10-lapor-sp4n-quality/index.html";
  ParsedPage p = parse(page(path));
  auto summaries = with_class(p.root(), "section", "commitment-summary");
  ASSERT_EQ(summaries.size(), 1u);
  xmlNode* summary = summaries.front();
  // Right after the title, before the contents and the sections.
  xmlNode* prev = summary->prev;
  while (prev && prev->type != XML_ELEMENT_NODE) prev = prev->prev;
  ASSERT_NE(prev, nullptr);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(prev->name)), "h1");
  EXPECT_FALSE(with_class(summary, "p", "summary-text").empty());
  EXPECT_GT(node_text(with_class(summary, "p", "summary-text").front()).size(), 40u);
  // Lead: linked to its organisation's entry.
  auto lead = with_class(summary, "div", "summary-lead");
  ASSERT_EQ(lead.size(), 1u);
  xmlNode* a = html::find_element(lead.front(), "a");
  ASSERT_NE(a, nullptr);
  const std::string href = html::get_attr(a, "href");
  EXPECT_EQ(html::urls::resolve(path, href), "en/organisations/index.html");
  ASSERT_NE(href.find('#'), std::string::npos);
  ParsedPage orgs = parse(page("en/organisations/index.html"));
  xmlNode* entry = by_id(orgs, href.substr(href.find('#') + 1));
  ASSERT_NE(entry, nullptr);
  bool names_it = false;  // the entry links back to the commitment
  html::for_each_element(entry, [&](xmlNode* n) {
    if (html::get_attr(n, "href") == "../nap-2018-2020/10-lapor-sp4n-quality/index.html") names_it = true;
  });
  EXPECT_TRUE(names_it);
  // The OGP id, linked to OGP's page; the period and the stage; no status (none is recorded).
  const std::string& html = page(path);
  EXPECT_TRUE(contains(html, "<a href=\"https://www.opengovpartnership.org/members/indonesia/commitments/ID0101/\" hreflang=\"en\">ID0101</a>"));
  EXPECT_FALSE(with_class(summary, "div", "summary-period").empty());
  EXPECT_TRUE(contains(node_text(with_class(summary, "div", "summary-stage").front()), "Final"));
  EXPECT_TRUE(with_class(summary, "div", "summary-status").empty());
  // The metadata no longer repeats the number of the title.
  EXPECT_FALSE(contains(html, "<dt>Number</dt>"));
  // A draft's notice follows the summary; a commitment without an OGP id has no such row.
  const std::string& draft = page("en/nap-2020-2022/1-beneficial-ownership/index.html");
  EXPECT_LT(draft.find("commitment-summary"), draft.find("notice-draft"));
  for (const auto& c : draft_->loaded.plan.commitments) {
    if (!c.ogp_id.empty()) continue;
    EXPECT_FALSE(contains(page(html::urls::commitment("en", "nap-2020-2022", std::to_string(c.number) + "-" + c.id)),
                          "summary-ogp-id"));
  }
}

TEST_F(Site, OrganisationsHaveALetterBarASectorFilterAndWebAddresses) {
  const std::string path = "en/organisations/index.html";
  ParsedPage p = parse(page(path));
  // Every letter of the bar has its group, every group its letter; every entry is in one.
  auto bars = with_class(p.root(), "nav", "az");
  ASSERT_EQ(bars.size(), 1u);
  size_t letters = 0;
  html::for_each_element(bars.front(), [&](xmlNode* n) {
    if (std::string(reinterpret_cast<const char*>(n->name)) != "a") return;
    ++letters;
    xmlNode* group = by_id(p, html::get_attr(n, "href").substr(1));
    ASSERT_NE(group, nullptr) << html::get_attr(n, "href");
    EXPECT_EQ(node_text(group), node_text(n));
  });
  EXPECT_EQ(letters, with_class(p.root(), "section", "org-letter").size());
  const size_t all = with_class(p.root(), "section", "org").size();
  // Web addresses: links, http(s) only, shown without their scheme.
  const std::string& html = page(path);
  EXPECT_TRUE(contains(html, "<a href=\"https://pwypindonesia.org/\">pwypindonesia.org</a>"));
  for (xmlNode* web : with_class(p.root(), "p", "org-web")) {
    const std::string href = html::get_attr(html::find_element(web, "a"), "href");
    EXPECT_TRUE(href.starts_with("https://") || href.starts_with("http://")) << href;
  }
  // The sector filter: one page per sector, with that sector's entries only, adding up to all.
  size_t in_sectors = 0;
  for (xmlNode* a : p.all("a")) {
    const std::string target = html::urls::resolve(path, html::get_attr(a, "href"));
    if (!target.starts_with("en/organisations/") || target.find('#') != std::string::npos || target == path) continue;
    const std::string sector = target.substr(17, target.find('/', 17) - 17);
    ParsedPage sp = parse(page(target));
    for (xmlNode* e : with_class(sp.root(), "section", "org")) {
      EXPECT_EQ(html::get_attr(e, "data-sector"), sector);
      ++in_sectors;
    }
  }
  EXPECT_EQ(in_sectors, all);
  EXPECT_TRUE(contains(page("id/organisations/cso/index.html"), "aria-current=\"page\">Organisasi masyarakat sipil"));
}

TEST_F(Site, CommitmentPageHasTheWholeChapterAndItsNeighbours) {
  const std::string& html = page("en/nap-2018-2020/10-lapor-sp4n-quality/index.html");
  for (const char* s : {"<h1 id=\"commitment-10\">Commitment 10: Quality Improvement", "id=\"commitment-10-summary\"",
                        "<dt>OGP commitment ID</dt><dd>ID0101</dd>", "id=\"commitment-10-milestones\"", "table-milestones",
                        "data-label=\"Expected output\"", "+62 21 7398301", "href=\"../9-public-consultation-forum/index.html\"",
                        "href=\"../11-environment-complaints/index.html\""})
    EXPECT_TRUE(contains(html, s)) << s;
}

TEST_F(Site, MissingTranslationsShowTheAdministrativeTextMarkedWithItsLanguage) {
  // Commitment 1 of the Draft 3 plan has no English text for its causes yet.
  ParsedPage p = parse(page("en/nap-2020-2022/1-beneficial-ownership/index.html"));
  bool found = false;
  for (xmlNode* d : p.all("div"))
    if (html::get_attr(d, "class") == "fallback") {
      found = true;
      EXPECT_EQ(html::get_attr(d->children->next, "lang"), "id");
      EXPECT_EQ(node_text(d->children), "Not yet available in English; shown in Indonesian.");
    }
  EXPECT_TRUE(found);
  EXPECT_TRUE(contains(page("en/nap-2020-2022/3-social-welfare-data/index.html"), "class=\"fallback-cell\""));
}

// The JSON argument of a generated script: what follows `prefix`, up to the closing `);`/`;`.
nlohmann::json script_json(const std::string& js, const std::string& prefix, const std::string& end) {
  size_t at = js.find(prefix);
  if (at == std::string::npos) return nullptr;
  // The statement ends its line (a JSON value holds no raw line break); the file may go on.
  size_t stop = js.find(end + "\n", at + prefix.size());
  if (stop == std::string::npos) stop = js.rfind(end);
  return nlohmann::json::parse(js.substr(at + prefix.size(), stop - at - prefix.size()));
}

TEST_F(Site, SearchIndexListsEveryPlanAndItsDataHoldsEveryCommitmentsFullText) {
  auto index = script_json(*out_->find("site/assets/search-index.js"), "window.RENAKSI_SEARCH = ", ";");
  for (const char* lang : {"id", "en"}) {
    SCOPED_TRACE(lang);
    ASSERT_EQ(index[lang].size(), 2u);
    size_t commitments = 0;
    bool lapor = false, milestone = false;
    for (const auto& plan : index[lang]) {
      const std::string base = plan["b"].get<std::string>();
      EXPECT_EQ(base, plan["l"].get<std::string>() + "/" + plan["k"].get<std::string>() + "/");
      EXPECT_EQ(plan["f"].get<bool>(), plan["g"] == "final");
      std::vector<nlohmann::json> shard;  // its commitments' search texts, one file each
      std::vector<int> numbers;  // a count when they run 1, 2, 3 …
      if (plan["n"].is_number())
        for (int n = 1; n <= plan["n"].get<int>(); ++n) numbers.push_back(n);
      else
        numbers = plan["n"].get<std::vector<int>>();
      for (int n : numbers) {
        const std::string data = base + "search/" + std::to_string(n) + ".js";
        ASSERT_TRUE(out_->has("site/" + data)) << data;
        shard.push_back(script_json(*out_->find("site/" + data), "renaksiSearchDoc(" + nlohmann::json(data).dump() + ", ", ");"));
      }
      for (const auto& e : shard) {
        ++commitments;
        EXPECT_TRUE(out_->has("site/" + e["u"].get<std::string>())) << e["u"];
        EXPECT_GT(e["x"].get<std::string>().size(), 500u) << e["u"];  // the full text, not a summary
        if (e["u"] == std::string(lang) + "/nap-2018-2020/10-lapor-sp4n-quality/index.html")
          lapor = contains(e["t"].get<std::string>(), "LAPOR!-SP4N") && e["n"] == 10 && !e["l"].empty() && !e["h"].empty();
        // Commitment 9's milestones are in (an expected output of its first).
        if (e["u"].get<std::string>().starts_with(std::string(lang) + "/nap-2018-2020/9-"))
          milestone = contains(e["x"].get<std::string>(), std::string(lang) == "id" ? "Laporan pemetaan dan daftar unit percontohan"
                                                                                   : "Mapping report and list of pilot units");
      }
    }
    EXPECT_EQ(commitments, 19u);  // every commitment of every plan
    EXPECT_TRUE(lapor);
    EXPECT_TRUE(milestone);
  }
  // The word index: its shards listed for search.js, each a file; "lapor" in one of them. An
  // index this small is split by the stems' first letter: a few dozen files, not hundreds.
  auto shards = script_json(*out_->find("site/assets/search-index.js"), "window.RENAKSI_SEARCH_SHARDS = ", ";");
  for (const char* lang : {"id", "en"}) {
    SCOPED_TRACE(lang);
    const std::string keys = shards[lang].get<std::string>();
    EXPECT_TRUE(contains(" " + keys + " ", " l ")) << keys;
    const std::string* l = out_->find("site/assets/search/" + std::string(lang) + "/l.js");
    ASSERT_TRUE(l);
    EXPECT_TRUE(contains(*l, "\"lapor\":")) << *l;
    size_t count = 0;
    for (size_t at = 0; at < keys.size();) {
      size_t end = std::min(keys.find(' ', at), keys.size());
      const std::string key = keys.substr(at, end - at);
      EXPECT_TRUE(key.size() == 1 || (key.size() == 7 && key[0] == '_')) << key;  // one letter, or one other code point
      EXPECT_TRUE(out_->has("site/assets/search/" + std::string(lang) + "/" + key + ".js"));
      ++count;
      at = end + 1;
    }
    EXPECT_GT(count, 10u);
    EXPECT_LT(count, 40u);
    EXPECT_TRUE(out_->has("site/assets/search/" + std::string(lang) + "/words.js"));
    EXPECT_TRUE(out_->has("site/assets/search/" + std::string(lang) + "/facets.js"));
    EXPECT_TRUE(contains(*out_->find("site/assets/search/" + std::string(lang) + "/words.js"), " lapor "));
  }
  const std::string& search = page("en/search/index.html");
  EXPECT_TRUE(contains(search, "<noscript>"));
  EXPECT_FALSE(contains(search, "minisearch.js"));
  EXPECT_FALSE(out_->has("site/assets/minisearch.js"));
  for (const char* script : {"search-index.js", "search.js"})
    EXPECT_TRUE(contains(search, "src=\"../../assets/" + std::string(script) + "\"")) << script;
  EXPECT_TRUE(contains(search, "data-root=\"../../\""));
  for (const char* filter : {"search-plan", "search-theme", "search-stage", "search-lead"})
    EXPECT_TRUE(contains(search, "<select id=\"" + std::string(filter) + "\"")) << filter;
  EXPECT_TRUE(contains(search, "<option value=\"nap-2018-2020\">"));
}

TEST_F(Site, SitemapHasTheAbsoluteAddressOfEveryPage) {
  const std::string& xml = *out_->find("site/sitemap.xml");
  EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
  size_t locs = 0;
  for (size_t at = xml.find("<loc>"); at != std::string::npos; at = xml.find("<loc>", at + 1)) ++locs;
  size_t listed = 0;  // every page but the 404 pages (noindex)
  for (const auto& p : pages()) listed += p.ends_with("404.html") ? 0 : 1;
  EXPECT_EQ(locs, listed);
  EXPECT_TRUE(contains(xml, "<loc>https://test.example/archive/</loc>"));
  EXPECT_TRUE(contains(xml, "<loc>https://test.example/archive/en/nap-2018-2020/10-lapor-sp4n-quality/</loc>"));
}

TEST_F(Site, DownloadsAreCopiedIntoTheSiteAndListedWithLocaleSizes) {
  Outputs files;
  files.add(Artifact{ArtifactKind::Pdf, "nap-2018-2020", "id"}, std::string(1234567, 'x'));
  files.add(Artifact{ArtifactKind::Pdf, "nap-2018-2020", "bilingual"}, std::string(345678, 'y'));
  files.add(Artifact{ArtifactKind::Docx, "nap-2018-2020", "en"}, std::string(56789, 'w'));
  files.add(Artifact{ArtifactKind::OgpSubmission, "nap-2018-2020", ""}, std::string(8900, 'z'));
  files.add("nap-2018-2020/notes.txt", "a file of the plan's that is not one of its artifacts");
  std::vector<html::SitePlanSource> sources = {{&final_->documents, &files}};
  Diagnostics d;
  Outputs out = emit(sources, d);
  for (const auto& x : d.all()) ADD_FAILURE() << x.str();
  EXPECT_EQ(*out.find("site/files/nap-2018-2020/nap-2018-2020.id.pdf"), *files.find("nap-2018-2020/nap-2018-2020.id.pdf"));
  EXPECT_TRUE(out.has("site/files/nap-2018-2020/nap-2018-2020.ogp.xml"));
  EXPECT_FALSE(out.has("site/files/nap-2018-2020/nap-2018-2020.en.pdf"));
  const std::string& id = *out.find("site/id/nap-2018-2020/index.html");
  EXPECT_TRUE(contains(id, "href=\"../../files/nap-2018-2020/nap-2018-2020.id.pdf\"")) << id;
  EXPECT_TRUE(contains(id, "(PDF, 1,2 MB)"));
  EXPECT_TRUE(contains(id, "Edisi dwibahasa (PDF, 346 kB)"));
  EXPECT_TRUE(contains(id, "(XML, 8,9 kB)"));
  // Each download carries its media type, from output/artifact.h.
  EXPECT_TRUE(contains(id, "nap-2018-2020.id.pdf\" type=\"application/pdf\"")) << id;
  EXPECT_TRUE(contains(id, "nap-2018-2020.en.docx\" type=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\""))
      << id;
  EXPECT_TRUE(contains(id, "nap-2018-2020.ogp.xml\" type=\"application/xml\"")) << id;
  EXPECT_FALSE(out.has("site/files/nap-2018-2020/notes.txt"));
  const std::string& en = *out.find("site/en/nap-2018-2020/index.html");
  EXPECT_TRUE(contains(en, "Indonesian edition (PDF, 1.2 MB)")) << en.substr(0, 4000);
  EXPECT_FALSE(contains(en, "English edition (PDF"));
  for (const auto& b : testing::broken_links(out, "site/")) ADD_FAILURE() << b.page << ": " << b.href;
}

TEST_F(Site, TwoIdsWithOneAddressAreAnError) {
  // Two plans with one id are B001 before the site (tests/load/archive_folders_test.cpp); two
  // ids can still meet at one address: `search` is the site's own folder, so that plan's pages
  // move to plan-search/ (a warning), which is another plan's id. A plan's address is a function
  // of its id alone (its pages are made without the others), so the two cannot be told apart.
  std::vector<doc::Document> first = final_->documents, second = final_->documents;
  for (auto& doc : first) doc.plan_id = "plan-search";
  for (auto& doc : second) doc.plan_id = "search";
  Diagnostics d;
  Outputs out = emit({{&first, nullptr}, {&second, nullptr}}, d);
  ASSERT_EQ(d.all().size(), 2u) << d.all().front().str();
  EXPECT_EQ(d.all()[0].code, Code::H003);
  EXPECT_EQ(d.all()[0].severity, Severity::Warning);
  EXPECT_EQ(d.all()[0].message, "plan 'search' cannot have the address search/ on the site; its pages are under plan-search/");
  EXPECT_EQ(d.all()[1].code, Code::H003);
  EXPECT_EQ(d.all()[1].severity, Severity::Error);
  EXPECT_EQ(d.all()[1].message, "plans 'plan-search' and 'search' would both have the address plan-search/ on the site");
  EXPECT_EQ(html::plan_slug("search"), "plan-search");
  EXPECT_EQ(html::plan_slug("organisations"), "plan-organisations");
  EXPECT_EQ(html::plan_slug("nap-2018-2020"), "nap-2018-2020");
}

// The hostile fixture: titles and prose that try to inject markup, script and bad links.
TEST(SiteHostile, ContentNeverBecomesMarkupOrScript) {
  testing::TempDir dir("site-hostile");
  const fs::path plan = testing::copy_base_plan(dir);
  fs::copy(testing::fixtures_dir() / "html" / "hostile", plan, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  auto state = build_plan(plan, dir.path() / "cache");
  ASSERT_TRUE(state->going);
  ASSERT_FALSE(state->diags.has_errors());
  Diagnostics d;
  Outputs out = emit(sources_of({state.get()}), d);
  EXPECT_FALSE(d.has_errors());

  size_t checked = 0;
  for (const auto& path : out.paths("site/")) {
    if (!path.ends_with(".html")) continue;
    SCOPED_TRACE(path);
    ++checked;
    ParsedPage p = parse(*out.find(path));
    html::for_each_element(p.root(), [&](xmlNode* n) {
      const std::string name = reinterpret_cast<const char*>(n->name);
      // The one image is the template's logo (layouts/html/logo.svg), never one from the content.
      const bool logo = name == "img" && html::get_attr(n, "class") == "site-logo" &&
                        html::get_attr(n, "src").ends_with("assets/logo.svg");
      EXPECT_TRUE(name != "iframe" && (name != "img" || logo) && name != "style" && name != "b" && name != "i" &&
                  name != "object")
          << name;
      if (name == "script") {
        const std::string src = html::get_attr(n, "src");
        EXPECT_TRUE(src.find("assets/search") != std::string::npos) << src;
        EXPECT_EQ(n->children, nullptr) << "no inline script";
      }
      for (xmlAttr* a = n->properties; a; a = a->next) {
        const std::string attr = reinterpret_cast<const char*>(a->name);
        EXPECT_FALSE(attr.starts_with("on")) << attr;
        if (attr == "href" || attr == "src") {
          std::string v = html::get_attr(n, attr.c_str());
          for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          EXPECT_FALSE(v.starts_with("javascript:") || v.starts_with("data:") || v.find("evil.example") != std::string::npos)
              << v;
        }
      }
    });
  }
  EXPECT_EQ(checked, 20u);  // the language page, the root 404; per language home, organisations (all, and each of two
                           // sectors), search, about, 404, plan and commitment

  ParsedPage en = parse(*out.find("site/en/fixture-plan/index.html"));
  // Text, never markup; its quotes curled like every plain text's (compose/typography.h).
  EXPECT_EQ(en.text_of("h1"), "Plan </title><script>alert(\u201ctitle\u201d)</script> & \u201cquotes\u201d \u2018too\u2019");
  EXPECT_TRUE(en.text_of("title").starts_with("Plan </title><script>alert(\u201ctitle\u201d)</script>"));
  const std::string& raw = *out.find("site/en/fixture-plan/index.html");
  // The fixture is at Draft 4: its page is the one the public consultation uses.
  EXPECT_TRUE(contains(raw, "This draft is open for public consultation."));
  // Pasted HTML outside the safe subset is dropped (P011), the text around it kept.
  EXPECT_TRUE(contains(raw, "A foreword")) << raw;
  EXPECT_FALSE(contains(raw, "alert(1)"));
  EXPECT_FALSE(contains(raw, "onerror"));
  EXPECT_TRUE(contains(raw, "<a href=\"https://example.org/?a=1&amp;b=2\">good link</a>"));
  ParsedPage c = parse(*out.find("site/en/fixture-plan/1-first/index.html"));
  EXPECT_EQ(c.text_of("h1"), "Commitment 1: Commitment <script src=\"https://evil.example/x.js\"></script>");
  for (const auto& b : testing::broken_links(out, "site/")) ADD_FAILURE() << b.page << ": " << b.href;
}

class SiteTemplate : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<testing::TempDir>("site-template");
    layouts_ = dir_->path() / "html";
    fs::copy(testing::source_dir() / "layouts" / "html", layouts_, fs::copy_options::recursive);
    state_ = build_plan(testing::fixtures_dir() / "check" / "base", dir_->path() / "cache");
  }
  void write_template(const std::string& text) { std::ofstream(layouts_ / "page.html") << text; }
  Outputs emit_with(Diagnostics& d) { return emit(sources_of({state_.get()}), d, layouts_); }
  bool has_h001(const Diagnostics& d) {
    for (const auto& x : d.all())
      if (x.code == Code::H001) return true;
    return false;
  }
  std::unique_ptr<testing::TempDir> dir_;
  fs::path layouts_;
  std::unique_ptr<BuildState> state_;
};

TEST_F(SiteTemplate, ProblemsAreH001Errors) {
  for (const char* bad :
       {"<html><head><title>x</title></head><body><main data-slot=\"main\"></body></html>",  // not well-formed
        "<html><head><title>x</title></head><body><main></main></body></html>",            // no main slot
        "<html><head><link rel=\"stylesheet\" href=\"missing.css\"/></head><body><main data-slot=\"main\"/></body></html>",
        "<html><head/><body><main data-slot=\"main\"/><div data-slot=\"sidebar\"/></body></html>",  // unknown slot
        "<!DOCTYPE html [<!ENTITY x \"y\">]><html><head/><body><main data-slot=\"main\"/></body></html>",
        "<page><main data-slot=\"main\"/></page>"}) {
    SCOPED_TRACE(bad);
    write_template(bad);
    Diagnostics d;
    Outputs out = emit_with(d);
    EXPECT_TRUE(has_h001(d));
    EXPECT_TRUE(out.paths("site/").empty());
  }
}

TEST_F(SiteTemplate, OgpAddressesThatCannotBeUsedAreH001Errors) {
  for (const char* bad : {"{", "[]", "{\"commitment\": \"http://x/{member}/{id}\", \"members\": {}}",
                          "{\"commitment\": \"https://x/{id}\", \"members\": {}}",
                          "{\"commitment\": \"https://x/{member}/{id}\", \"members\": {\"ID\": \"../x\"}}"}) {
    SCOPED_TRACE(bad);
    std::ofstream(layouts_ / "ogp.json") << bad;
    Diagnostics d;
    Outputs out = emit_with(d);
    EXPECT_TRUE(has_h001(d));
  }
  // Without the file: no links to OGP, and no error.
  fs::remove(layouts_ / "ogp.json");
  Diagnostics d;
  Outputs out = emit_with(d);
  for (const auto& x : d.all()) ADD_FAILURE() << x.str();
  for (const auto& path : out.paths("site/")) EXPECT_FALSE(contains(*out.find(path), "opengovpartnership.org/members")) << path;
}

TEST_F(SiteTemplate, ARestyledTemplateWithItsOwnFilesAndFewerSlots) {
  std::ofstream(layouts_ / "logo.svg") << "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
  write_template(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>t</title>"
      "<link rel=\"stylesheet\" href=\"site.css\"/></head><body><header><img src=\"logo.svg\" alt=\"\"/>"
      "<a data-slot=\"home-link\">home</a></header><main data-slot=\"main\"><p>preview</p></main></body></html>");
  Diagnostics d;
  Outputs out = emit_with(d);
  for (const auto& x : d.all()) ADD_FAILURE() << x.str();
  EXPECT_TRUE(out.has("site/assets/logo.svg"));
  const std::string& page = *out.find("site/en/fixture-plan/1-first/index.html");
  EXPECT_TRUE(contains(page, "<img src=\"../../../assets/logo.svg\" alt=\"\" />"));
  EXPECT_TRUE(contains(page, "href=\"../../../assets/site.css\""));
  EXPECT_FALSE(contains(page, "preview"));
  EXPECT_FALSE(contains(page, "data-slot"));
  EXPECT_FALSE(contains(page, "charset=\"utf-8\"")) << "one encoding declaration, the serialiser's";
  EXPECT_FALSE(contains(page, "breadcrumb"));
  for (const auto& b : testing::broken_links(out, "site/")) ADD_FAILURE() << b.page << ": " << b.href;
}

}  // namespace
}  // namespace renaksi
