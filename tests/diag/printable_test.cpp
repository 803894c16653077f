// One diagnostic is always one line: hostile file names and messages are shown escaped.
#include <gtest/gtest.h>

#include "diag/diagnostic.h"

namespace renaksi {
namespace {

TEST(Printable, KeepsOrdinaryTextAndNonAsciiLetters) {
  EXPECT_EQ(printable("commitments/03.xml"), "commitments/03.xml");
  EXPECT_EQ(printable("Rencana Aksi Nasional – Keterbukaan “terbuka” ✓ 😀"),
            "Rencana Aksi Nasional – Keterbukaan “terbuka” ✓ 😀");
}

TEST(Printable, EscapesControlsSeparatorsBidiAndInvalidBytes) {
  EXPECT_EQ(printable("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(printable("\x1b[31mred\x1b[0m"), "\\x1b[31mred\\x1b[0m");
  EXPECT_EQ(printable(std::string("nul\0x", 5)), "nul\\x00x");
  EXPECT_EQ(printable("del\x7f"), "del\\x7f");
  EXPECT_EQ(printable("c1\xC2\x85" "csi\xC2\x9B"), "c1\\u0085csi\\u009b");
  EXPECT_EQ(printable("ls\xE2\x80\xA8ps\xE2\x80\xA9"), "ls\\u2028ps\\u2029");
  EXPECT_EQ(printable("rlo\xE2\x80\xAEtxt.exe"), "rlo\\u202etxt.exe");
  EXPECT_EQ(printable("latin1 \xE9t\xE9"), "latin1 \\xe9t\\xe9");
  EXPECT_EQ(printable("overlong \xC0\xAF, surrogate \xED\xA0\x80, cut \xE2\x82"),
            "overlong \\xc0\\xaf, surrogate \\xed\\xa0\\x80, cut \\xe2\\x82");
}

TEST(Printable, ADiagnosticWithAHostileNameAndMessageIsOneLine) {
  Diagnostic d{Severity::Error, Code::L001, {"plan/commitments/x.xml: error[L001]: forged\n\x1b[2Jy.xml", 3, 4},
               "bad\nplan/z.xml:1:1: error[C001]: forged too \xE9"};
  EXPECT_EQ(d.str(),
            "plan/commitments/x.xml: error[L001]: forged\\n\\x1b[2Jy.xml:3:4: error[L001]: bad\\nplan/z.xml:1:1: "
            "error[C001]: forged too \\xe9");
  EXPECT_EQ(d.str().find('\n'), std::string::npos);
}

}  // namespace
}  // namespace renaksi
