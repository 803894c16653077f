// The Atom feed: well-formed Atom 1.0, valid against RFC 4287's grammar (schemas/atom.rng),
// ids and dates from the entries, newest first, and a hostile title kept as text.
#include <gtest/gtest.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "emit/data/atom_feed.h"
#include "env/read_file.h"
#include "load/schema.h"
#include "support/paths.h"
#include "xml/source_locator.h"
#include "support/shared_archive.h"
#include "output/open_data_files.h"
#include "xml/handles.h"

namespace renaksi::open_data {
namespace {

struct XPathCtxFree {
  void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
};
struct XPathObjFree {
  void operator()(xmlXPathObject* o) const { xmlXPathFreeObject(o); }
};

// The texts the XPath finds, in the Atom namespace as "a".
std::vector<std::string> texts(xmlDoc* doc, const char* xpath) {
  std::unique_ptr<xmlXPathContext, XPathCtxFree> ctx(xmlXPathNewContext(doc));
  xmlXPathRegisterNs(ctx.get(), BAD_CAST "a", BAD_CAST "http://www.w3.org/2005/Atom");
  std::unique_ptr<xmlXPathObject, XPathObjFree> r(xmlXPathEvalExpression(BAD_CAST xpath, ctx.get()));
  std::vector<std::string> out;
  if (!r || !r->nodesetval) return out;
  for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
    xmlChar* t = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
    out.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
    xmlFree(t);
  }
  return out;
}

XmlDocPtr parse(const std::string& xml) {
  return XmlDocPtr(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.atom", "UTF-8", XML_PARSE_NONET));
}

// The problems RFC 4287's grammar finds in `xml` (schemas/atom.rng, through libxml2), one per line.
std::string atom_problems(const std::string& xml) {
  std::string rng;
  if (!read_file(testing::source_dir() / "schemas" / "atom.rng", rng)) return "schemas/atom.rng does not read";
  const ContentSchema atom(rng);
  const XmlDocPtr doc = parse(xml);
  if (!doc) return "not well-formed";
  Diagnostics diags;
  atom.validate(doc.get(), "feed.atom", SourceLocator(xml), diags);
  std::string out;
  for (const auto& d : diags.all()) out += d.str() + "\n";
  return out;
}

TEST(AtomFeed, TheGrammarRejectsWhatTheRfcForbids) {
  // The schema is a real check: a feed without an id, or with a date that is not a date-time, fails.
  const std::string ns = "<feed xmlns=\"http://www.w3.org/2005/Atom\">";
  EXPECT_EQ(atom_problems(ns + "<id>urn:x</id><title>T</title><updated>2020-01-01T00:00:00Z</updated></feed>"), "");
  EXPECT_NE(atom_problems(ns + "<title>T</title><updated>2020-01-01T00:00:00Z</updated></feed>"), "");
  EXPECT_NE(atom_problems(ns + "<id>urn:x</id><title>T</title><updated>2020-01-01</updated></feed>"), "");
  EXPECT_NE(atom_problems(ns + "<id>urn:x</id><title>T</title><title>U</title><updated>2020-01-01T00:00:00Z</updated></feed>"), "");
}

TEST(AtomFeed, EveryKindOfEntryIsValidAtom) {
  Feed f{"urn:renaksi:feed", "Archive <&>", "id", "Arsip", {{"self", "https://example.org/data/feed.atom", "application/atom+xml", ""}}, {}};
  f.entries.push_back({FeedEntry::Kind::NewPlan, "urn:renaksi:plan:a:final", "<script>alert(1)</script>", "id", "2017-01-05",
                       "final", {{"alternate", "../id/a/index.html", "text/html", "id"}}});
  f.entries.push_back({FeedEntry::Kind::NewDraft, "urn:renaksi:plan:b:draft-2", "B", "en", "2019-03", "draft-2",
                       {{"alternate", "../en/b/index.html", "text/html", "en"}}});
  f.entries.push_back({FeedEntry::Kind::ProgressUpdate, "urn:renaksi:progress:a:p1", "A: progress", "en", "2019", "final",
                       {{"alternate", "../en/a/index.html", "text/html", "en"},
                        {"related", "a/a-progress-p1.csv", "text/csv", ""}}});
  EXPECT_EQ(atom_problems(write_atom(f)), "");
}

TEST(AtomFeed, TheArchivesFeedIsValidAtom) {
  const ArchiveBuild& a = testing::shared_archive();
  const std::string* xml = a.outputs.find(std::string(kSitePrefix) + feed_file());
  ASSERT_TRUE(xml);
  EXPECT_EQ(atom_problems(*xml), "");
}

TEST(AtomFeed, DatesFromContent) {
  EXPECT_EQ(atom_date("2018-10-23"), "2018-10-23T00:00:00Z");
  EXPECT_EQ(atom_date("2018-10"), "2018-10-01T00:00:00Z");
  EXPECT_EQ(atom_date("2018"), "2018-01-01T00:00:00Z");
  EXPECT_EQ(atom_date("yesterday"), "");
}

TEST(AtomFeed, NewestFirstHostileTextsStayText) {
  Feed f{"urn:renaksi:feed", "Archive", "id", "Arsip", {}, {}};
  f.entries.push_back({FeedEntry::Kind::NewPlan, "urn:renaksi:plan:a:final", "<script>alert(1)</script> & \"x\"", "id",
                       "2017-01-05", "final", {{"alternate", "../id/a/index.html", "text/html", "id"}}});
  f.entries.push_back({FeedEntry::Kind::NewDraft, "urn:renaksi:plan:b:draft-2", "B", "en", "2019-03", "draft-2",
                       {{"alternate", "../en/b/index.html", "text/html", "en"}}});
  const std::string xml = write_atom(f);
  EXPECT_EQ(xml, write_atom(f));  // the same feed, the same bytes
  const XmlDocPtr doc = parse(xml);
  ASSERT_TRUE(doc);
  EXPECT_EQ(texts(doc.get(), "/a:feed/a:updated"), std::vector<std::string>{"2019-03-01T00:00:00Z"});
  EXPECT_EQ(texts(doc.get(), "/a:feed/a:entry/a:id"),
            (std::vector<std::string>{"urn:renaksi:plan:b:draft-2", "urn:renaksi:plan:a:final"}));
  EXPECT_EQ(texts(doc.get(), "/a:feed/a:entry/a:title")[1], "<script>alert(1)</script> & \"x\"");
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_EQ(texts(doc.get(), "/a:feed/a:author/a:name"), std::vector<std::string>{"Arsip"});
}

TEST(AtomFeed, TheArchivesFeedHasAnEntryPerPlan) {
  const ArchiveBuild& a = testing::shared_archive();
  const std::string* xml = a.outputs.find(std::string(kSitePrefix) + feed_file());
  ASSERT_TRUE(xml);
  const XmlDocPtr doc = parse(*xml);
  ASSERT_TRUE(doc);
  const auto ids = texts(doc.get(), "/a:feed/a:entry/a:id");
  EXPECT_EQ(ids.size(), a.plans.size());
  for (const auto& s : a.plans) {
    const std::string id = "urn:renaksi:plan:" + s->plan_id + ":" + std::string(stage_id(s->loaded.plan.stage));
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
  // Every entry: an id, a title, a date and a link to its page (RFC 4287 4.1.2).
  EXPECT_EQ(texts(doc.get(), "/a:feed/a:entry[a:id and a:title and a:updated and a:link[@rel='alternate']]").size(),
            ids.size());
  for (const auto& d : texts(doc.get(), "//a:updated")) EXPECT_EQ(d.size(), 20u) << d;
}

}  // namespace
}  // namespace renaksi::open_data
