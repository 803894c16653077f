// Tests of reading Pandoc's JSON: depth bounded while parsing, every field checked, no exception
// and no recursion past the bounds, whatever the JSON.
#include "prose/from_pandoc.h"

#include <gtest/gtest.h>

#include "env/limits.h"

namespace renaksi::prose {
namespace {

using nlohmann::json;

const Unsupported ignore = [](const std::string&, const std::string&, bool) {};

TEST(ParsePandocJson, NothingDeeperThanTheBoundIsBuilt) {
  // 200,000 levels: nlohmann's parser is iterative; the callback leaves out what is too deep.
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  ParsedJson parsed;
  ASSERT_TRUE(parse_pandoc_json(deep, parsed));
  EXPECT_EQ(parsed.too_deep, 1);
  int depth = 0;
  for (const json* v = &parsed.value; v->is_array() && !v->empty(); v = &(*v)[0]) ++depth;
  EXPECT_EQ(depth, limits::kMaxPandocJsonDepth - 1);
}

TEST(ParsePandocJson, TheTooDeepPartIsTracedToItsTopLevelBlock) {
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "{\"c\":[";
  for (int i = 0; i < 1000; ++i) deep += "]}";
  const std::string doc = "{\"meta\":{},\"blocks\":[1,\"x\",[[]]," + deep + ",{}]}";
  ParsedJson parsed;
  std::vector<long> blocks;
  ASSERT_TRUE(parse_pandoc_json(doc, parsed, [&](long b) { blocks.push_back(b); }));
  EXPECT_EQ(blocks, std::vector<long>{3});
  EXPECT_EQ(parsed.value["blocks"].size(), 5u);
  // In the metadata: no block to name.
  blocks.clear();
  ASSERT_TRUE(parse_pandoc_json("{\"meta\":" + deep + ",\"blocks\":[]}", parsed, [&](long b) { blocks.push_back(b); }));
  EXPECT_EQ(blocks, std::vector<long>{-1});
}

TEST(ParsePandocJson, EachBlockIsHandedOverAsItIsReadAndWhatIsTakenIsLeftOut) {
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "[";
  for (int i = 0; i < 1000; ++i) deep += "]";
  const std::string doc = "{\"pandoc-api-version\":[1,22,1],\"meta\":{\"blocks\":[9]},\"blocks\":[{\"t\":\"Para\",\"c\":[]},7,\"s\",[" +
                          deep + "],{\"t\":\"Div\",\"c\":[[\"f1\",[],[]],[{\"t\":\"Null\"}]]}]}";
  ParsedJson parsed;
  std::vector<std::string> seen;  // each block as handed over, with what was known then
  std::vector<long> deep_at;
  ASSERT_TRUE(parse_pandoc_json(
      doc, parsed, [&](long b) { deep_at.push_back(b); },
      [&](long b, json& block) {
        seen.push_back(std::to_string(b) + " " + block.dump() + " api=" + parsed.api.dump() +
                       " deep=" + std::to_string(deep_at.size()));
        if (b == 2) return false;  // kept in the value
        block = json();            // taken: a caller moves it out
        return true;
      }));
  ASSERT_EQ(seen.size(), 5u);
  // In order, with their indices; the version is known from the first (Pandoc writes it first);
  // a too-deep part is reported before its block; the metadata's "blocks" is not the blocks.
  EXPECT_EQ(seen[0], "0 {\"c\":[],\"t\":\"Para\"} api=[1,22,1] deep=0");
  EXPECT_EQ(seen[1], "1 7 api=[1,22,1] deep=0");
  EXPECT_EQ(seen[2], "2 \"s\" api=[1,22,1] deep=0");
  EXPECT_EQ(seen[3].substr(0, 2), "3 ");
  EXPECT_EQ(seen[3].substr(seen[3].size() - 6), "deep=1");
  EXPECT_EQ(deep_at, std::vector<long>{3});
  EXPECT_EQ(seen[4], "4 {\"c\":[[\"f1\",[],[]],[{\"t\":\"Null\"}]],\"t\":\"Div\"} api=[1,22,1] deep=1");
  // Only the block not taken is left; the rest of the document is whole.
  EXPECT_EQ(parsed.value["blocks"], json::parse("[\"s\"]"));
  EXPECT_EQ(parsed.value["meta"], json::parse("{\"blocks\":[9]}"));
  EXPECT_EQ(parsed.value["pandoc-api-version"], parsed.api);

  // The version after the blocks is not known while they are read; "blocks" that is not an
  // array hands nothing over.
  seen.clear();
  ASSERT_TRUE(parse_pandoc_json("{\"blocks\":[1],\"pandoc-api-version\":[1,23]}", parsed, {}, [&](long b, json& block) {
    seen.push_back(std::to_string(b) + " " + block.dump() + " api=" + parsed.api.dump());
    return true;
  }));
  EXPECT_EQ(seen, std::vector<std::string>{"0 1 api=null"});
  EXPECT_EQ(parsed.api, json::parse("[1,23]"));
  seen.clear();
  ASSERT_TRUE(parse_pandoc_json("{\"blocks\":{\"a\":{\"t\":\"Para\"}}}", parsed, {}, [&](long b, json&) {
    seen.push_back(std::to_string(b));
    return true;
  }));
  EXPECT_TRUE(seen.empty());
  EXPECT_TRUE(parsed.value["blocks"].is_object());
  // Text that stops half-way has handed over what came before it, and is still an error.
  seen.clear();
  EXPECT_FALSE(parse_pandoc_json("{\"blocks\":[1,2,{\"t\"", parsed, {}, [&](long b, json&) {
    seen.push_back(std::to_string(b));
    return true;
  }));
  EXPECT_EQ(seen, (std::vector<std::string>{"0", "1"}));
  EXPECT_TRUE(parsed.api.is_null());
}

TEST(ParsePandocJson, TextThatIsNotJsonIsAnErrorNotAnException) {
  ParsedJson parsed;
  EXPECT_FALSE(parse_pandoc_json("{\"blocks\":[", parsed));
  EXPECT_FALSE(parsed.error.empty());
  EXPECT_FALSE(parse_pandoc_json("", parsed));
  EXPECT_FALSE(parse_pandoc_json(std::string(100000, '['), parsed));
}

TEST(NlohmannJson, ADeepValueIsDestroyedWithoutRecursion) {
  // nlohmann-json 3.11.2 (Debian 12) flattens a value's children onto a stack before destroying
  // them; this holds under ASan's smaller stack too. renaksi never builds such a value from
  // input (parse_pandoc_json bounds it), but a value it makes must not crash when it goes.
  json deep = json::array();
  json* inner = &deep;
  for (int i = 0; i < 200000; ++i) {
    inner->push_back(json::array());
    inner = &inner->back();
  }
  deep = nullptr;
  EXPECT_TRUE(deep.is_null());  // and the process is still here
}

TEST(FromPandoc, NestingPastTheBoundIsTooDeepNotACrash) {
  json blocks = json::array({{{"t", "Para"}, {"c", json::array({{{"t", "Str"}, {"c", "x"}}})}}});
  for (int i = 0; i < 100; ++i) blocks = json::array({{{"t", "BlockQuote"}, {"c", blocks}}});
  std::vector<std::string> warnings;
  FromPandoc r = from_pandoc(blocks, [&](const std::string& what, const std::string&, bool) { warnings.push_back(what); });
  EXPECT_EQ(r.status, FromPandoc::Status::TooDeep);
  EXPECT_TRUE(r.blocks.empty());
  // Inlines count too: emphasis inside emphasis.
  json inl = json::array({{{"t", "Str"}, {"c", "x"}}});
  for (int i = 0; i < 100; ++i) inl = json::array({{{"t", "Emph"}, {"c", inl}}});
  EXPECT_EQ(from_pandoc(json::array({{{"t", "Para"}, {"c", inl}}}), ignore).status, FromPandoc::Status::TooDeep);
}

TEST(FromPandoc, AsDeepAsTheBoundIsRead) {
  // kMaxProseDepth levels in all: BlockQuotes, then the paragraph, then the text.
  json blocks = json::array({{{"t", "Para"}, {"c", json::array({{{"t", "Str"}, {"c", "x"}}})}}});
  for (int i = 0; i < limits::kMaxProseDepth - 2; ++i) blocks = json::array({{{"t", "BlockQuote"}, {"c", blocks}}});
  FromPandoc r = from_pandoc(blocks, ignore);
  EXPECT_EQ(r.status, FromPandoc::Status::Ok) << r.message;
  EXPECT_EQ(plain_text(r.blocks), "x");
}

TEST(FromPandoc, AWrongShapeNamesWhatIsWrongAndWarnsAboutNothing) {
  std::vector<std::string> warnings;
  const Unsupported collect = [&](const std::string& what, const std::string&, bool) { warnings.push_back(what); };
  // An Image (a warning) before the bad node: the refused tree warns about nothing.
  const json blocks = json::parse(
      R"([{"t":"Para","c":[{"t":"Image","c":[["",[],[]],[{"t":"Str","c":"alt"}],["u",""]]}]},{"t":"Header","c":["1",["",[],[]],[]]}])");
  FromPandoc r = from_pandoc(blocks, collect);
  EXPECT_EQ(r.status, FromPandoc::Status::BadShape);
  EXPECT_NE(r.message.find("level"), std::string::npos) << r.message;
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(from_pandoc(json::object(), ignore).status, FromPandoc::Status::BadShape);
  EXPECT_EQ(from_pandoc(json(5), ignore).status, FromPandoc::Status::BadShape);
  EXPECT_EQ(from_pandoc(json::parse(R"([{"t":"Div"}])"), ignore).status, FromPandoc::Status::BadShape);
}

}  // namespace
}  // namespace renaksi::prose
