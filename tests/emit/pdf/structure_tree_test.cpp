// The tagged PDF read back with qpdf's JSON: the structure tree (Document, headings, tables with
// header cells, links with their annotations), languages, the parent tree against the MCIDs of
// the content streams, the catalogue's entries; and a ToUnicode map poppler accepts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "driver/pipeline.h"
#include "emit/pdf/pdf_document.h"
#include "emit/pdf/to_unicode.h"
#include "env/process.h"
#include "support/paths.h"
#include "support/shared_archive.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string base64_decode(const std::string& in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  int bits = 0, acc = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

// A PDF as qpdf's JSON (version 2) shows it: objects by reference, streams decoded.
class QpdfView {
 public:
  explicit QpdfView(const std::string& file) {
    auto r = run_process({"qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", file}, "",
                         std::chrono::milliseconds(120000));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    doc_ = json::parse(r.out);
    for (const auto& [key, value] : doc_["qpdf"][1].items()) {
      if (key.starts_with("obj:")) objects_[key.substr(4)] = value;
      if (key == "trailer") trailer_ = value["value"];
    }
  }
  // The object a reference ("12 0 R") names: its value, or its stream's dictionary.
  const json& at(const json& ref) const {
    static const json none;
    if (!ref.is_string()) return ref;
    auto it = objects_.find(ref.get<std::string>());
    if (it == objects_.end()) return none;
    if (it->second.contains("stream")) return it->second["stream"]["dict"];
    return it->second["value"];
  }
  std::string stream_data(const std::string& ref) const {
    auto it = objects_.find(ref);
    if (it == objects_.end() || !it->second.contains("stream")) return {};
    return base64_decode(it->second["stream"].value("data", ""));
  }
  const json& catalog() const { return at(trailer_["/Root"]); }
  const json& pages() const { return doc_["pages"]; }

 private:
  json doc_;
  json trailer_;
  std::map<std::string, json> objects_;
};

class TaggedPdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    archive_ = &testing::shared_archive();
    dir_ = testing::shared_archive_pdfs("tagged");
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static std::string file(const std::string& plan, const std::string& edition) {
    return (dir_->path() / plan / (plan + "." + edition + ".pdf")).string();
  }
  static const doc::Document& document(const std::string& plan, const std::string& edition) {
    for (const auto& p : archive_->plans)
      if (p->loaded.plan.id == plan)
        for (const auto& d : p->documents)
          if (d.edition == edition) return d;
    throw std::runtime_error(plan + " " + edition);
  }
  static inline std::unique_ptr<testing::TempDir> dir_;
  static inline const ArchiveBuild* archive_ = nullptr;
};

// The tree walked from the root: every element's reference, type, language and kids.
struct Walk {
  struct Elem {
    std::string ref, tag, lang, parent;
    json k;
    json attrs;
  };
  std::vector<Elem> elems;  // in reading order (depth first)
  std::map<std::string, size_t> by_ref;
};

Walk walk(const QpdfView& pdf, const json& root) {
  Walk w;
  std::vector<std::pair<json, std::string>> stack;  // (reference, parent reference)
  auto kids_of = [](const json& k) { return k.is_array() ? k : json::array({k}); };
  const json top = kids_of(root["/K"]);
  for (auto it = top.rbegin(); it != top.rend(); ++it) stack.emplace_back(*it, "root");
  while (!stack.empty() && w.elems.size() < 200000) {
    auto [ref, parent] = stack.back();
    stack.pop_back();
    if (!ref.is_string()) continue;  // an MCID or an MCR/OBJR dictionary
    const json& e = pdf.at(ref);
    if (!e.contains("/S") || e.value("/Type", "/StructElem") != "/StructElem") continue;
    Walk::Elem el{ref.get<std::string>(), e.value("/S", ""), e.contains("/Lang") ? e["/Lang"].get<std::string>() : "",
                  parent, e.contains("/K") ? e["/K"] : json(), e.contains("/A") ? e["/A"] : json()};
    w.by_ref[el.ref] = w.elems.size();
    w.elems.push_back(el);
    if (!e.contains("/K")) continue;
    const json kids = kids_of(e["/K"]);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.emplace_back(*it, el.ref);
  }
  return w;
}

// The number tree's entries (key → value).
void numbers(const QpdfView& pdf, const json& node, std::map<int, json>& out, int depth = 0) {
  ASSERT_LT(depth, 16);
  if (node.contains("/Nums"))
    for (size_t i = 0; i + 1 < node["/Nums"].size(); i += 2) out[node["/Nums"][i].get<int>()] = node["/Nums"][i + 1];
  if (node.contains("/Kids"))
    for (const auto& kid : node["/Kids"]) numbers(pdf, pdf.at(kid), out, depth + 1);
}

struct Checked {
  std::map<std::string, int> tags;
  std::map<std::string, int> langs;  // elements with /Lang, by language
  Walk tree;
};

// Everything a tagged PDF must hold, whatever its content; returns what the tree holds.
Checked check_tagged(const std::string& file, const std::string& lang) {
  Checked c;
  QpdfView pdf(file);
  const json& cat = pdf.catalog();
  EXPECT_EQ(cat.value("/Lang", ""), "u:" + lang);
  EXPECT_EQ(cat["/MarkInfo"].value("/Marked", false), true);
  EXPECT_EQ(cat["/ViewerPreferences"].value("/DisplayDocTitle", false), true);
  EXPECT_TRUE(cat.contains("/StructTreeRoot"));
  const json& root = pdf.at(cat["/StructTreeRoot"]);
  EXPECT_EQ(root.value("/Type", ""), "/StructTreeRoot");
  EXPECT_EQ(pdf.at(root["/K"]).value("/S", ""), "/Document");
  c.tree = walk(pdf, root);
  for (const auto& e : c.tree.elems) {
    c.tags[e.tag]++;
    if (!e.lang.empty()) c.langs[e.lang]++;
  }
  std::map<int, json> parents;
  numbers(pdf, pdf.at(root["/ParentTree"]), parents);
  EXPECT_EQ(root.value("/ParentTreeNextKey", -1), parents.empty() ? 0 : parents.rbegin()->first + 1);

  // Every page has its key; every MCID of its content is in the parent tree, pointing to an
  // element of the tree whose kids name that MCID on that page.
  const std::regex mcid_re(R"(/MCID (\d+))");
  size_t mcids = 0;
  for (const auto& page : pdf.pages()) {
    const std::string pref = page["object"].get<std::string>();
    const json& p = pdf.at(page["object"]);
    EXPECT_TRUE(p.contains("/StructParents")) << pref;
    if (!p.contains("/StructParents")) continue;
    const json& owners = parents[p["/StructParents"].get<int>()];
    std::string content;
    for (const auto& s : page["contents"]) content += pdf.stream_data(s.get<std::string>());
    std::set<int> seen;
    for (auto it = std::sregex_iterator(content.begin(), content.end(), mcid_re); it != std::sregex_iterator(); ++it) {
      const int mcid = std::stoi((*it)[1]);
      EXPECT_TRUE(seen.insert(mcid).second) << pref << " MCID " << mcid << " twice";
      ++mcids;
      const bool keyed = owners.is_array() && static_cast<size_t>(mcid) < owners.size();
      EXPECT_TRUE(keyed) << pref << " MCID " << mcid;
      if (!keyed) continue;
      const std::string owner = owners[static_cast<size_t>(mcid)].get<std::string>();
      auto e = c.tree.by_ref.find(owner);
      EXPECT_NE(e, c.tree.by_ref.end()) << owner << " is not in the tree";
      if (e == c.tree.by_ref.end()) continue;
      const json& el = pdf.at(json(owner));
      bool named = false;
      for (const auto& k : el["/K"].is_array() ? el["/K"] : json::array({el["/K"]})) {
        if (k.is_number() && k.get<int>() == mcid) named = el.value("/Pg", "") == pref;
        if (k.is_object() && k.value("/Type", "") == "/MCR" && k.value("/MCID", -1) == mcid) named = k.value("/Pg", "") == pref;
        if (named) break;
      }
      EXPECT_TRUE(named) << owner << " does not name MCID " << mcid << " of " << pref;
    }
    EXPECT_EQ(seen.size(), owners.size()) << pref;
    // The text of a page is all marked: every text object's content in a sequence.
    size_t opened = 0, closed = 0;
    for (size_t at = content.find(" BDC\n"); at != std::string::npos; at = content.find(" BDC\n", at + 1)) ++opened;
    for (size_t at = content.find(" BMC\n"); at != std::string::npos; at = content.find(" BMC\n", at + 1)) ++opened;
    for (size_t at = content.find("EMC\n"); at != std::string::npos; at = content.find("EMC\n", at + 1)) ++closed;
    EXPECT_EQ(opened, closed) << pref;
  }
  EXPECT_GT(mcids, 100u);

  // Every link annotation belongs to a /Link element that holds it as an OBJR.
  size_t links = 0;
  for (const auto& page : pdf.pages()) {
    const json& p = pdf.at(page["object"]);
    if (!p.contains("/Annots")) continue;
    for (const auto& a : p["/Annots"]) {
      const json& annot = pdf.at(a);
      ++links;
      EXPECT_TRUE(annot.contains("/StructParent")) << a;
      if (!annot.contains("/StructParent")) continue;
      const json& owner = parents[annot["/StructParent"].get<int>()];
      const json& el = pdf.at(owner);
      EXPECT_EQ(el.value("/S", ""), "/Link") << a;
      bool objr = false;
      for (const auto& k : el["/K"])
        if (k.is_object() && k.value("/Type", "") == "/OBJR" && k.value("/Obj", "") == a.get<std::string>()) objr = true;
      EXPECT_TRUE(objr) << a;
    }
  }
  EXPECT_GT(links, 10u);
  return c;
}

TEST_F(TaggedPdf, EveryEditionIsTaggedHeadingsTablesAndLinksIncluded) {
  for (const char* edition : {"id", "en", "bilingual"}) {
    SCOPED_TRACE(edition);
    const doc::Document& d = document("nap-2018-2020", edition);
    Checked c = check_tagged(file("nap-2018-2020", edition), d.langs.front());
    // One H1 per chapter title and language, and the contents' heading; H2 and H3 per heading.
    int h1 = 1, h2 = 0, h3 = 0;
    for (const auto& ch : d.chapters) {
      h1 += static_cast<int>(ch.title.size());
      for (const auto& b : ch.blocks)
        if (const auto* h = std::get_if<doc::Heading>(&b.content)) (h->level <= 2 ? h2 : h3) += static_cast<int>(h->parts.size());
    }
    EXPECT_EQ(c.tags["/H1"], h1);
    EXPECT_EQ(c.tags["/H2"], h2);
    EXPECT_EQ(c.tags["/H3"], h3);
    EXPECT_GT(h2, 0);
    EXPECT_EQ(c.tags["/Document"], 1);
    EXPECT_EQ(c.tags["/TOC"], 1);
    EXPECT_EQ(c.tags["/TOCI"], static_cast<int>(d.chapters.size()));
    EXPECT_GT(c.tags["/Table"], 5);
    EXPECT_GT(c.tags["/TH"], 10);
    EXPECT_GT(c.tags["/TD"], 10);
    EXPECT_GT(c.tags["/P"], 100);
    EXPECT_GT(c.tags["/Link"], static_cast<int>(d.chapters.size()));
    // A table's header row: TH cells heading their column, in a TR.
    bool column_header = false, row_header = false;
    for (const auto& e : c.tree.elems) {
      if (e.tag != "/TH") continue;
      EXPECT_EQ(c.tree.elems[c.tree.by_ref.at(e.parent)].tag, "/TR");
      const std::string scope = e.attrs.value("/Scope", "");
      column_header |= scope == "/Column";
      row_header |= scope == "/Row";
    }
    EXPECT_TRUE(column_header);
    EXPECT_TRUE(row_header);  // the metadata boxes' labels
  }
}

// In the bilingual edition each column of a block is one element in its language: the second
// language's carry /Lang, and a block's first column is read before its second.
TEST_F(TaggedPdf, TheBilingualColumnsCarryTheirLanguageAndAreReadOneAfterTheOther) {
  const doc::Document& d = document("nap-2018-2020", "bilingual");
  ASSERT_EQ(d.langs.size(), 2u);
  Checked c = check_tagged(file("nap-2018-2020", "bilingual"), d.langs[0]);
  EXPECT_GT(c.langs["u:" + d.langs[1]], 300);
  // Inside each chapter's section: its Divs alternate, first language, second language.
  std::map<std::string, std::vector<std::string>> divs;  // section → its Divs' languages
  for (const auto& e : c.tree.elems)
    if (e.tag == "/Div") divs[e.parent].push_back(e.lang.empty() ? d.langs[0] : e.lang.substr(2));
  size_t pairs = 0;
  for (const auto& [sect, langs] : divs) {
    ASSERT_EQ(langs.size() % 2, 0u) << sect;
    for (size_t i = 0; i < langs.size(); i += 2) {
      EXPECT_EQ(langs[i], d.langs[0]) << sect << " " << i;
      EXPECT_EQ(langs[i + 1], d.langs[1]) << sect << " " << i;
      ++pairs;
    }
  }
  EXPECT_GT(pairs, 100u);
  // The single-language editions name no language but their own, save a term of the other.
  Checked en = check_tagged(file("nap-2018-2020", "en"), "en");
  EXPECT_LT(en.langs["u:id"], 10);
}

TEST_F(TaggedPdf, PopplerAcceptsTheToUnicodeMaps) {
  for (const char* plan : {"nap-2018-2020", "nap-2020-2022"})
    for (const char* edition : {"id", "en", "bilingual"}) {
      auto r = run_process({"pdftotext", file(plan, edition), "-"}, "", std::chrono::milliseconds(60000));
      EXPECT_EQ(r.exit_code, 0);
      EXPECT_EQ(r.err.find("ToUnicode"), std::string::npos) << plan << " " << edition << ": " << r.err.substr(0, 300);
      EXPECT_EQ(r.err, "") << plan << " " << edition;
    }
}

TEST_F(TaggedPdf, PdfinfoSeesATaggedFile) {
  auto r = run_process({"pdfinfo", file("nap-2018-2020", "en")}, "", std::chrono::milliseconds(60000));
  EXPECT_NE(r.out.find("Tagged:          yes"), std::string::npos) << r.out;
}

// Thousands of elements, one of them with more kids than an array of libharu may hold, and a
// parent tree of several levels' worth of keys: still a valid, fully tagged file, the same bytes twice.
TEST(TaggedPdfBounds, ThousandsOfElementsAndPages) {
  Diagnostics diags;
  auto style = layout::Style::load(testing::source_dir() / "layouts" / "a4.json", diags);
  ASSERT_TRUE(style);
  layout::Pages laid;
  laid.elements.push_back({layout::Tag::Document, -1, {}});
  laid.elements.push_back({layout::Tag::Sect, 0, laid.langs.id("en")});
  for (int p = 0; p < 300; ++p) {
    layout::Page page;
    for (int line = 0; line < 40; ++line) {
      const int elem = static_cast<int>(laid.elements.size());
      laid.elements.push_back({layout::Tag::P, 1, laid.langs.id(line % 2 ? "id" : "en")});
      page.text.push_back({72, 780.0 - line * 18, layout::Face::Regular, 10, {}, "Line " + std::to_string(line), 0, {}, elem});
    }
    const int link = static_cast<int>(laid.elements.size());
    laid.elements.push_back({layout::Tag::Link, link - 1, {}});
    page.text.push_back({300, 60, layout::Face::Regular, 10, {}, "link", 0, {}, link});
    page.links.push_back({300, 55, 40, 12, "https://example.org/" + std::to_string(p), link});
    page.text.push_back({72, 30, layout::Face::Regular, 8, {}, "page " + std::to_string(p + 1), 0, {}, -1});
    laid.pages.push_back(std::move(page));
  }
  auto render = [&]() {
    pdf::PdfDocument doc(*style, diags);
    EXPECT_TRUE(doc.ok());
    return doc.render(laid, {"Bounds", "", "", "", std::chrono::sys_seconds{}, "bounds.pdf", "en"});
  };
  const std::string bytes = render();
  ASSERT_FALSE(bytes.empty()) << (diags.all().empty() ? "" : diags.all()[0].message);
  EXPECT_EQ(bytes, render());
  testing::TempDir dir("tagged-bounds");
  const std::string f = (dir.path() / "bounds.pdf").string();
  std::ofstream(f, std::ios::binary) << bytes;
  auto r = run_process({"qpdf", "--check", f}, "", std::chrono::milliseconds(60000));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  Checked c = check_tagged(f, "en");
  EXPECT_EQ(c.tags["/P"], 12000);
  EXPECT_EQ(c.tags["/Link"], 300);
  EXPECT_EQ(c.tags["/Div"], 3);  // the section's 12,000 paragraphs in Divs of 4,096
  EXPECT_EQ(c.langs["u:id"], 6000);
}

TEST(ToUnicode, EachCodeIsItsOwnCharacterInRangesOfAtMostOneHundred) {
  const std::string cmap = pdf::identity_to_unicode_cmap();
  EXPECT_EQ(cmap.find("cidrange"), std::string::npos);
  EXPECT_NE(cmap.find("<0000> <00FF> <0000>\n"), std::string::npos);
  EXPECT_NE(cmap.find("<2000> <20FF> <2000>\n"), std::string::npos);
  EXPECT_EQ(cmap.find("<D800>"), std::string::npos);  // no surrogate
  EXPECT_NE(cmap.find("100 beginbfrange"), std::string::npos);
  EXPECT_NE(cmap.find("48 beginbfrange"), std::string::npos);  // 256 - 8 surrogate blocks
}

}  // namespace
}  // namespace renaksi
