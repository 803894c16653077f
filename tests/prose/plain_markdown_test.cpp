// Tests of plain Markdown's AST made without Pandoc: which texts are plain, and that for every
// one of them (the plans' own and thousands made at random) it is exactly Pandoc's.
#include "prose/plain_markdown.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "env/env.h"
#include "env/process.h"
#include "load/loader.h"
#include "model/visit.h"
#include "prose/from_pandoc.h"
#include "prose/prose_pass.h"
#include "support/paths.h"

namespace renaksi::prose {
namespace {

using nlohmann::json;

json str(const std::string& s) { return json{{"t", "Str"}, {"c", s}}; }
json space() { return json{{"t", "Space"}}; }
json soft() { return json{{"t", "SoftBreak"}}; }
json para(json inlines) { return json{{"t", "Para"}, {"c", std::move(inlines)}}; }

TEST(PlainMarkdown, WordsLinesAndParagraphsAsPandocGivesThem) {
  const auto blocks =
      plain_markdown_blocks("Keterbukaan  informasi (OGP) 2018–2020,\nmasing-masing 50%.\n\nKedua: ya/tidak?\n2019 Indonesia's");
  ASSERT_TRUE(blocks.has_value());
  const json want = json::array(
      {para(json::array({str("Keterbukaan"), space(), str("informasi"), space(), str("(OGP)"), space(), str("2018–2020,"),
                         soft(), str("masing-masing"), space(), str("50%.")})),
       para(json::array({str("Kedua:"), space(), str("ya/tidak?"), soft(), str("2019"), space(), str("Indonesia’s")}))});
  EXPECT_EQ(*blocks, want) << blocks->dump();
}

// A list needs an empty line before it: inside a paragraph, a line may start with what would
// be a list marker on a paragraph's first line, or with "(".
TEST(PlainMarkdown, InsideAParagraphALineMayStartWithAMarkerOrAParenthesis) {
  const auto blocks = plain_markdown_blocks("(Peraturan Presiden) Satu\nPeta.\n2018. Lalu\n(a) dan\niv) itu");
  ASSERT_TRUE(blocks.has_value());
  const json want = json::array({para(json::array({str("(Peraturan"), space(), str("Presiden)"), space(), str("Satu"),
                                                   soft(), str("Peta."), soft(), str("2018."), space(), str("Lalu"), soft(),
                                                   str("(a)"), space(), str("dan"), soft(), str("iv)"), space(), str("itu")}))});
  EXPECT_EQ(*blocks, want) << blocks->dump();
}

TEST(PlainMarkdown, AnythingPandocReadsOtherwiseGoesToPandoc) {
  const std::vector<std::string> not_plain = {
      "",                        // nothing
      "\n\n",                    // nothing but empty lines
      "Some *emphasis*",         // emphasis
      "A __strong__ word",       // strong
      "Say \"hello\"",           // smart quotes
      "Wait...",                 // ellipsis
      "2018--2020",              // smart dash
      "A - B",                   // a hyphen not between letters
      "end-",                    // a hyphen at the end
      "- item",                  // a bullet
      "1. first",                // an ordered list
      "2018. begins",            // a line starting with a number and a dot
      "3) third",                // or a parenthesis
      "(a) first",               // a list marker in parentheses
      "Kata\n\n(1) first",       // a paragraph's first line: a list may start there
      "Kata\n\nb. second",       // the same
      "'quoted'",                // a single quote opening
      "x ''y",                   // an apostrophe not after a letter
      "a. first",                // a letter list marker
      "iv) fourth",              // a roman list marker
      "B. Second",               // an upper-case letter marker
      "Dr. Smith",               // a smart abbreviation
      "see e.g. this",           // another
      "the U.S. way",            // a word with a dot inside
      "Perpres No. 95",          // "No." is one of Pandoc's
      "# Heading",               // a heading
      "> quote",                 // a block quote
      "    code",                // indented code
      " leading space",          // any leading space
      "trailing space ",         // a hard break would be two
      "line\\",                  // an escaped line break
      "a | b",                   // a table
      "x <b>y</b>",              // raw HTML
      "AT&amp;T",                // an entity
      "[link](http://x.org)",    // a link
      "note[^1]",                // a note
      "`code`",                  // code
      "~~gone~~",                // strikeout
      "Term\n: definition",      // a definition list
      "Title\n=====",            // a setext heading
      "x\ty",                    // a tab
      "x\r\ny",                  // a carriage return
      "a\u00a0b",                // a no-break space
      "curly \u201cquotes\u201d",  // other punctuation
      "e\u0301",                 // a combining mark
      std::string("bad \xff utf8"),
      "$x$",                     // math
      "@cite",                   // a citation
      "x^2^",                    // superscript
  };
  for (const std::string& text : not_plain) EXPECT_FALSE(plain_markdown_blocks(text).has_value()) << text;
}

TEST(PlainMarkdown, AnyBytesAreEitherRefusedOrParagraphsOfTheirWords) {
  std::mt19937 rng(7);
  const std::string alphabet = std::string("ab Z9.'-\n\n()*#>:\\\x00\xc3\xa9\xe2\x80\x93\xff", 24);
  size_t accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text(rng() % 40, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    const auto blocks = plain_markdown_blocks(text);
    if (!blocks) continue;
    ++accepted;
    // Every paragraph's words, put back together, are the text's words.
    std::string words, given;
    for (const json& b : *blocks) {
      ASSERT_EQ(b.at("t"), "Para");
      for (const json& in : b.at("c"))
        if (in.at("t") == "Str") words += in.at("c").get<std::string>() + " ";
    }
    for (size_t k = 0; k < text.size();) {
      const size_t e = std::min(text.find_first_of(" \n", k), text.size());
      if (e > k) given += text.substr(k, e - k) + " ";
      k = e + 1;
    }
    size_t at = 0;
    while ((at = given.find('\'', at)) != std::string::npos) given.replace(at, 1, "\u2019");
    EXPECT_EQ(words, given) << text;
  }
  EXPECT_GT(accepted, 100u);
}

// Prose texts of the plans in content/, each once.
std::vector<std::string> content_prose() {
  std::vector<std::string> out;
  for (const char* name : {"nap-2018-2020", "nap-2020-2022", "nap-2023-2024"}) {
    Diagnostics diags;
    const LoadResult loaded = load_plan(testing::content_dir() / name, diags);
    visit_texts(loaded.plan, [&](const LocalizedText& field, const std::string&) {
      if (field.kind != TextKind::Prose) return;
      for (const auto& t : field.texts)
        if (!t.value.empty()) out.push_back(t.value);
    });
  }
  return out;
}

// Texts made at random from words and marks a plain text may hold, and some it may not.
std::vector<std::string> random_texts(size_t count) {
  const std::vector<std::string> words = {
      "Keterbukaan", "informasi", "publik", "OGP", "2018", "2018–2020", "masing-masing", "e-government", "50%",
      "(OGP)", "ya/tidak", "Kedua:", "apa?", "ya!", "akhir.", "koma,", "titik;", "Rp.", "dll.", "dsb.", "tsb.",
      "Tbk.", "PT.", "www.example.org", "https://example.org/a/b", "http://x.id:", "mailto:a", ":smile:", "Table:",
      "Ä", "é", "ñandú", "straße", "Ελλάδα", "русский", "日本語", "ไทย", "1.5", "3.000.000", "x.", "A", "I", "v",
      "Rp", "10)", "Jl.", "Kab.", "Kota", "Prov.", "Sdr.", "Drs.", "dan", "yang", "untuk", "the", "of", "and",
      "Indonesia's", "citizens'", "1990's", "don't", "Jum'at", "Indonesia’s", "2020,", "12", "2018-2020", "COVID-19",
      "SP4N-LAPOR!", "K/L", "100%.", "(2019).", "(Peraturan", "Presiden)", "(Perpres", "(UU", "Nomor", "9/2016)"};
  const std::vector<std::string> tricky = {"Mr.", "No.", "e.g.", "U.S.", "(a)", "a)", "b.", "iv.", "ii)", "--", "x-",
                                           "-", "..", "(1)", "H.", "S.H.", "*x*", "'s", "\"q\"", "#", ">", "|", "'", "''", "‘x’",
                                           "2018.", "3)", "x'", "'x'", "(A)", "(i)", "(a),", "(1).", "(x", "A.", "#.", "(@)"};
  std::mt19937 rng(20261206);
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) {
    std::string text;
    const size_t n = 1 + rng() % 24;
    for (size_t k = 0; k < n; ++k) {
      if (k > 0) {
        const unsigned r = rng() % 20;
        text += r == 0 ? "\n\n" : r == 1 ? "\n" : r == 2 ? "  " : " ";
      }
      // Mostly words that keep a text plain; now and then one that may not.
      text += rng() % 25 == 0 ? tricky[rng() % tricky.size()] : words[rng() % words.size()];
    }
    out.push_back(text);
  }
  return out;
}

// Pandoc's blocks for each text, from one run (each in a wrapper, as the prose pass sends them).
std::vector<json> pandoc_blocks(const std::vector<std::string>& texts) {
  std::string input;
  for (size_t i = 0; i < texts.size(); ++i) input += "::: {#f" + std::to_string(i) + "}\n" + texts[i] + "\n:::\n\n";
  const ProcessResult r = run_process({Env::from_environment().pandoc, "--sandbox", "-f", kPandocFrom, "-t", "json"},
                                      input, std::chrono::milliseconds(120000), {}, size_t{1} << 30);
  EXPECT_TRUE(r.started && r.exit_code == 0) << r.error << r.err;
  std::vector<json> out;
  if (!r.started || r.exit_code != 0) return out;
  const json doc = json::parse(r.out);
  for (const json& div : doc.at("blocks")) out.push_back(div.at("c").at(1));
  return out;
}

TEST(PlainMarkdown, EveryPlainTextOfThePlansAndThousandsMoreAreExactlyPandocs) {
  std::vector<std::string> texts = content_prose();
  const size_t from_content = texts.size();
  ASSERT_GT(from_content, 300u);
  for (std::string& t : random_texts(4000)) texts.push_back(std::move(t));
  std::vector<std::string> plain;
  std::vector<json> ours;
  size_t plain_from_content = 0;
  for (size_t i = 0; i < texts.size(); ++i)
    if (auto blocks = plain_markdown_blocks(texts[i])) {
      plain.push_back(texts[i]);
      ours.push_back(std::move(*blocks));
      plain_from_content += i < from_content;
    }
  // Enough of both to mean something: a quarter of the plans' texts, and a thousand others;
  // and among them, lines that start with "(" and lines inside a paragraph that start with what
  // would be a list marker on its first line ("2018.", "(1)", "b.").
  EXPECT_GT(plain_from_content, from_content / 4);
  EXPECT_GT(plain.size() - plain_from_content, 1000u);
  size_t parenthesis = 0, marker_inside = 0;
  for (const std::string& t : plain) {
    bool first = true;
    for (size_t at = 0; at <= t.size();) {
      size_t end = t.find('\n', at);
      if (end == std::string::npos) end = t.size();
      const std::string line = t.substr(at, end - at);
      if (!line.empty()) {
        const std::string word = line.substr(0, line.find(' '));
        parenthesis += line[0] == '(';
        marker_inside += !first && (word.back() == '.' || word.back() == ')');
      }
      first = line.empty();
      at = end + 1;
    }
  }
  EXPECT_GT(parenthesis, 100u);
  EXPECT_GT(marker_inside, 100u);
  const std::vector<json> theirs = pandoc_blocks(plain);
  ASSERT_EQ(theirs.size(), plain.size());
  size_t differ = 0;
  for (size_t i = 0; i < plain.size(); ++i)
    if (ours[i] != theirs[i] && ++differ <= 10)
      ADD_FAILURE() << "not Pandoc's AST for:\n" << plain[i] << "\nours:   " << ours[i].dump() << "\nPandoc: " << theirs[i].dump();
  EXPECT_EQ(differ, 0u) << "of " << plain.size();
}

}  // namespace
}  // namespace renaksi::prose
