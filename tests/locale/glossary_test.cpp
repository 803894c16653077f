// The glossary (locales/glossary.json): one term per concept and language. Every catalogue
// message uses its language's terms, never an avoided variant or another language's term; the
// Indonesian PDFs and site pages of the plans in content/ print no English template word.
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "emit/html/html_tree.h"
#include "locale/catalogue.h"
#include "support/command.h"
#include "support/paths.h"
#include "support/shared_archive.h"
#include "xml/handles.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

// ---- The glossary as data --------------------------------------------------------------------

struct LanguageTerms {
  std::string term;                // the one term
  std::vector<std::string> forms;  // its other forms (plural, a longer phrase)
  std::vector<std::string> avoid;  // variants a message of this language must not use
};

struct Concept {
  std::string id;
  bool template_word = false;  // a label or template prints it
  std::map<std::string, LanguageTerms> terms;  // by language code
};

using Glossary = std::vector<Concept>;

std::vector<std::string> strings_of(const nlohmann::json& j, const char* key, const std::string& where,
                                    std::vector<std::string>& problems) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  if (!j[key].is_array()) {
    problems.push_back(where + ": '" + key + "' must be a list of strings");
    return out;
  }
  for (const auto& s : j[key]) {
    if (s.is_string() && !s.get<std::string>().empty()) out.push_back(s.get<std::string>());
    else problems.push_back(where + ": '" + key + "' holds something other than a non-empty string");
  }
  return out;
}

// Reads the glossary's JSON; every problem of its shape goes to `problems`.
Glossary parse_glossary(const std::string& text, std::vector<std::string>& problems) {
  Glossary out;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    problems.push_back(std::string("not valid JSON: ") + e.what());
    return out;
  }
  if (!j.is_object() || !j.contains("concepts") || !j["concepts"].is_array()) {
    problems.push_back("the glossary must be an object with a list 'concepts'");
    return out;
  }
  std::set<std::string> seen;
  for (const auto& c : j["concepts"]) {
    Concept entry;
    if (!c.is_object() || !c.contains("concept") || !c["concept"].is_string()) {
      problems.push_back("a concept without its name ('concept')");
      continue;
    }
    entry.id = c["concept"].get<std::string>();
    if (!seen.insert(entry.id).second) problems.push_back(entry.id + ": named twice");
    if (c.contains("template_word")) {
      if (c["template_word"].is_boolean()) entry.template_word = c["template_word"].get<bool>();
      else problems.push_back(entry.id + ": 'template_word' must be true or false");
    }
    if (!c.contains("terms") || !c["terms"].is_object() || c["terms"].empty()) {
      problems.push_back(entry.id + ": no 'terms' by language");
      continue;
    }
    for (const auto& [lang, t] : c["terms"].items()) {
      const std::string where = entry.id + " (" + lang + ")";
      if (!t.is_object() || !t.contains("term") || !t["term"].is_string() || t["term"].get<std::string>().empty()) {
        problems.push_back(where + ": no 'term'");
        continue;
      }
      LanguageTerms terms{t["term"].get<std::string>(), strings_of(t, "forms", where, problems),
                          strings_of(t, "avoid", where, problems)};
      entry.terms[lang] = std::move(terms);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

// ---- Whole-word, case-insensitive matching ---------------------------------------------------

icu::UnicodeString folded(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.foldCase();
  return u;
}

bool word_char(UChar32 c) { return u_isalnum(c) != 0; }

// Where `needle` occurs in `hay` as whole words (both folded): the start of each occurrence.
std::vector<int32_t> occurrences(const icu::UnicodeString& hay, const icu::UnicodeString& needle) {
  std::vector<int32_t> out;
  if (needle.isEmpty()) return out;
  for (int32_t at = hay.indexOf(needle); at >= 0 && at < hay.length(); at = hay.indexOf(needle, at + 1)) {
    const int32_t end = at + needle.length();
    const bool starts = at == 0 || !word_char(hay.char32At(hay.moveIndex32(at, -1)));
    const bool ends = end >= hay.length() || !word_char(hay.char32At(end));
    if (starts && ends) out.push_back(at);
  }
  return out;
}

// The text with every whole-word occurrence of `words` (longest first) blanked out.
icu::UnicodeString without(icu::UnicodeString text, std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& w : words) {
    const icu::UnicodeString f = folded(w);
    for (int32_t at : occurrences(text, f)) text.replace(at, f.length(), icu::UnicodeString(f.length(), U' ', f.length()));
  }
  return text;
}

// A message's words without ICU MessageFormat syntax: argument names and types, plural and
// select keywords, braces and '#'.
std::string message_words(const std::string& pattern) {
  static const std::regex argument(R"(\{\s*[A-Za-z_][A-Za-z0-9_]*\s*(,\s*[a-z]+\s*,?)?)");
  static const std::regex branch(R"(\b(zero|one|two|few|many|other|=[0-9]+)\s*\{)");
  static const std::regex syntax(R"([{}#])");
  std::string s = std::regex_replace(pattern, argument, " ");
  s = std::regex_replace(s, branch, " ");
  return std::regex_replace(s, syntax, " ");
}

struct Finding {
  std::string where;    // the catalogue key, or the page
  std::string word;     // the glossary word found
  std::string concept_id;
  std::string why;      // "avoided in id", "the en term"
  std::string str() const { return where + ": \"" + word + "\" (" + concept_id + ", " + why + ")"; }
};

std::vector<std::string> own_words(const LanguageTerms& t) {
  std::vector<std::string> out = t.forms;
  out.push_back(t.term);
  return out;
}

// The words of `text` (in `lang`) that the glossary rejects. With `template_words_only`, only
// other languages' terms of template-word concepts (what a page must not print); otherwise
// every concept's avoided variants and other languages' terms too.
std::vector<Finding> rejected_words(const Glossary& glossary, const std::string& lang, const std::string& where,
                                    const std::string& text, bool template_words_only) {
  std::vector<Finding> out;
  std::vector<std::string> own;
  for (const auto& c : glossary)
    if (auto t = c.terms.find(lang); t != c.terms.end())
      for (auto& w : own_words(t->second)) own.push_back(w);
  // A language's own terms may hold another's ("TPB/SDGs"): those are no finding.
  const icu::UnicodeString hay = without(folded(text), own);
  for (const auto& c : glossary) {
    if (template_words_only && !c.template_word) continue;
    const auto mine = c.terms.find(lang);
    if (!template_words_only && mine != c.terms.end())
      for (const auto& w : mine->second.avoid)
        if (!occurrences(hay, folded(w)).empty()) out.push_back({where, w, c.id, "avoided in " + lang});
    for (const auto& [other, t] : c.terms) {
      if (other == lang) continue;
      for (const auto& w : own_words(t)) {
        if (mine != c.terms.end() && folded(w) == folded(mine->second.term)) continue;  // the same word in both
        if (!occurrences(hay, folded(w)).empty()) out.push_back({where, w, c.id, "the " + other + " term"});
      }
    }
  }
  return out;
}

// Every message of a catalogue (key → pattern) checked against the glossary.
std::vector<Finding> check_catalogue(const Glossary& glossary, const std::string& lang,
                                     const std::map<std::string, std::string>& messages) {
  std::vector<Finding> out;
  for (const auto& [key, pattern] : messages)
    for (auto& f : rejected_words(glossary, lang, key, message_words(pattern), false)) out.push_back(std::move(f));
  return out;
}

std::string findings_text(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += "  " + f.str() + "\n";
  return out;
}

// ---- The project's files ---------------------------------------------------------------------

const Glossary& project_glossary() {
  static const Glossary g = [] {
    std::vector<std::string> problems;
    Glossary out = parse_glossary(testing::file_bytes(testing::source_dir() / "locales" / "glossary.json"), problems);
    for (const auto& p : problems) ADD_FAILURE() << "locales/glossary.json: " << p;
    return out;
  }();
  return g;
}

// Every catalogue of locales/, by language code: key → pattern.
std::map<std::string, std::map<std::string, std::string>> project_catalogues() {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const auto& e : fs::directory_iterator(testing::source_dir() / "locales")) {
    if (e.path().extension() != ".json" || e.path().stem() == "glossary") continue;
    const std::string lang = e.path().stem().string();
    Diagnostics diags;
    auto c = Catalogue::load(e.path(), lang, diags);
    EXPECT_TRUE(c) << e.path();
    if (!c) continue;
    for (const auto& k : c->keys()) out[lang][k] = *c->find(k);
  }
  return out;
}

TEST(Glossary, ParsesAndHasATermForEveryLanguageWithACatalogue) {
  const Glossary& g = project_glossary();
  ASSERT_FALSE(g.empty());
  const auto catalogues = project_catalogues();
  ASSERT_GE(catalogues.size(), 2u);
  bool some_template_word = false;
  for (const auto& c : g) {
    some_template_word |= c.template_word;
    for (const auto& [lang, messages] : catalogues) EXPECT_TRUE(c.terms.count(lang)) << c.id << " has no term in " << lang;
    for (const auto& [lang, t] : c.terms) EXPECT_TRUE(catalogues.count(lang)) << c.id << ": no catalogue for " << lang;
  }
  EXPECT_TRUE(some_template_word);
}

TEST(Glossary, AShapeProblemIsReported) {
  std::vector<std::string> problems;
  parse_glossary(R"({"concepts": [{"concept": "x", "terms": {"id": {"forms": ["a"]}}}, {"terms": {}}]})", problems);
  EXPECT_EQ(problems.size(), 2u) << ::testing::PrintToString(problems);
  problems.clear();
  parse_glossary("{", problems);
  EXPECT_EQ(problems.size(), 1u);
}

TEST(Glossary, EveryCatalogueMessageUsesItsLanguagesTerms) {
  const Glossary& g = project_glossary();
  for (const auto& [lang, messages] : project_catalogues()) {
    const auto findings = check_catalogue(g, lang, messages);
    EXPECT_TRUE(findings.empty()) << "locales/" << lang << ".json uses words the glossary rejects:\n"
                                  << findings_text(findings);
  }
}

// The check on data: an Indonesian catalogue that prints the English template word.
TEST(Glossary, AnEnglishTermOrAnAvoidedVariantInAnIndonesianMessageIsNamed) {
  const Glossary& g = project_glossary();
  const std::map<std::string, std::string> messages = {
      {"milestones.title", "Milestone"},
      {"contacts.email", "E-mail"},
      {"chapter.cocreation", "Proses Ko-Kreasi Rencana Aksi"},
      {"meta.lead", "Aktor/badan pemimpin implementasi"},
      {"milestones.activity", "Kegiatan tonggak capaian dengan keluaran yang dapat diverifikasi"},
      {"sdg.goal", "Tujuan {goal} TPB/SDGs"},
      {"cocreation.totals", "{participants, plural, other {# peserta}}"},
  };
  const auto findings = check_catalogue(g, "id", messages);
  auto found = [&](const std::string& key, const std::string& word) {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.where == key && f.word == word; });
  };
  EXPECT_TRUE(found("milestones.title", "milestone")) << findings_text(findings);
  EXPECT_TRUE(found("contacts.email", "e-mail")) << findings_text(findings);
  EXPECT_TRUE(found("chapter.cocreation", "ko-kreasi")) << findings_text(findings);
  EXPECT_TRUE(found("meta.lead", "aktor/badan pemimpin")) << findings_text(findings);
  // The right terms, a foreign word inside a term of the language's own ("SDGs" in "TPB/SDGs"),
  // and an argument named like an English word pass.
  for (const char* key : {"milestones.activity", "sdg.goal", "cocreation.totals"})
    for (const auto& f : findings) EXPECT_NE(f.where, key) << f.str();
  // Whole words only: "Milestones" is not "milestone" in the text "Milestonesque".
  EXPECT_TRUE(check_catalogue(g, "id", {{"k", "Milestonesque"}}).empty());
}

TEST(Glossary, AnIndonesianTermInAnEnglishMessageIsNamed) {
  const auto findings = check_catalogue(project_glossary(), "en", {{"contacts.email", "Surel"}});
  ASSERT_EQ(findings.size(), 1u) << findings_text(findings);
  EXPECT_EQ(findings[0].word, "surel");
}

// ---- The pages of the plans in content/ ------------------------------------------------------

bool is_lang(const std::string& tag, const std::string& lang) {
  return tag == lang || tag.rfind(lang + "-", 0) == 0;
}

// The text a reader of `lang` sees on a page: text nodes and the attributes read out or shown
// (title, alt, aria-label, placeholder, the search page's messages), leaving out scripts, styles
// and every element marked with another language.
void page_text(const xmlNode* n, const std::string& lang, std::string& out, int depth = 0) {
  if (depth > 200) return;
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE && n->content) {
      out += reinterpret_cast<const char*>(n->content);
      out += ' ';
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string name = reinterpret_cast<const char*>(n->name);
    if (name == "script" || name == "style") continue;
    const std::string tag = html::get_attr(n, "lang");
    if (!tag.empty() && !is_lang(tag, lang)) continue;
    for (const char* a : {"title", "alt", "aria-label", "placeholder", "data-found", "data-none"}) {
      out += html::get_attr(n, a);
      out += ' ';
    }
    if (name == "meta") out += html::get_attr(n, "content") + " ";
    page_text(n->children, lang, out, depth + 1);
  }
}

std::string html_text(const std::string& bytes, const std::string& lang) {
  XmlDocPtr doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
                               HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  std::string out;
  if (doc) page_text(doc->children, lang, out);
  return out;
}

std::string pdf_text(const std::string& bytes, const fs::path& file) {
  std::ofstream(file, std::ios::binary) << bytes;
  auto r = testing::run_shell("pdftotext -enc UTF-8 " + testing::shell_quote(file.string()) + " -");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// What a page says around a word: for the report.
std::string context_of(const std::string& text, const std::string& word) {
  const icu::UnicodeString t = folded(text);
  auto at = occurrences(t, folded(word));
  if (at.empty()) return {};
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  const int32_t from = std::max(0, at.front() - 50);
  std::string out;
  u.tempSubString(from, 100 + word.size()).toUTF8String(out);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

class GlossaryPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { archive_ = &testing::shared_archive(); }
  static inline const ArchiveBuild* archive_ = nullptr;

  // Every finding of the Indonesian PDF editions and site pages, with what the page says there.
  static std::vector<std::string> findings(const std::string& lang) {
    std::vector<std::string> out;
    testing::TempDir dir("glossary-pages");
    for (const auto& [path, bytes] : archive_->outputs.files()) {
      std::string text;
      // The site's copies of the PDF editions (site/files/) are the same bytes: read once.
      if (path.ends_with("." + lang + ".pdf") && !path.starts_with("site/")) text = pdf_text(bytes, dir.path() / "edition.pdf");
      else if (path.starts_with("site/" + lang + "/") && path.ends_with(".html")) text = html_text(bytes, lang);
      else continue;
      // Every page says "komitmen" but those about the site itself (about, page not found).
      if (!path.ends_with("/about/index.html") && !path.ends_with("/404.html")) {
        EXPECT_NE(text.find("omitmen"), std::string::npos) << path << " read as text says no \"komitmen\"";
      }
      for (const auto& f : rejected_words(project_glossary(), lang, path, text, true))
        out.push_back(f.str() + ": …" + context_of(text, f.word) + "…");
    }
    return out;
  }
};

TEST_F(GlossaryPages, IndonesianPdfsAndPagesPrintNoEnglishTemplateWord) {
  ASSERT_EQ(archive_->error_count(), 0u);
  size_t pdfs = 0, pages = 0;
  for (const auto& [path, bytes] : archive_->outputs.files()) {
    pdfs += path.ends_with(".id.pdf") && !path.starts_with("site/");
    pages += path.starts_with("site/id/") && path.ends_with(".html");
  }
  EXPECT_GE(pdfs, 3u);
  EXPECT_GE(pages, 30u);
  const auto found = findings("id");
  std::string report;
  for (const auto& f : found) report += "  " + f + "\n";
  EXPECT_TRUE(found.empty()) << found.size() << " English template words on Indonesian pages:\n" << report;
}

// The page check on data: an Indonesian page that prints "Milestone" outside a lang="en" span.
TEST(GlossaryPageText, TextMarkedAsEnglishIsLeftOutAndTheRestIsChecked) {
  const std::string page =
      R"(<html lang="id"><head><title>Komitmen 1</title><script>var s = "Milestone";</script></head>)"
      R"(<body><h2>Milestone</h2><p>Data <i lang="en">beneficial ownership email</i>.</p>)"
      R"(<p title="Email">Tonggak capaian</p></body></html>)";
  const std::string text = html_text(page, "id");
  EXPECT_EQ(text.find("beneficial"), std::string::npos);
  EXPECT_EQ(text.find("var s"), std::string::npos);
  const auto found = rejected_words(project_glossary(), "id", "page", text, true);
  std::set<std::string> words;
  for (const auto& f : found) words.insert(f.word);
  EXPECT_EQ(words, (std::set<std::string>{"milestone", "email"})) << findings_text(found);
}

}  // namespace
}  // namespace renaksi
