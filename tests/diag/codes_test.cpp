// Tests of the diagnostic catalogue and the printed form of a diagnostic.
#include "diag/codes.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "diag/diagnostic.h"

namespace renaksi {
namespace {

TEST(Codes, CatalogueIsInEnumOrderWithUniqueWellFormedIds) {
  std::set<std::string_view> ids;
  size_t i = 0;
  for (const auto& info : code_catalogue()) {
    EXPECT_EQ(static_cast<size_t>(info.code), i++);
    EXPECT_TRUE(std::regex_match(std::string(info.id), std::regex("[LCV][0-9]{3}"))) << info.id;
    EXPECT_TRUE(ids.insert(info.id).second) << "duplicate " << info.id;
    EXPECT_FALSE(info.summary.empty()) << info.id;
    EXPECT_EQ(code_id(info.code), info.id);
  }
}

TEST(DiagnosticTest, PrintsFileLineColSeverityCodeMessage) {
  Diagnostic d{Severity::Error, Code::C003, {"content/p/commitments/03.xml", 12, 5}, "milestone ends late"};
  EXPECT_EQ(d.str(), "content/p/commitments/03.xml:12:5: error[C003]: milestone ends late");
  Diagnostic w{Severity::Warning, Code::C012, {"plan.xml", 7, 0}, "no English"};
  EXPECT_EQ(w.str(), "plan.xml:7: warning[C012]: no English");
  Diagnostic f{Severity::Error, Code::L001, {"organisations.xml", 0, 0}, "cannot read"};
  EXPECT_EQ(f.str(), "organisations.xml: error[L001]: cannot read");
}

TEST(DiagnosticsTest, CountsAndSortsByRegisteredFileThenLine) {
  Diagnostics diags;
  diags.register_file("plan.xml");
  diags.register_file("b.xml");
  diags.error(Code::C001, {"b.xml", 9, 1}, "x");
  diags.warning(Code::C012, {"b.xml", 3, 1}, "y");
  diags.error(Code::C002, {"plan.xml", 20, 1}, "z");
  diags.error(Code::C002, {"other.xml", 1, 1}, "w");
  EXPECT_EQ(diags.error_count(), 3u);
  EXPECT_EQ(diags.warning_count(), 1u);
  diags.sort();
  ASSERT_EQ(diags.all().size(), 4u);
  EXPECT_EQ(diags.all()[0].loc.file, "plan.xml");
  EXPECT_EQ(diags.all()[1].loc.line, 3);
  EXPECT_EQ(diags.all()[2].loc.line, 9);
  EXPECT_EQ(diags.all()[3].loc.file, "other.xml");
}

}  // namespace
}  // namespace renaksi
