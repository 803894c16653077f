// Diagnostics written as JSON read back exactly; anything else does not read.
#include <gtest/gtest.h>

#include "diag/diagnostic_json.h"

namespace renaksi {
namespace {

using nlohmann::json;

TEST(DiagnosticJson, EveryDiagnosticReadsBackExactly) {
  const std::vector<Diagnostic> all = {
      {Severity::Warning, Code::C012, {"content/plan/commitments/01.xml", 65, 3}, "commitment 1 causes has no text in 'en'"},
      {Severity::Error, Code::X001, {"dist", 0, 0}, "cannot write: \xE2\x80\xAE \"quoted\"\n second line"},
      {Severity::Warning, Code::H004, {}, ""},
  };
  const json j = json::parse(diagnostics_json(all).dump());
  const std::optional<std::vector<Diagnostic>> back = diagnostics_of(j);
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ((*back)[i].str(), all[i].str());
    EXPECT_EQ((*back)[i].severity, all[i].severity);
    EXPECT_EQ((*back)[i].message, all[i].message);
    EXPECT_EQ((*back)[i].loc.line, all[i].loc.line);
  }
  EXPECT_EQ(diagnostics_of(json::array())->size(), 0u);
}

TEST(DiagnosticJson, AnythingElseDoesNotRead) {
  const json good = diagnostic_json({Severity::Warning, Code::C012, {"a.xml", 1, 2}, "m"});
  ASSERT_TRUE(diagnostic_of(good).has_value());
  json unknown = good;
  unknown["code"] = "Z999";
  json number = good;
  number["code"] = 12;
  json severity = good;
  severity["error"] = "yes";
  json message = good;
  message["message"] = json::array();
  for (const json& bad : {unknown, number, severity, message, json(), json("C012"), json::array()})
    EXPECT_FALSE(diagnostic_of(bad).has_value()) << bad.dump();
  EXPECT_FALSE(diagnostics_of(json::object()).has_value());
  EXPECT_FALSE(diagnostics_of(json::array({good, unknown})).has_value()) << "one that does not read fails them all";
  // A place that does not read is no place, not a failure.
  json place = good;
  place["loc"] = "a.xml:1:2";
  ASSERT_TRUE(diagnostic_of(place).has_value());
  EXPECT_EQ(diagnostic_of(place)->loc.file, "");
}

}  // namespace
}  // namespace renaksi
