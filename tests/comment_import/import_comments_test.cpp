// renaksi import-comments on the co-creation fixture: a survey's export with the columns found by
// name (Google Forms' Indonesian headers, a BOM, CRLF, a comment over two lines), the commitment
// named by number, title, id or the subject renaksi's links prefill; stable ids that continue
// after the recorded ones; personal data never stored; an import twice adds nothing; a row with an
// error is reported at its line and nothing is written; the new file loads and checks.
#include "comment_import/import_comments.h"

#include <gtest/gtest.h>

#include <fstream>

#include "check/cocreation_checks.h"
#include "load/cocreation_loader.h"
#include "load/loader.h"
#include "support/command.h"
#include "support/paths.h"

namespace renaksi::comment_import {
namespace {

namespace fs = std::filesystem;

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.str() + "\n";
  return s;
}

class ImportComments : public ::testing::Test {
 protected:
  ImportComments() : dir_("import-comments") {
    plan_ = dir_.path() / "plan";
    fs::copy(testing::fixtures_dir() / "cocreation" / "plan", plan_, fs::copy_options::recursive);
  }
  fs::path csv(const std::string& text) {
    const fs::path p = dir_.path() / "export.csv";
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
    return p;
  }
  bool run(const ImportRequest& r, Diagnostics& d, ImportOutcome& out) {
    Diagnostics load;
    loaded_ = load_plan(plan_, load);
    return import_comments(loaded_.plan, plan_, r, Env::from_environment(), d, out);
  }
  // Writes the outcome and reloads the plan with its record.
  Plan write_and_reload(const ImportOutcome& out, Diagnostics& d) {
    std::ofstream(consultation_file(plan_), std::ios::binary | std::ios::trunc) << out.xml;
    return load_plan(plan_, d).plan;
  }
  testing::TempDir dir_;
  fs::path plan_;
  LoadResult loaded_;
};

const char* kGoogleForms =
    "\xEF\xBB\xBF" "Stempel waktu,Alamat email,Nama,Organisasi,Komitmen,Komentar\r\n"
    "16/10/2018 10:11:12,a@example.org,Ani,Lembaga A,2,\"Perjelas target,\r\nterutama tahun kedua.\"\r\n"
    "17/10/2018 08:00:00,b@example.org,Budi,,[fixture-plan] Komitmen 1: Komitmen pertama,Tambahkan anggaran.\r\n"
    "18/10/2018 09:00:00,,,Lembaga C,First commitment,Sudah baik.\r\n"
    "18/10/2018 09:30:00,,,,,Rencana ini penting.\r\n";

TEST_F(ImportComments, AGoogleFormsExportAddsCommentsWithStableIds) {
  ImportRequest r;
  r.csv = csv(kGoogleForms);
  Diagnostics d;
  ImportOutcome out;
  ASSERT_TRUE(run(r, d, out)) << all(d);
  EXPECT_FALSE(d.has_errors()) << all(d);
  // Commitment 1 has C1-01 and C1-02 already: its new ones continue; G-01 likewise.
  EXPECT_EQ(out.added, (std::vector<std::string>{"C2-02", "C1-03", "C1-04", "G-02"}));
  // The email column is never stored, and names are kept only with --names.
  EXPECT_EQ(out.xml.find("a@example.org"), std::string::npos);
  EXPECT_EQ(out.xml.find("Ani"), std::string::npos);
  ASSERT_FALSE(out.notes.empty());
  EXPECT_NE(out.notes.front().find("\"Alamat email\""), std::string::npos);
  // The rest of the file is as it was, byte for byte; the new comments before its end tag.
  const std::string before = testing::file_bytes(consultation_file(plan_));
  EXPECT_EQ(out.xml.substr(0, before.rfind("</consultation>")), before.substr(0, before.rfind("</consultation>")));
  Diagnostics reload;
  const Plan plan = write_and_reload(out, reload);
  ASSERT_FALSE(reload.has_errors()) << all(reload);
  const auto& comments = plan.record.consultation.comments;
  ASSERT_EQ(comments.size(), 8u);
  const ConsultationComment& c = comments[4];
  EXPECT_EQ(c.id, "C2-02");
  EXPECT_EQ(c.commitment, "second");
  EXPECT_EQ(c.received.text, "2018-10-16");
  EXPECT_EQ(c.from.texts.at(0).value, "Lembaga A");
  EXPECT_EQ(c.heard.in("id"), "Perjelas target, terutama tahun kedua.");
  EXPECT_FALSE(c.response.present());
  EXPECT_EQ(comments[5].commitment, "first");  // by the subject renaksi's link prefilled
  EXPECT_EQ(comments[6].commitment, "first");  // by its title in English
  EXPECT_TRUE(comments[7].commitment.empty());  // no commitment: the plan as a whole
  Diagnostics checked;
  check_cocreation(plan, checked);
  EXPECT_EQ(checked.error_count(), 0u) << all(checked);
}

TEST_F(ImportComments, ImportingTheSameExportAgainAddsNothing) {
  ImportRequest r;
  r.csv = csv(kGoogleForms);
  Diagnostics d;
  ImportOutcome first;
  ASSERT_TRUE(run(r, d, first));
  Diagnostics reload;
  write_and_reload(first, reload);
  ImportOutcome again;
  Diagnostics d2;
  ASSERT_TRUE(run(r, d2, again)) << all(d2);
  EXPECT_TRUE(again.added.empty());
  EXPECT_EQ(again.already, 4);
  EXPECT_EQ(again.xml, first.xml);
}

TEST_F(ImportComments, NamesAreKeptOnlyWhenAskedAndColumnsCanBeNamed) {
  ImportRequest r;
  r.csv = csv("When,Topic,What you think,Who\n2018-10-16,2,Good.,Ani\n");
  r.columns = {{"received", "When"}, {"commitment", "Topic"}, {"comment", "What you think"}, {"name", "Who"}};
  r.names = true;
  Diagnostics d;
  ImportOutcome out;
  ASSERT_TRUE(run(r, d, out)) << all(d);
  EXPECT_NE(out.xml.find("<from>\n      <text>Ani</text>"), std::string::npos) << out.xml;
}

TEST_F(ImportComments, EveryBadRowIsReportedAtItsLineAndNothingIsAdded) {
  ImportRequest r;
  r.csv = csv("Timestamp,Commitment,Comment,Sector\n"
              "2018-10-16,9,On a commitment the plan lacks.,cso\n"
              "2018-13-40,1,A date that is none.,cso\n"
              "2018-10-17,1,,cso\n"
              "2018-10-18,1,Fine.,astronauts\n"
              "2018-10-19,2,Also fine.,astronauts\n");
  Diagnostics d;
  ImportOutcome out;
  run(r, d, out);
  const std::string s = all(d);
  EXPECT_NE(s.find("export.csv:2:1: error[I014]: the plan has no commitment \"9\""), std::string::npos) << s;
  EXPECT_NE(s.find("export.csv:3:1: error[I015]: the date \"2018-13-40\" cannot be read"), std::string::npos) << s;
  EXPECT_NE(s.find("export.csv:4:1: warning[I013]: the row has no comment"), std::string::npos) << s;
  // Reported once, at its first row, with how many rows give it; those rows are added without it.
  EXPECT_NE(s.find("export.csv:5:1: warning[I016]: the sector \"astronauts\" (2 rows, the first here)"), std::string::npos) << s;
  EXPECT_EQ(out.added, (std::vector<std::string>{"C1-03", "C2-02"}));
  EXPECT_EQ(out.skipped, 3);
}

TEST_F(ImportComments, AmbiguousDatesNeedTheirOrder) {
  ImportRequest r;
  r.csv = csv("Timestamp,Comment\n3/4/2018,A.\n5/6/2018,B.\n");
  Diagnostics d;
  ImportOutcome out;
  EXPECT_FALSE(run(r, d, out));
  EXPECT_NE(all(d).find("give --date-order dmy or mdy"), std::string::npos) << all(d);
  r.date_order = "mdy";
  Diagnostics d2;
  ImportOutcome out2;
  ASSERT_TRUE(run(r, d2, out2)) << all(d2);
  EXPECT_NE(out2.xml.find("received=\"2018-03-04\""), std::string::npos);
  // A day over 12 settles the order for the whole column.
  r.date_order.clear();
  r.csv = csv("Timestamp,Comment\n3/4/2018,A.\n25/6/2018,B.\n");
  Diagnostics d3;
  ImportOutcome out3;
  ASSERT_TRUE(run(r, d3, out3)) << all(d3);
  EXPECT_NE(out3.xml.find("received=\"2018-04-03\""), std::string::npos);
}

TEST_F(ImportComments, WithoutACommentColumnOrAConsultationNothingIsImported) {
  ImportRequest r;
  r.csv = csv("Timestamp,Answer\n2018-10-16,x\n");
  Diagnostics d;
  ImportOutcome out;
  EXPECT_FALSE(run(r, d, out));
  EXPECT_NE(all(d).find("error[I013]: no column holds the comments"), std::string::npos) << all(d);
  fs::remove(consultation_file(plan_));
  r.csv = csv(kGoogleForms);
  Diagnostics d2;
  ImportOutcome out2;
  EXPECT_FALSE(run(r, d2, out2));
  EXPECT_NE(all(d2).find("error[I017]: the plan declares no public consultation"), std::string::npos) << all(d2);
}

TEST_F(ImportComments, HostileTextIsKeptAsTextAndTheCommandWritesTheFile) {
  const fs::path file = csv("Timestamp,Commitment,Comment\n2018-10-16,1,\"<script>alert(1)</script> & ]]> \"\"quoted\"\"\"\n");
  const std::string before = testing::file_bytes(consultation_file(plan_));
  const auto r = testing::run_shell(testing::shell_quote(testing::binary()) + " import-comments " + testing::shell_quote(file.string()) +
                                    " --plan " + testing::shell_quote(plan_.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 comment added (C1-03)"), std::string::npos) << r.err;
  const std::string after = testing::file_bytes(consultation_file(plan_));
  EXPECT_NE(after.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; \"quoted\""), std::string::npos) << after;
  Diagnostics d;
  const Plan plan = load_plan(plan_, d).plan;
  ASSERT_FALSE(d.has_errors()) << all(d);
  EXPECT_EQ(plan.record.consultation.comments.back().heard.in("id"), "<script>alert(1)</script> & ]]> \"quoted\"");
  // A CSV that is not one: exit 1, the file untouched.
  const fs::path bad = csv("Timestamp,Comment\n2018-10-16,\"open\n");
  const auto r2 = testing::run_shell(testing::shell_quote(testing::binary()) + " import-comments " + testing::shell_quote(bad.string()) +
                                     " --plan " + testing::shell_quote(plan_.string()));
  EXPECT_EQ(r2.exit_code, 1);
  EXPECT_NE(r2.err.find("error[I012]"), std::string::npos) << r2.err;
  EXPECT_EQ(testing::file_bytes(consultation_file(plan_)), after);
  EXPECT_NE(before, after);
}

}  // namespace
}  // namespace renaksi::comment_import
