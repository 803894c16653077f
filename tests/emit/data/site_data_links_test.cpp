// Every page of the site links its open data: a plan's pages their plan's tables, the others
// the archive's, the home pages the feed; each link resolves to a file of the site.
#include <gtest/gtest.h>

#include <libxml/HTMLparser.h>

#include "emit/html/urls.h"
#include "output/open_data_files.h"
#include "support/shared_archive.h"

namespace renaksi::open_data {
namespace {

struct HtmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

struct Alt {
  std::string type, href, title;
};

// The <link rel="alternate" type=…> of the page's head (hreflang ones have no type).
std::vector<Alt> alternates(const std::string& html) {
  std::unique_ptr<xmlDoc, HtmlDocFree> doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "UTF-8",
                                                          HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  std::vector<Alt> out;
  if (!doc) return out;
  auto attr = [](xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, BAD_CAST name);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  };
  std::vector<xmlNode*> stack{xmlDocGetRootElement(doc.get())};
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    for (xmlNode* c = n ? n->children : nullptr; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
    if (!n || n->type != XML_ELEMENT_NODE || std::string(reinterpret_cast<const char*>(n->name)) != "link") continue;
    if (attr(n, "rel") == "alternate" && !attr(n, "type").empty()) out.push_back({attr(n, "type"), attr(n, "href"), attr(n, "title")});
  }
  return out;
}

TEST(SiteDataLinks, EveryPageLinksItsDataAndTheLinksResolve) {
  const ArchiveBuild& a = testing::shared_archive();
  ASSERT_EQ(a.error_count(), 0u);
  std::map<std::string, std::string> plan_of_folder;  // "nap-2018-2020" -> its id
  std::map<std::string, const Plan*> plans;           // by id
  for (const auto& s : a.plans) {
    plan_of_folder[s->plan_id] = s->plan_id;
    plans[s->plan_id] = &s->loaded.plan;
  }
  size_t pages = 0;
  for (const auto& path : a.outputs.paths("site/")) {
    if (!path.ends_with(".html")) continue;
    const std::string page = path.substr(5);
    const std::string* html = a.outputs.find(path);
    ASSERT_TRUE(html);
    ++pages;
    SCOPED_TRACE(page);
    // A plan's page is <lang>/<plan>/…
    std::string plan;
    if (const size_t slash = page.find('/'); slash != std::string::npos) {
      const std::string rest = page.substr(slash + 1);
      const std::string folder = rest.substr(0, rest.find('/'));
      if (rest.find('/') != std::string::npos && plan_of_folder.count(folder)) plan = plan_of_folder[folder];
    }
    const std::vector<Alt> alts = alternates(*html);
    std::set<std::string> linked;
    for (const auto& alt : alts) {
      const std::string target = html::urls::resolve(page, alt.href);
      EXPECT_TRUE(a.outputs.has("site/" + target)) << alt.href;
      EXPECT_FALSE(alt.title.empty()) << alt.href;
      linked.insert(target);
    }
    for (Table t : {Table::Commitments, Table::Milestones})
      for (Format f : {Format::Csv, Format::Json})
        EXPECT_TRUE(linked.count(plan.empty() ? archive_file(t, f) : plan_file(plan, t, f)));
    const bool home = page == "index.html" || (page.size() > 11 && page.ends_with("/index.html") &&
                                               page.find('/') == page.size() - 11);
    EXPECT_EQ(linked.count(feed_file()), home ? 1u : 0u);
    // A Final plan's pages also link its progress reports and IRM ratings, when it has them.
    size_t progress = 0;
    if (!plan.empty()) {
      const Plan& p = *plans.at(plan);
      if (p.stage == Stage::Final) {
        for (const auto& r : p.progress.reports) {
          EXPECT_TRUE(linked.count(progress_file(plan, r.period_id, Format::Csv)));
          progress += 2;
        }
        if (!p.progress.irm.empty()) {
          EXPECT_TRUE(linked.count(irm_file(plan, Format::Json)));
          progress += 2;
        }
      }
    }
    EXPECT_EQ(alts.size(), (home ? 5u : 4u) + progress);
    // A plan's own page lists the same files visibly, in its "Open data" section.
    if (!plan.empty() && page.ends_with("/" + plan + "/index.html")) {
      const size_t at = html->find("<section id=\"open-data\"");
      ASSERT_NE(at, std::string::npos);
      const std::string section = html->substr(at, html->find("</section>", at) - at);
      for (const auto& alt : alts)
        EXPECT_NE(section.find("href=\"" + alt.href + "\" type=\"" + alt.type + "\""), std::string::npos) << alt.href;
    }
  }
  EXPECT_GT(pages, 20u);
}

}  // namespace
}  // namespace renaksi::open_data
