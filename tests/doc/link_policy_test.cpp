// The one whitelist of link schemes: what it keeps, what it drops, and how it names them.
#include "doc/link_policy.h"

#include <gtest/gtest.h>

namespace renaksi {
namespace {

TEST(LinkPolicy, KeepsWebAndMailInAnyCase) {
  EXPECT_TRUE(prose::allowed_link("https://x"));
  EXPECT_TRUE(prose::allowed_link("http://example.org/a?b#c"));
  EXPECT_TRUE(prose::allowed_link("HTTP://x"));
  EXPECT_TRUE(prose::allowed_link("HtTpS://x"));
  EXPECT_TRUE(prose::allowed_link("mailto:a@b"));
  EXPECT_TRUE(prose::allowed_link("MAILTO:a@b"));
  EXPECT_TRUE(prose::allowed_link("mailto:"));  // the prefix alone is the scheme
}

TEST(LinkPolicy, DropsEveryOtherScheme) {
  EXPECT_FALSE(prose::allowed_link("javascript:x"));
  EXPECT_FALSE(prose::allowed_link(" javascript:x"));
  EXPECT_FALSE(prose::allowed_link(" https://x"));  // no trimming: a leading space is not a scheme
  EXPECT_FALSE(prose::allowed_link("file:///etc/passwd"));
  EXPECT_FALSE(prose::allowed_link("data:text/html,<script>"));
  EXPECT_FALSE(prose::allowed_link("ftp://x"));
  EXPECT_FALSE(prose::allowed_link("/relative"));
  EXPECT_FALSE(prose::allowed_link("#anchor"));
  EXPECT_FALSE(prose::allowed_link(""));
  EXPECT_FALSE(prose::allowed_link("http:"));     // shorter than its prefix
  EXPECT_FALSE(prose::allowed_link("http:/x"));
  EXPECT_FALSE(prose::allowed_link("httpx://x"));
  EXPECT_FALSE(prose::allowed_link("mailto"));
}

TEST(LinkPolicy, NamesTheKeptSchemesForMessages) {
  EXPECT_EQ(prose::kept_link_schemes(), "http, https and mailto");
}

}  // namespace
}  // namespace renaksi
