// The co-creation record in the editions: the Proposals chapter (every proposal, who made it, the
// decision and its reason; counts by sector and decision), the Consultation chapter (the reasoned
// response: what we heard and our response, per commitment, under stable ids), the co-creation
// chapter's summary of both, and, at Draft 4, the invitation to comment on each commitment.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/fallback.h"
#include "doc/document.h"
#include "locale/locale.h"
#include "model/plan.h"

namespace renaksi {

class RecordComposer {
 public:
  RecordComposer(const Plan& plan, const std::vector<std::string>& langs, const Locales& locales, const Fallback& fb);

  // The chapter of the proposals; nullopt when the plan records none.
  std::optional<doc::Chapter> proposals_chapter() const;
  // The chapter of the consultation's comments and responses; nullopt without a consultation.
  std::optional<doc::Chapter> consultation_chapter() const;
  // Paragraphs for the co-creation chapter: how many proposals and what was decided, how many
  // comments; none when the plan records neither.
  std::vector<doc::Block> summary_blocks() const;
  // The blocks a commitment's chapter opens with: at Draft 4 with a declared consultation, its
  // invitation (until when, where to, under which subject); when comments on it are recorded,
  // where they are answered. None otherwise.
  std::vector<doc::Block> commitment_blocks(const Commitment& c) const;

  // The consultation's facts in `lang`; and a commitment's subject and links to comment (at Draft
  // 4) and its count of comments, set on its `ref`.
  doc::ConsultationFacts consultation_facts(const std::string& lang) const;
  void comment_links(doc::CommitmentRef& ref, const Commitment& c, const std::string& lang) const;

 private:
  const Locale& loc(const std::string& lang) const;
  std::string msg(const std::string& lang, const std::string& key, const std::vector<MessageArg>& args = {}) const;
  template <typename F>
  auto parts(F&& make) const;
  std::string subject(const Commitment& c, const std::string& lang) const;
  // The comments on a commitment (its id; "" for the plan as a whole), in the file's order.
  std::vector<const ConsultationComment*> comments_on(const std::string& commitment) const;
  // Where a comment on `c` goes, in `lang`: its subject, the mailto: (else the form's) address
  // with it, and the form's address with it.
  struct CommentLinks {
    std::string subject, href, form;
  };
  CommentLinks links(const Commitment& c, const std::string& lang) const;
  prose::Inlines commitment_ref(const std::string& lang, const std::string& key, const std::string& id) const;
  prose::Inlines proposer(const std::string& lang, const LocalizedText& from, const std::string& sector) const;
  doc::FieldList proposal_fields(const std::string& lang, const Proposal& p) const;
  doc::FieldList comment_fields(const std::string& lang, const ConsultationComment& k) const;
  doc::TableContent counts_table(const std::string& lang) const;
  // The text of a field in `lang`, marked where another language's stands in (a text no
  // language of the plan declares, what the public wrote, is shown in its own language).
  prose::Inlines shown(const LocalizedText& t, const std::string& lang) const;

  const Plan& plan_;
  const std::vector<std::string>& langs_;
  const Locales& locales_;
  const Fallback& fb_;
};

}  // namespace renaksi
