// Slugs: the transliteration rule, trimming, and the commitment slugs of the real plans.
#include "emit/html/slug.h"

#include <gtest/gtest.h>

#include <set>

#include "load/loader.h"
#include "support/paths.h"

namespace renaksi::html {
namespace {

TEST(Slug, TransliteratesToLowercaseAsciiWords) {
  Slugger s;
  EXPECT_EQ(s.slug("Quality Improvement of Public Service Complaints Resolution through LAPOR!-SP4N"),
            "quality-improvement-of-public-service-complaints-resolution");
  EXPECT_EQ(s.slug("Peningkatan Kualitas LAPOR!-SP4N"), "peningkatan-kualitas-lapor-sp4n");
  EXPECT_EQ(s.slug("Café Ñandú – Œuvre"), "cafe-nandu-oeuvre");
  EXPECT_EQ(s.slug("Открытое правительство"), "otkrytoe-pravitel-stvo");
  EXPECT_EQ(s.slug("  --Already-a-slug--  "), "already-a-slug");
  EXPECT_EQ(s.slug("!!! ???"), "");
  EXPECT_EQ(s.slug("lapor-sp4n-quality"), "lapor-sp4n-quality");  // a content id is its own slug
}

TEST(Slug, CutsAtAWordBoundary) {
  Slugger s;
  EXPECT_EQ(s.slug("alpha beta gamma delta", 12), "alpha-beta");
  EXPECT_EQ(s.slug("abcdefghijklmnop", 5), "abcde");
  EXPECT_LE(s.slug(std::string(200, 'a') + " b").size(), 64u);
}

TEST(Slug, CommitmentSlugIsNumberThenId) {
  Slugger s;
  EXPECT_EQ(commitment_slug(s, 10, "lapor-sp4n-quality"), "10-lapor-sp4n-quality");
  EXPECT_EQ(commitment_slug(s, 3, ""), "3");
}

TEST(Slug, MakeUniqueSuffixesLaterDuplicatesOnly) {
  std::vector<std::string> v = {"a", "b", "a", "a", "a-2"};
  make_unique(v);
  EXPECT_EQ(v, (std::vector<std::string>{"a", "b", "a-2", "a-3", "a-2-2"}));
}

// The page slugs of the real plans: unique, stable (the same from two loads) and exactly these
// for the default plan, whose URLs are published.
TEST(Slug, RealPlansHaveStableUniqueCommitmentSlugs) {
  Slugger s;
  for (const char* plan : {"nap-2018-2020", "nap-2020-2022"}) {
    Diagnostics d1, d2;
    auto a = load_plan(testing::content_dir() / plan, d1);
    auto b = load_plan(testing::content_dir() / plan, d2);
    std::set<std::string> seen;
    ASSERT_EQ(a.plan.commitments.size(), b.plan.commitments.size());
    for (size_t i = 0; i < a.plan.commitments.size(); ++i) {
      const auto& c = a.plan.commitments[i];
      std::string slug = commitment_slug(s, c.number, c.id);
      EXPECT_EQ(slug, commitment_slug(s, b.plan.commitments[i].number, b.plan.commitments[i].id));
      EXPECT_TRUE(seen.insert(slug).second) << slug;
    }
  }
  Diagnostics d;
  auto p = load_plan(testing::content_dir() / "nap-2018-2020", d);
  std::vector<std::string> slugs;
  for (const auto& c : p.plan.commitments) slugs.push_back(commitment_slug(s, c.number, c.id));
  EXPECT_EQ(slugs, (std::vector<std::string>{
                       "1-extractive-forestry-plantation-data", "2-pbi-jkn-data", "3-budget-data-disclosure",
                       "4-participatory-education-budget", "5-participatory-village-planning", "6-e-legislation-portal",
                       "7-election-data-integration", "8-health-services-data", "9-public-consultation-forum",
                       "10-lapor-sp4n-quality", "11-environment-complaints", "12-procurement-transparency",
                       "13-one-data-information-disclosure", "14-legal-aid"}));
}

}  // namespace
}  // namespace renaksi::html
