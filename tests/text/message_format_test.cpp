// ICU MessageFormat with named arguments: each call formats its own arguments in its own
// language, however often a pattern comes back and from whichever thread.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/message_format.h"

namespace renaksi {
namespace {

std::string text(const std::string& pattern, const std::string& lang, const std::vector<MessageArg>& args) {
  const FormattedMessage m = format_message(pattern, lang, args);
  EXPECT_EQ(m.status, FormattedMessage::Status::Ok) << pattern << ": " << m.icu_error;
  return m.text;
}

const std::string kPlural = "{n, plural, one {# commitment} other {# commitments}} in {plan}";

TEST(MessageFormat, APatternUsedAgainFormatsEachCallsArguments) {
  EXPECT_EQ(text(kPlural, "en", {{"n", 1LL}, {"plan", "NAP 5"}}), "1 commitment in NAP 5");
  EXPECT_EQ(text(kPlural, "en", {{"n", 14LL}, {"plan", "NAP 6"}}), "14 commitments in NAP 6");
  EXPECT_EQ(text(kPlural, "en", {{"n", 1LL}, {"plan", "NAP 7"}}), "1 commitment in NAP 7");
  // The same pattern in another language: that language's plural rules and digits.
  const std::string number = "{x, number}";
  EXPECT_EQ(text(number, "en", {{"x", 1234.5}}), "1,234.5");
  EXPECT_EQ(text(number, "id", {{"x", 1234.5}}), "1.234,5");
  EXPECT_EQ(text(number, "en", {{"x", 1234.5}}), "1,234.5");
}

TEST(MessageFormat, APatternThatDoesNotParseSaysSoEveryTime) {
  for (int i = 0; i < 3; ++i) {
    const FormattedMessage m = format_message("{n, plural, one {x}", "en", {{"n", 1LL}});
    EXPECT_EQ(m.status, FormattedMessage::Status::DoesNotParse);
    EXPECT_FALSE(m.icu_error.empty());
  }
  // An unknown language falls back to the root locale.
  EXPECT_EQ(text("{n, number}", "zz-not-a-tag!", {{"n", 3LL}}), "3");
}

TEST(MessageFormat, ThreadsFormatTheSamePatternsAtOnce) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &wrong] {
      for (long long n = 0; n < 500; ++n) {
        const std::string plan = "P" + std::to_string(t);
        const FormattedMessage m = format_message(kPlural, t % 2 ? "id" : "en", {{"n", n}, {"plan", plan}});
        const std::string want = t % 2 ? std::to_string(n) + " commitments in " + plan
                                       : std::to_string(n) + (n == 1 ? " commitment in " : " commitments in ") + plan;
        if (m.status != FormattedMessage::Status::Ok || m.text != want) ++wrong[static_cast<size_t>(t)];
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

// More distinct patterns than are kept: the kept ones are let go, every result still right.
TEST(MessageFormat, EndlesslyManyPatternsStillFormatRight) {
  for (int i = 0; i < 10000; ++i) {
    const std::string pattern = "p" + std::to_string(i) + " {n, number}";
    ASSERT_EQ(text(pattern, "en", {{"n", static_cast<long long>(i)}}),
              "p" + std::to_string(i) + " " + (i >= 1000 ? std::to_string(i / 1000) + "," + std::to_string(i % 1000 + 1000).substr(1) : std::to_string(i)));
  }
  EXPECT_EQ(text(kPlural, "en", {{"n", 2LL}, {"plan", "A"}}), "2 commitments in A");
}

}  // namespace
}  // namespace renaksi
