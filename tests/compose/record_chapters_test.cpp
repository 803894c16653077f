// The co-creation record in every output, from the co-creation fixture (tests/fixtures/cocreation/
// plan: Draft 4, five proposals with each kind of decision, a consultation with four comments):
// the Proposals chapter (counts by sector and decision, each proposal with its decision and
// reason), the Consultation chapter (what we heard / our response under stable ids, per
// commitment), the commitment chapter's invitation with a prefilled subject; then as readers get
// them: the PDF's text, the commitment page's comment box, the plan's appendix pages.
#include <gtest/gtest.h>

#include <fstream>

#include "doc/link_policy.h"
#include "emit/html/site.h"
#include "emit/html/urls.h"
#include "support/build.h"
#include "support/command.h"
#include "support/paths.h"
#include "support/text.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;

fs::path fixture() { return testing::fixtures_dir() / "cocreation" / "plan"; }

class Record : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { plan_ = std::make_unique<BuildState>(testing::plan_through(fixture(), "pages")); }
  static void TearDownTestSuite() { plan_.reset(); }

  static const doc::Document& edition(const std::string& name) {
    for (const auto& d : plan_->documents)
      if (d.edition == name) return d;
    throw std::runtime_error("no edition " + name);
  }
  static const doc::Block* block(const doc::Chapter& ch, const std::string& anchor) {
    for (const auto& b : ch.blocks)
      if (b.anchor == anchor) return &b;
    return nullptr;
  }
  static std::string field(const doc::FieldList& f, const std::string& label) {
    for (const auto& r : f.rows)
      if (r.label == label) return prose::plain_text(r.value);
    return "(no field " + label + ")";
  }
  static const doc::FieldList& fields(const doc::Chapter& ch, const std::string& anchor, size_t part = 0) {
    const doc::Block* b = block(ch, anchor);
    if (!b) throw std::runtime_error("no block " + anchor);
    return std::get<doc::Fields>(b->content).parts.at(part).value;
  }
  static std::string page(const std::string& path) {
    const std::string* p = plan_->outputs.find("site/" + path);
    return p ? *p : std::string();
  }
  static std::string slug() { return html::plan_slug("fixture-plan"); }
  static inline std::unique_ptr<BuildState> plan_;
};

TEST_F(Record, BuildsWithOnlyTheDraftsWarnings) {
  std::string all;
  for (const auto& d : plan_->diags.all()) all += d.str() + "\n";
  EXPECT_FALSE(plan_->diags.has_errors()) << all;
  // G-01's response has no Indonesian text: a warning at Draft 4, an error at Final.
  EXPECT_NE(all.find("warning[C203]"), std::string::npos) << all;
}

TEST_F(Record, TheProposalsChapterCountsBySectorAndDecision) {
  const doc::Document& en = edition("en");
  const doc::Chapter* ch = en.chapter(doc::Chapter::Kind::Proposals);
  ASSERT_TRUE(ch);
  EXPECT_EQ(prose::plain_text(ch->title.front().value), "Proposals and decisions");
  const doc::Table* counts = nullptr;
  for (const auto& b : ch->blocks)
    if (const auto* t = std::get_if<doc::Table>(&b.content); t && t->kind == "proposal-counts") counts = t;
  ASSERT_TRUE(counts);
  const doc::TableContent& t = counts->parts.front().value;
  EXPECT_EQ(t.header, (std::vector<std::string>{"Sector", "Taken up", "Merged", "Forwarded", "Not taken up", "Pending", "Total"}));
  auto row = [&](size_t r) {
    std::string s;
    for (const auto& c : t.rows.at(r)) s += (s.empty() ? "" : "|") + prose::plain_text(c);
    return s;
  };
  ASSERT_EQ(t.rows.size(), 5u);  // civil society, private, academia, individual, then the totals
  EXPECT_EQ(row(0), "Civil society organisation|1|0|1|0|0|2");
  EXPECT_EQ(row(1), "Private sector|0|0|0|1|0|1");
  EXPECT_EQ(row(2), "Academia and research|0|1|0|0|0|1");
  EXPECT_EQ(row(3), "Individual|0|0|0|0|1|1");
  EXPECT_EQ(row(4), "Total|1|1|1|1|1|5");
}

TEST_F(Record, EachProposalWithWhoWhenDecisionAndReason) {
  const doc::Chapter* ch = edition("en").chapter(doc::Chapter::Kind::Proposals);
  ASSERT_TRUE(ch);
  const doc::FieldList& p01 = fields(*ch, "proposal-p01");
  EXPECT_EQ(prose::plain_text(p01.title), "p01: Open service data");
  EXPECT_EQ(field(p01, "Proposed by"), "Pemantau Anggaran (Civil society organisation)");
  EXPECT_EQ(field(p01, "Received"), "20\u00a0August\u00a02018");
  EXPECT_EQ(field(p01, "Theme"), "Services");
  EXPECT_EQ(field(p01, "Full proposal"), "https://example.org/proposals/p01?a=1&b=2");
  EXPECT_EQ(field(p01, "Decision"), "Taken up as Commitment 1: First commitment");
  EXPECT_EQ(field(p01, "Reason"), "In line with the RPJMN.");
  // The decision links the commitment's chapter.
  bool linked = false;
  for (const auto& r : p01.rows)
    for (const auto& i : r.value) linked = linked || (i.kind == prose::Inline::Kind::Link && i.url == "#commitment-1");
  EXPECT_TRUE(linked);
  EXPECT_EQ(field(fields(*ch, "proposal-p02"), "Decision"), "Merged into Commitment 2: Second commitment");
  EXPECT_EQ(field(fields(*ch, "proposal-p03"), "Decision"), "Forwarded to Agency for discussion");
  // Markup in a proposal is text, never markup.
  EXPECT_EQ(prose::plain_text(fields(*ch, "proposal-p03").title), "p03: Procurement <b>points</b>");
  EXPECT_EQ(field(fields(*ch, "proposal-p03"), "Proposed by"), "<script>alert(1)</script> Watch (Civil society organisation)");
  EXPECT_EQ(field(fields(*ch, "proposal-p04"), "Decision"), "Not taken up");
  EXPECT_EQ(field(fields(*ch, "proposal-p05"), "Decision"), "Pending");
  EXPECT_EQ(field(fields(*ch, "proposal-p05"), "Reason"), "(no field Reason)");  // pending: none yet, and none asked
  // p02's title is only in Indonesian: the English edition shows it, marked.
  const std::string p02 = doc::plain_text_marked(fields(*ch, "proposal-p02").title);
  EXPECT_NE(p02.find("Survei layanan"), std::string::npos) << p02;
  EXPECT_NE(p02.find("[not yet translated]"), std::string::npos) << p02;
}

TEST_F(Record, TheConsultationChapterIsTheReasonedResponseUnderStableIds) {
  const doc::Chapter* ch = edition("en").chapter(doc::Chapter::Kind::Consultation);
  ASSERT_TRUE(ch);
  EXPECT_EQ(prose::plain_text(ch->title.front().value), "Public consultation: what we heard and our response");
  // Per commitment in the plan's order, then the plan as a whole.
  std::vector<std::string> anchors;
  for (const auto& b : ch->blocks)
    if (!b.anchor.empty()) anchors.push_back(b.anchor);
  EXPECT_EQ(anchors, (std::vector<std::string>{"consultation-commitment-1", "comment-C1-01", "comment-C1-02",
                                               "consultation-commitment-2", "comment-C2-01", "consultation-plan", "comment-G-01"}));
  const std::string intro = prose::plain_text(std::get<doc::Paragraph>(ch->blocks.front().content).parts.front().value);
  EXPECT_NE(intro.find("open for public consultation until 15\u00a0October\u00a02018"), std::string::npos) << intro;
  EXPECT_NE(intro.find("4\u00a0comments are recorded so far"), std::string::npos) << intro;
  const doc::FieldList& c1 = fields(*ch, "comment-C1-01");
  EXPECT_EQ(prose::plain_text(c1.title), "C1-01, received 2\u00a0October\u00a02018");
  EXPECT_EQ(field(c1, "From"), "Pemantau (Civil society organisation)");
  EXPECT_EQ(field(c1, "Our response"), "A target was added to milestone 2.");
  // What was heard in Indonesian only: shown, marked, in English.
  EXPECT_NE(doc::plain_text_marked(fields(*ch, "comment-C1-01").rows.at(1).value).find("[not yet translated]"), std::string::npos);
  // What was heard in a language the plan does not have (Javanese): shown in it, in its language.
  const doc::FieldList& c2 = fields(*ch, "comment-C1-02");
  EXPECT_EQ(field(c2, "What we heard"), "Mangga dipunwenehi data ingkang langkung cetha.");
  bool javanese = false;
  for (const auto& i : c2.rows.at(0).value) javanese = javanese || i.lang == "jv";
  EXPECT_TRUE(javanese);
  EXPECT_EQ(field(c2, "Our response"), "Not answered yet.");
  EXPECT_EQ(field(fields(*ch, "comment-C2-01"), "What we heard"), "<script>alert(\u2018x\u2019)</script> Publish the survey.");
}

TEST_F(Record, EachCommitmentInvitesCommentsUnderItsOwnSubject) {
  const doc::Document& id = edition("id");
  const doc::CommitmentRef& c = id.facts.commitments.front();
  EXPECT_EQ(c.comment_subject, "[fixture-plan] Komitmen 1: Komitmen pertama");
  EXPECT_EQ(c.comment_href, "mailto:konsultasi@example.org?subject=%5Bfixture-plan%5D%20Komitmen%201%3A%20Komitmen%20pertama");
  EXPECT_EQ(c.comment_form, "https://forms.example.org/consult?subject=%5Bfixture-plan%5D%20Komitmen%201%3A%20Komitmen%20pertama");
  EXPECT_EQ(c.comments, 2);
  EXPECT_EQ(id.facts.consultation_facts.deadline, "15\u00a0Oktober\u00a02018");
  const doc::Chapter* ch = edition("en").chapter(doc::Chapter::Kind::Commitment, 1);
  ASSERT_TRUE(ch);
  const doc::Block* invite = block(*ch, "commitment-1-comment");
  ASSERT_TRUE(invite);
  const auto& inlines = std::get<doc::Paragraph>(invite->content).parts.front().value;
  EXPECT_EQ(prose::plain_text(inlines),
            "Public consultation until 15\u00a0October\u00a02018: send your comments on this commitment to "
            "konsultasi@example.org or through the consultation form, with the subject \u201c[fixture-plan] Commitment 1: "
            "First commitment\u201d.");
  const doc::Block* heard = block(*ch, "commitment-1-comments");
  ASSERT_TRUE(heard);
  EXPECT_NE(prose::plain_text(std::get<doc::Paragraph>(heard->content).parts.front().value).find("2\u00a0comments on this commitment"),
            std::string::npos);
}

TEST_F(Record, TheCocreationChapterSummarisesTheRecord) {
  const doc::Chapter* ch = edition("en").chapter(doc::Chapter::Kind::Cocreation);
  ASSERT_TRUE(ch);
  std::string text;
  for (const auto& b : ch->blocks)
    if (const auto* p = std::get_if<doc::Paragraph>(&b.content)) text += prose::plain_text(p->parts.front().value) + "\n";
  EXPECT_NE(text.find("5\u00a0proposals were received (Taken up: 1; Merged: 1; Forwarded: 1; Not taken up: 1; Pending: 1)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("received 4\u00a0comments"), std::string::npos) << text;
}

TEST_F(Record, ThePdfPrintsBothChaptersAndTheInvitation) {
  testing::TempDir dir("record-pdf");
  const fs::path pdf = dir.path() / "plan.pdf";
  const std::string* bytes = plan_->outputs.find("fixture-plan/fixture-plan.en.pdf");
  ASSERT_TRUE(bytes);
  std::ofstream(pdf, std::ios::binary) << *bytes;
  const auto text = testing::run_shell("pdftotext -enc UTF-8 " + testing::shell_quote(pdf.string()) + " -");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const std::string t = testing::collapse(text.out);
  for (const char* s : {"Proposals and decisions", "Proposals by sector and decision", "p01: Open service data",
                        "Taken up as Commitment 1: First commitment", "Public consultation: what we heard and our response",
                        "C1-01, received 2 October 2018", "What we heard", "Our response", "Not answered yet.",
                        "with the subject \u201c[fixture-plan] Commitment 1: First commitment\u201d"})
    EXPECT_NE(t.find(s), std::string::npos) << s << "\n" << t;
}

TEST_F(Record, TheCommitmentPageHasACommentBoxWithItsSubject) {
  const std::string p = page(html::urls::commitment("en", slug(), "1-first"));
  ASSERT_FALSE(p.empty());
  EXPECT_NE(p.find("<h2 id=\"comment-title\">Comment on this commitment</h2>"), std::string::npos);
  EXPECT_NE(p.find("href=\"mailto:konsultasi@example.org?subject=%5Bfixture-plan%5D%20Commitment%201%3A%20First%20commitment\""),
            std::string::npos);
  EXPECT_NE(p.find("href=\"https://forms.example.org/consult?subject=%5Bfixture-plan%5D%20Commitment%201"), std::string::npos);
  EXPECT_NE(p.find("until 15\u00a0October\u00a02018"), std::string::npos);
  // The printed invitation is the box here, not a second paragraph.
  EXPECT_EQ(p.find("id=\"commitment-1-comment\""), std::string::npos);
  // Its comments are answered on the consultation page.
  EXPECT_NE(p.find("href=\"../consultation/index.html#consultation-commitment-1\""), std::string::npos) << p;
}

TEST_F(Record, ThePlanHasAPageForEachAppendixAndNothingInjects) {
  const std::string plan = page(html::urls::plan("en", slug()));
  EXPECT_NE(plan.find("href=\"proposals/index.html\">Proposals and decisions</a>"), std::string::npos);
  EXPECT_NE(plan.find("href=\"consultation/index.html\">Public consultation: what we heard and our response</a>"), std::string::npos);
  const std::string proposals = page("en/" + slug() + "/proposals/index.html");
  ASSERT_FALSE(proposals.empty());
  EXPECT_NE(proposals.find("id=\"proposal-p01\""), std::string::npos);
  EXPECT_NE(proposals.find("href=\"../1-first/index.html#commitment-1\""), std::string::npos) << proposals;
  EXPECT_NE(proposals.find("https://example.org/proposals/p01?a=1&amp;b=2"), std::string::npos);
  const std::string consultation = page("id/" + slug() + "/consultation/index.html");
  ASSERT_FALSE(consultation.empty());
  EXPECT_NE(consultation.find("id=\"comment-C1-01\""), std::string::npos);
  EXPECT_NE(consultation.find("lang=\"jv\""), std::string::npos);
  for (const std::string* s : {&proposals, &consultation}) {
    EXPECT_EQ(s->find("<script>alert"), std::string::npos);
    EXPECT_EQ(s->find("<b>points"), std::string::npos);
  }
  EXPECT_NE(proposals.find("&lt;script&gt;alert(1)&lt;/script&gt; Watch"), std::string::npos);
}

}  // namespace
}  // namespace renaksi
