// Every catalogue in locales/ has every key that another has, and every message parses with
// ICU and formats with the arguments the outputs give it.
#include "locale/catalogue.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <unicode/msgfmt.h>

#include "locale/locale.h"
#include "support/paths.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

std::vector<Catalogue> all_catalogues() {
  std::vector<Catalogue> out;
  for (const auto& e : fs::directory_iterator(testing::source_dir() / "locales")) {
    // locales/glossary.json is the terms of the catalogues (tests/locale/glossary_test.cpp), not one.
    if (e.path().extension() != ".json" || e.path().stem() == "glossary") continue;
    Diagnostics diags;
    auto c = Catalogue::load(e.path(), e.path().stem().string(), diags);
    EXPECT_TRUE(c) << e.path();
    for (const auto& d : diags.all()) ADD_FAILURE() << d.str();
    if (c) out.push_back(std::move(*c));
  }
  return out;
}

TEST(Catalogues, ThereIsOneForEachLanguageOfEveryPlan) {
  std::set<std::string> have;
  for (const auto& c : all_catalogues()) have.insert(c.lang());
  EXPECT_TRUE(have.count("id"));
  EXPECT_TRUE(have.count("en"));
}

TEST(Catalogues, EveryCatalogueHasEveryKeyAnotherHas) {
  auto cats = all_catalogues();
  std::set<std::string> all;
  for (const auto& c : cats)
    for (const auto& k : c.keys()) all.insert(k);
  for (const auto& c : cats)
    for (const auto& k : all) EXPECT_TRUE(c.find(k)) << c.file() << " lacks '" << k << "'";
}

TEST(Catalogues, EveryMessageParses) {
  for (const auto& c : all_catalogues()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(c.lang(), status);
    for (const auto& k : c.keys()) {
      status = U_ZERO_ERROR;
      UParseError perr;
      icu::MessageFormat mf(icu::UnicodeString::fromUTF8(*c.find(k)), locale, perr, status);
      EXPECT_TRUE(U_SUCCESS(status)) << c.file() << ": '" << k << "' does not parse (offset " << perr.offset << ")";
    }
  }
}

TEST(Catalogues, IndonesianPluralsUseOnlyOther) {
  // Indonesian has the single plural category `other`: a `one {…}` branch is dead text.
  for (const auto& c : all_catalogues()) {
    if (c.lang() != "id") continue;
    for (const auto& k : c.keys()) EXPECT_EQ(c.find(k)->find("one {"), std::string::npos) << k;
  }
}

TEST(Catalogues, ABrokenCatalogueIsReportedWithItsLine) {
  testing::TempDir dir("catalogue");
  fs::create_directories(dir.path() / "locales");
  std::ofstream(dir.path() / "locales" / "xx.json") << "{\n  \"a\": \"b\",\n  \"c\": oops\n}\n";
  Diagnostics diags;
  EXPECT_FALSE(Catalogue::load(catalogue_path(dir.path(), "xx"), "xx", diags));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].code, Code::F002);
  EXPECT_EQ(diags.all()[0].loc.line, 3);
  Diagnostics missing;
  EXPECT_FALSE(Catalogue::load(catalogue_path(dir.path(), "yy"), "yy", missing));
  EXPECT_EQ(missing.all().at(0).code, Code::F001);
}

TEST(Catalogues, ABadPatternIsReportedWhenUsed) {
  testing::TempDir dir("pattern");
  fs::create_directories(dir.path() / "locales");
  std::ofstream(dir.path() / "locales" / "en.json") << R"({"bad": "{count, plural, one {x}"})";
  Diagnostics diags;
  Locale l("en", *Catalogue::load(catalogue_path(dir.path(), "en"), "en", diags));
  EXPECT_EQ(l.message("bad", {{"count", 1LL}}), "[bad]");
  ASSERT_EQ(l.diagnostics().all().size(), 1u);
  EXPECT_EQ(l.diagnostics().all()[0].code, Code::F004);
}

}  // namespace
}  // namespace renaksi
