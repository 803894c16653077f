// The prose a person pastes, end to end: the safe HTML subset reaches the PDF (a link
// annotation), the Word edition (a hyperlink, a superscript) and the site (an <a> with its href
// escaped) as real content, and hostile HTML reaches none of them.
#include <gtest/gtest.h>

#include <regex>

#include "hostile/hostile.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::has;

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

std::string files_ending(const fs::path& dir, const std::string& suffix) {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().string().ends_with(suffix)) all += testing::read_text(e.path());
  return all;
}

// PDF text with its string escapes (libharu writes '/' in a URI as \057) decoded.
std::string octal_decoded(const std::string& pdf) {
  std::string out;
  for (size_t i = 0; i < pdf.size(); ++i) {
    if (pdf[i] == '\\' && i + 3 < pdf.size() && pdf[i + 1] >= '0' && pdf[i + 1] <= '3' && pdf[i + 2] >= '0' &&
        pdf[i + 2] <= '7' && pdf[i + 3] >= '0' && pdf[i + 3] <= '7') {
      out += static_cast<char>((pdf[i + 1] - '0') * 64 + (pdf[i + 2] - '0') * 8 + (pdf[i + 3] - '0'));
      i += 3;
    } else {
      out += pdf[i];
    }
  }
  return out;
}

std::string docx_part(const fs::path& out, const std::string& part) {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(out))
    if (e.is_regular_file() && e.path().string().ends_with(".en.docx"))
      all += testing::run_shell("unzip -p " + testing::shell_quote(e.path().string()) + " " + part).out;
  return all;
}

class ProseOutputs : public ::testing::Test {
 protected:
  // Builds the base plan with `markdown` as the English description of commitment 1.
  testing::CommandResult build_with(const std::string& markdown) {
    plan_ = testing::copy_base_plan(dir_.path());
    std::string text = testing::read_text(plan_ / "commitments" / "01.xml");
    const std::string from = "<text xml:lang=\"en\">The commitment.</text>";
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos);
    if (at != std::string::npos) text.replace(at, from.size(), "<text xml:lang=\"en\">" + xml_escaped(markdown) + "</text>");
    testing::write_text(plan_ / "commitments" / "01.xml", text);
    return testing::build_into(plan_, out_, dir_.path() / "cache");
  }

  testing::TempDir dir_{"prose-outputs"};
  fs::path plan_;
  fs::path out_ = dir_.path() / "dist";
};

TEST_F(ProseOutputs, TheHtmlSubsetIsRealContentInEveryOutput) {
  const auto r = build_with(
      "Read <a href=\"https://example.org/a?x=1&amp;y=2\">the report</a>: 40 m<sup>2</sup>, CO<sub>2</sub>,<br>"
      "then www.example.net.\nSteps:\n* one\n* two\n\n| Year | Target |\n|---|---|\n| 2021 | 40% |");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(has(r.err, "warning[P0")) << r.err;

  const std::string html = files_ending(out_ / "site", ".html");
  EXPECT_TRUE(has(html, "<a href=\"https://example.org/a?x=1&amp;y=2\">the report</a>")) << "a link, href escaped";
  EXPECT_TRUE(has(html, "m<sup>2</sup>"));
  EXPECT_TRUE(has(html, "CO<sub>2</sub>"));
  EXPECT_TRUE(has(html, ",<br>then") || has(html, ",<br/>then") || has(html, ",<br />then")) << "a line break";
  EXPECT_TRUE(has(html, "<a href=\"https://www.example.net\">www.example.net</a>"));
  EXPECT_TRUE(has(html, "<li>one</li>"));
  EXPECT_TRUE(has(html, "<td>2021</td>") || has(html, "<td>2021\n")) << "a pipe table";
  EXPECT_FALSE(has(html, "&lt;a href")) << "no literal tag";
  EXPECT_FALSE(has(html, "&lt;br")) << "no literal tag";

  const std::string pdf = octal_decoded(files_ending(out_, ".en.pdf"));
  EXPECT_TRUE(has(pdf, "/URI (https://example.org/a?x=1&y=2)")) << "a link annotation";
  EXPECT_TRUE(has(pdf, "/URI (https://www.example.net)"));

  const std::string document = docx_part(out_, "word/document.xml");
  const std::string rels = docx_part(out_, "word/_rels/document.xml.rels");
  EXPECT_TRUE(has(document, "<w:hyperlink")) << "a hyperlink";
  EXPECT_TRUE(has(rels, "https://example.org/a?x=1&amp;y=2"));
  EXPECT_TRUE(has(document, "w:val=\"superscript\""));
  EXPECT_TRUE(has(document, "w:val=\"subscript\""));
  EXPECT_TRUE(has(document, "<w:tbl>")) << "a pipe table";
  EXPECT_FALSE(has(document, "&lt;a href"));
}

TEST_F(ProseOutputs, HostileHtmlReachesNoPage) {
  const auto r = build_with(
      "Hi <script>alert(1)</script> <a href=\"javascript:alert(2)\" onclick=\"alert(3)\">x</a>\n"
      "<scr<script>ipt>alert(4)</script> <A HREF='data:text/html,&lt;b&gt;'>d</A> <img src=x onerror=alert(5)>\n"
      "<a href=\"https://ok.example/&quot;onmouseover=&quot;alert(6)\">q</a> <em>unclosed <b>nested\n\n"
      "<STYLE>body{display:none}</STYLE>\n\n<iframe\nsrc=\"https://evil.example\"></iframe>");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "warning[P011]")) << r.err;
  EXPECT_TRUE(has(r.err, "warning[P007]")) << r.err;

  // The template's logo is the one image a page has; the prose's <img> must not be another.
  const std::string html =
      std::regex_replace(files_ending(out_ / "site", ".html"), std::regex("<img class=\"site-logo\" src=\"[./]*assets/logo\\.svg\""), "<logo");
  ASSERT_FALSE(html.empty());
  for (const char* bad : {"alert(1)", "alert(2)", "alert(3)", "alert(5)", "display:none", "evil.example", "<iframe", "<img"})
    EXPECT_FALSE(has(html, bad)) << bad;
  EXPECT_FALSE(std::regex_search(html, std::regex("(href|src)\\s*=\\s*\"?\\s*(javascript|data):", std::regex::icase)));
  const std::string tags = std::regex_replace(html, std::regex("\"[^\"]*\""), "\"\"");
  EXPECT_FALSE(std::regex_search(tags, std::regex("<[a-z]+[^>]*\\son[a-z]+\\s*=", std::regex::icase))) << "event handler";
  // The quote inside the href is escaped within the attribute, never closing it.
  EXPECT_TRUE(has(html, "href=\"https://ok.example/&quot;onmouseover=&quot;alert(6)\"")) << "escaped";
  EXPECT_TRUE(has(html, "<em>unclosed <strong>nested</strong></em>"));

  const std::string document = docx_part(out_, "word/document.xml");
  for (const char* bad : {"alert(1)", "alert(2)", "alert(3)", "alert(5)", "display:none", "evil.example"})
    EXPECT_FALSE(has(document, bad)) << bad;
  EXPECT_FALSE(has(docx_part(out_, "word/_rels/document.xml.rels"), "javascript:"));
  EXPECT_FALSE(has(octal_decoded(files_ending(out_, ".en.pdf")), "javascript:"));
}

}  // namespace
}  // namespace renaksi
