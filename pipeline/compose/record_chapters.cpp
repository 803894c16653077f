// The co-creation record composed: proposals and decisions, the consultation's reasoned response.
#include "compose/record_chapters.h"

#include <array>
#include <functional>
#include <map>

#include "compose/date_text.h"
#include "compose/parts.h"
#include "doc/link_policy.h"
#include "model/record_sectors.h"

namespace renaksi {

using doc::Block;
using doc::Chapter;
using doc::Localized;
using prose::Inline;
using prose::Inlines;

namespace {

// Counts per decision, indexed by the Decision's value.
using DecisionCounts = std::array<long long, std::size(kAllDecisions)>;

Inlines link(const std::string& href, Inlines label) { return {{Inline::Kind::Link, {}, href, true, std::move(label), {}, {}}}; }

Inlines count_text(const Locale& l, long long n) { return text_inlines(l.number(n)); }

}  // namespace

RecordComposer::RecordComposer(const Plan& plan, const std::vector<std::string>& langs, const Locales& locales,
                               const Fallback& fb)
    : plan_(plan), langs_(langs), locales_(locales), fb_(fb) {}

const Locale& RecordComposer::loc(const std::string& lang) const { return *locales_.at(lang); }

std::string RecordComposer::msg(const std::string& lang, const std::string& key, const std::vector<MessageArg>& args) const {
  return loc(lang).message(key, args);
}

template <typename F>
auto RecordComposer::parts(F&& make) const {
  return localized_parts(langs_, std::forward<F>(make));
}

Inlines RecordComposer::shown(const LocalizedText& t, const std::string& lang) const {
  if (const Text* own = t.find(lang); own && !own->value.empty()) return text_inlines(own->value);
  const Fallback::Shown picked = fb_.pick(t, lang);
  if (picked.missing) return fb_.inlines(t, lang);
  // No language of the plan has it: a name given without a language is shown as it is; what
  // someone wrote in another language is shown in it, marked, in every column.
  for (const auto& other : t.texts) {
    if (other.value.empty()) continue;
    if (other.lang.empty()) return text_inlines(other.value);
    return fb_.marked(text_inlines(other.value), other.lang, lang);
  }
  return {};
}

std::string RecordComposer::subject(const Commitment& c, const std::string& lang) const {
  return msg(lang, "consultation.subject", {{"plan", plan_.id},
                                            {"number", static_cast<long long>(c.number)},
                                            {"title", fb_.pick(c.title, lang).text}});
}

// "Komitmen 3: <title>" linked to the commitment's chapter, by the catalogue's `key`.
Inlines RecordComposer::commitment_ref(const std::string& lang, const std::string& key, const std::string& id) const {
  const Commitment* c = plan_.commitment(id);
  if (!c) return text_inlines(id);  // check reports it (C202)
  Inlines title = fb_.message(lang, "commitment.heading", {{"number", static_cast<long long>(c->number)}}, "title", c->title);
  return spliced_message(loc(lang), key, {}, {{"commitment", link("#commitment-" + std::to_string(c->number), std::move(title))}});
}

Inlines RecordComposer::proposer(const std::string& lang, const LocalizedText& from, const std::string& sector) const {
  Inlines who = shown(from, lang);
  if (sector.empty()) return who;
  if (who.empty()) return text_inlines(msg(lang, "sector." + sector));
  return spliced_message(loc(lang), "record.from", {{"sector", msg(lang, "sector." + sector)}}, {{"name", std::move(who)}});
}

doc::FieldList RecordComposer::proposal_fields(const std::string& lang, const Proposal& p) const {
  doc::FieldList f;
  f.title = spliced_message(loc(lang), "proposal.heading", {{"id", p.id}}, {{"title", shown(p.title, lang)}});
  f.rows.push_back({msg(lang, "proposal.from"), proposer(lang, p.from, p.sector)});
  if (!p.received.text.empty()) f.rows.push_back({msg(lang, "proposal.received"), text_inlines(date_text(loc(lang), p.received))});
  if (const Theme* t = plan_.theme(p.theme)) f.rows.push_back({msg(lang, "proposal.theme"), fb_.inlines(t->name, lang)});
  if (p.summary.present()) f.rows.push_back({msg(lang, "proposal.summary"), shown(p.summary, lang)});
  if (!p.link.empty()) f.rows.push_back({msg(lang, "proposal.link"), link(p.link, text_inlines(p.link))});
  if (!p.imported.empty())
    f.rows.push_back({msg(lang, "proposal.imported"), commitment_ref(lang, "proposal.imported_as", p.imported)});
  Inlines decision;
  switch (p.decision) {
    case Decision::TakenUp: decision = commitment_ref(lang, "decision.taken-up_as", p.decision_commitment); break;
    case Decision::Merged: decision = commitment_ref(lang, "decision.merged_into", p.decision_commitment); break;
    case Decision::Forwarded: {
      const Organisation* o = plan_.organisation(p.forwarded_to);
      decision = spliced_message(loc(lang), "decision.forwarded_to", {},
                                 {{"organisation", o ? fb_.inlines(o->name, lang) : text_inlines(p.forwarded_to)}});
      break;
    }
    case Decision::NotTakenUp:
    case Decision::Pending: decision = text_inlines(msg(lang, "decision." + std::string(decision_id(p.decision)))); break;
  }
  f.rows.push_back({msg(lang, "proposal.decision"), std::move(decision)});
  if (p.reason.present()) f.rows.push_back({msg(lang, "proposal.reason"), shown(p.reason, lang)});
  else if (p.decision != Decision::Pending) f.rows.push_back({msg(lang, "proposal.reason"), text_inlines(msg(lang, "proposal.no_reason"))});
  return f;
}

doc::TableContent RecordComposer::counts_table(const std::string& lang) const {
  doc::TableContent t;
  t.header.push_back(msg(lang, "proposal.sector"));
  for (Decision d : kAllDecisions) t.header.push_back(msg(lang, "decision." + std::string(decision_id(d))));
  t.header.push_back(msg(lang, "proposal.total"));
  std::map<std::string, DecisionCounts> by_sector;
  DecisionCounts totals{};
  for (const auto& p : plan_.record.proposals) {
    const auto d = static_cast<size_t>(p.decision);
    ++by_sector[p.sector][d];
    ++totals[d];
  }
  auto row = [&](Inlines label, const DecisionCounts& counts) {
    std::vector<Inlines> r{std::move(label)};
    long long sum = 0;
    for (long long n : counts) {
      r.push_back(count_text(loc(lang), n));
      sum += n;
    }
    r.push_back(count_text(loc(lang), sum));
    t.rows.push_back(std::move(r));
  };
  for (std::string_view s : kRecordSectors)
    if (auto it = by_sector.find(std::string(s)); it != by_sector.end())
      row(text_inlines(msg(lang, "sector." + std::string(s))), it->second);
  row(text_inlines(msg(lang, "proposal.total")), totals);
  return t;
}

std::optional<Chapter> RecordComposer::proposals_chapter() const {
  const auto& proposals = plan_.record.proposals;
  if (proposals.empty()) return std::nullopt;
  const SourceLoc at = plan_.record.proposals_loc;
  Chapter ch{Chapter::Kind::Proposals, "proposals", 0, at,
             parts([&](const std::string& lang) { return text_inlines(msg(lang, "chapter.proposals")); }), {}};
  ch.blocks.push_back({{}, at, doc::Paragraph{parts([&](const std::string& lang) {
                         return text_inlines(msg(lang, "proposals.intro", {{"count", static_cast<long long>(proposals.size())}}));
                       })}});
  ch.blocks.push_back({"proposals-counts", at, doc::Heading{2, parts([&](const std::string& lang) {
                                                               return text_inlines(msg(lang, "proposals.counts"));
                                                             })}});
  ch.blocks.push_back({{}, at, doc::Table{"proposal-counts", parts([&](const std::string& lang) { return counts_table(lang); })}});
  ch.blocks.push_back({"proposals-list", at, doc::Heading{2, parts([&](const std::string& lang) {
                                                             return text_inlines(msg(lang, "proposals.list"));
                                                           })}});
  for (const auto& p : proposals)
    ch.blocks.push_back({"proposal-" + p.id, p.loc, doc::Fields{parts([&](const std::string& lang) { return proposal_fields(lang, p); })}});
  return ch;
}

doc::FieldList RecordComposer::comment_fields(const std::string& lang, const ConsultationComment& k) const {
  doc::FieldList f;
  f.title = text_inlines(k.received.text.empty()
                             ? k.id
                             : msg(lang, "comment.heading", {{"id", k.id}, {"date", date_text(loc(lang), k.received)}}));
  if (k.from.present() || !k.sector.empty()) f.rows.push_back({msg(lang, "comment.from"), proposer(lang, k.from, k.sector)});
  f.rows.push_back({msg(lang, "comment.heard"), shown(k.heard, lang)});
  f.rows.push_back({msg(lang, "comment.response"),
                    k.response.present() ? shown(k.response, lang) : text_inlines(msg(lang, "comment.no_response"))});
  return f;
}

std::optional<Chapter> RecordComposer::consultation_chapter() const {
  const Consultation& c = plan_.record.consultation;
  if (!c.declared) return std::nullopt;
  Chapter ch{Chapter::Kind::Consultation, "consultation", 0, c.loc,
             parts([&](const std::string& lang) { return text_inlines(msg(lang, "chapter.consultation")); }), {}};
  ch.blocks.push_back({{}, c.loc, doc::Paragraph{parts([&](const std::string& lang) {
                         return text_inlines(msg(lang, plan_.stage == Stage::Draft4 ? "consultation.open" : "consultation.closed",
                                                 {{"period", period_text(loc(lang), c.period)},
                                                  {"deadline", date_text(loc(lang), c.period.end)},
                                                  {"count", static_cast<long long>(c.comments.size())}}));
                       })}});
  // Per commitment in the plan's order, then the comments on the plan as a whole.
  auto section = [&](const std::string& anchor, const std::vector<const ConsultationComment*>& comments,
                     const std::function<Inlines(const std::string&)>& title) {
    if (comments.empty()) return;
    ch.blocks.push_back({anchor, comments.front()->loc, doc::Heading{2, parts(title)}});
    for (const ConsultationComment* k : comments)
      ch.blocks.push_back({"comment-" + k->id, k->loc, doc::Fields{parts([&](const std::string& lang) { return comment_fields(lang, *k); })}});
  };
  for (const auto& commitment : plan_.commitments) {
    section("consultation-commitment-" + std::to_string(commitment.number), comments_on(commitment.id), [&](const std::string& lang) {
      return fb_.message(lang, "commitment.heading", {{"number", static_cast<long long>(commitment.number)}}, "title",
                         commitment.title);
    });
  }
  section("consultation-plan", comments_on({}), [&](const std::string& lang) { return text_inlines(msg(lang, "consultation.general")); });
  return ch;
}

std::vector<Block> RecordComposer::summary_blocks() const {
  std::vector<Block> out;
  const Cocreation& r = plan_.record;
  if (!r.proposals.empty()) {
    DecisionCounts counts{};
    for (const auto& p : r.proposals) ++counts[static_cast<size_t>(p.decision)];
    out.push_back({{}, r.proposals_loc, doc::Paragraph{parts([&](const std::string& lang) {
                     std::string breakdown;
                     for (Decision d : kAllDecisions)
                       if (const long long n = counts[static_cast<size_t>(d)]; n > 0)
                         breakdown += (breakdown.empty() ? "" : "; ") +
                                      msg(lang, "record.decision_count",
                                          {{"decision", msg(lang, "decision." + std::string(decision_id(d)))}, {"count", n}});
                     return spliced_message(loc(lang), "record.proposals",
                                            {{"count", static_cast<long long>(r.proposals.size())}, {"breakdown", breakdown}},
                                            {{"chapter", link("#proposals", text_inlines(msg(lang, "chapter.proposals")))}});
                   })}});
  }
  if (r.consultation.declared) {
    const Consultation& c = r.consultation;
    out.push_back({{}, c.loc, doc::Paragraph{parts([&](const std::string& lang) {
                     return spliced_message(loc(lang), "record.comments",
                                            {{"count", static_cast<long long>(c.comments.size())},
                                             {"period", period_text(loc(lang), c.period)}},
                                            {{"chapter", link("#consultation", text_inlines(msg(lang, "chapter.consultation")))}});
                   })}});
  }
  return out;
}

std::vector<Block> RecordComposer::commitment_blocks(const Commitment& c) const {
  std::vector<Block> out;
  const Consultation& k = plan_.record.consultation;
  if (!k.declared) return out;
  const std::string a = "commitment-" + std::to_string(c.number);
  if (plan_.stage == Stage::Draft4) {
    out.push_back({a + "-comment", k.loc, doc::Paragraph{parts([&](const std::string& lang) {
                     const CommentLinks to = links(c, lang);
                     std::vector<InlineArg> slots;
                     if (!k.email.empty()) slots.push_back({"email", link(to.href, text_inlines(k.email))});
                     if (!k.form.empty()) slots.push_back({"form", link(to.form, text_inlines(msg(lang, "consultation.form_label")))});
                     const std::string key = k.email.empty() ? "consultation.invite_form"
                                             : k.form.empty() ? "consultation.invite_email"
                                                              : "consultation.invite_both";
                     return spliced_message(loc(lang), key,
                                            {{"deadline", date_text(loc(lang), k.period.end)}, {"subject", to.subject}},
                                            std::move(slots));
                   })}});
  }
  if (const auto heard = static_cast<long long>(comments_on(c.id).size()); heard > 0)
    out.push_back({a + "-comments", k.loc, doc::Paragraph{parts([&](const std::string& lang) {
                     return spliced_message(loc(lang), "consultation.heard_on", {{"count", heard}},
                                            {{"chapter", link("#consultation-commitment-" + std::to_string(c.number),
                                                              text_inlines(msg(lang, "chapter.consultation")))}});
                   })}});
  return out;
}

doc::ConsultationFacts RecordComposer::consultation_facts(const std::string& lang) const {
  doc::ConsultationFacts f;
  const Consultation& c = plan_.record.consultation;
  if (!c.declared) return f;
  f.declared = true;
  f.open = plan_.stage == Stage::Draft4;
  f.start = c.period.start.text;
  f.end = c.period.end.text;
  f.period = period_text(loc(lang), c.period);
  f.deadline = date_text(loc(lang), c.period.end);
  f.email = c.email;
  f.form = c.form;
  f.comments = static_cast<int>(c.comments.size());
  return f;
}

std::vector<const ConsultationComment*> RecordComposer::comments_on(const std::string& commitment) const {
  std::vector<const ConsultationComment*> out;
  for (const auto& k : plan_.record.consultation.comments)
    if (k.commitment == commitment) out.push_back(&k);
  return out;
}

RecordComposer::CommentLinks RecordComposer::links(const Commitment& c, const std::string& lang) const {
  const Consultation& k = plan_.record.consultation;
  CommentLinks to;
  to.subject = subject(c, lang);
  // "{subject}" in the form's address takes the subject (a prefilled field); else the form as is.
  if (!k.form.empty()) to.form = prose::with_subject(k.form, to.subject);
  to.href = !k.email.empty() ? "mailto:" + k.email + "?subject=" + prose::url_query_value(to.subject) : to.form;
  return to;
}

void RecordComposer::comment_links(doc::CommitmentRef& ref, const Commitment& c, const std::string& lang) const {
  ref.comments = static_cast<int>(comments_on(c.id).size());
  if (!plan_.record.consultation.declared || plan_.stage != Stage::Draft4) return;
  CommentLinks to = links(c, lang);
  ref.comment_subject = std::move(to.subject);
  ref.comment_href = std::move(to.href);
  ref.comment_form = std::move(to.form);
}

}  // namespace renaksi
