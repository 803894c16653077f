// The writer: reproducible bytes, the XML declaration and namespace, options, escaping.
#include "emit/ogp/writer.h"

#include <gtest/gtest.h>

#include "emit/ogp/helpers.h"
#include "emit/ogp/reader.h"
#include "emit/ogp/validator.h"
#include "support/paths.h"

namespace renaksi {
namespace {

using testing::checked_plan;

TEST(OgpWriter, TwoWritesOfEachPlanAreByteIdentical) {
  for (const auto& name : testing::content_plan_names()) {
    // Separate loads, separate writes: nothing may depend on the clock, addresses or order of
    // the file system.
    const std::string a = ogp::write_ogp_submission(checked_plan(testing::content_dir() / name).loaded.plan);
    const std::string b = ogp::write_ogp_submission(checked_plan(testing::content_dir() / name).loaded.plan);
    EXPECT_FALSE(a.empty()) << name;
    EXPECT_TRUE(a == b) << name << ": two writes differ";
  }
}

TEST(OgpWriter, WritesUtf8WithTheNamespaceAndIndents) {
  const std::string xml = ogp::write_ogp_submission(checked_plan(testing::content_dir() / "nap-2018-2020").loaded.plan);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<submission xmlns=\"urn:renaksi:ogp-submission:1\" schemaVersion=\"1\">\n"
                      "  <plan id=\"nap-2018-2020\" country=\"ID\" number=\"5\" stage=\"final\" template=\"ogi-2018\">\n",
                      0),
            0u)
      << xml.substr(0, 300);
  EXPECT_NE(xml.find("2018–2020"), std::string::npos) << "UTF-8 text is written as is, not as character references";
  EXPECT_EQ(xml.find("&#"), std::string::npos);
  EXPECT_EQ(xml.back(), '\n');
}

TEST(OgpWriter, WritesTheGenerationDateAndGeneratorOnlyWhenGiven) {
  const Plan plan = checked_plan(testing::fixtures_dir() / "check" / "base").loaded.plan;
  const std::string plain = ogp::write_ogp_submission(plan);
  EXPECT_EQ(plain.find("generated="), std::string::npos);
  EXPECT_EQ(plain.find("generator="), std::string::npos);
  const std::string dated = ogp::write_ogp_submission(plan, {.generated = "2024-05-01", .generator = "renaksi test"});
  EXPECT_NE(dated.find("<submission xmlns=\"urn:renaksi:ogp-submission:1\" schemaVersion=\"1\" "
                       "generated=\"2024-05-01\" generator=\"renaksi test\">"),
            std::string::npos);
  Diagnostics diags;
  EXPECT_TRUE(ogp::validate_submission(dated, "dated.xml", diags));
  for (const auto& d : diags.all()) ADD_FAILURE() << d.str();
}

TEST(OgpWriter, EscapesMarkupInTextsAndAttributes) {
  Plan plan = checked_plan(testing::fixtures_dir() / "check" / "base").loaded.plan;
  const std::string tricky = "A <b>bold</b> & \"quoted\" 'plan' ]]> <!-- not a comment -->";
  for (auto& t : plan.title.texts) t.value = tricky;
  plan.organisations[0].url = "https://example.org/?a=1&b=\"2\"";
  plan.commitments[0].sections.at(0).text.texts[1].value = "Line one.\n\n    code & <tags>\n\nLine three.";
  const std::string xml = ogp::write_ogp_submission(plan);
  EXPECT_NE(xml.find("A &lt;b&gt;bold&lt;/b&gt; &amp; \"quoted\" 'plan' ]]&gt; &lt;!-- not a comment --&gt;"),
            std::string::npos)
      << xml.substr(0, 600);
  EXPECT_NE(xml.find("url=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""), std::string::npos);

  Diagnostics diags;
  auto back = ogp::read_ogp_submission(xml, "tricky.xml", diags);
  for (const auto& d : diags.all()) ADD_FAILURE() << d.str();
  ASSERT_TRUE(back);
  EXPECT_EQ(testing::first_difference(xml, ogp::write_ogp_submission(*back)), "");
  EXPECT_EQ(back->title.texts[0].value, tricky);
  EXPECT_EQ(back->organisations[0].url, plan.organisations[0].url);
  ASSERT_TRUE(back->commitments[0].section(plan.commitments[0].sections.at(0).id));
  EXPECT_EQ(back->commitments[0].section(plan.commitments[0].sections.at(0).id)->text.texts[1].value,
            plan.commitments[0].sections.at(0).text.texts[1].value);
}

TEST(OgpWriter, TheFixtureBaseIsTheWritersOutputForTheCheckBasePlan) {
  // tests/fixtures/ogp/valid.xml, from which every broken fixture is made, is what the writer
  // gives today for tests/fixtures/check/base: the fixtures cannot drift from the writer.
  const Plan plan = checked_plan(testing::fixtures_dir() / "check" / "base").loaded.plan;
  EXPECT_EQ(ogp::write_ogp_submission(plan), testing::read_file(testing::fixtures_dir() / "ogp" / "valid.xml"));
}

}  // namespace
}  // namespace renaksi
