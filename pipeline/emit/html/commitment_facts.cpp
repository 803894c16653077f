// A commitment's short description and status, for the plan page and the commitment page.
#include "emit/html/commitment_facts.h"

#include <variant>

namespace renaksi::html {

namespace {

// The first paragraph of blocks, as plain text ("" when the blocks open with none).
std::string first_paragraph(const prose::Blocks& blocks) {
  for (const auto& b : blocks) {
    if (b.kind == prose::Block::Kind::Para) return prose::plain_text(b.inlines);
    if (b.kind == prose::Block::Kind::BulletList || b.kind == prose::Block::Kind::OrderedList) return prose::plain_text(blocks);
  }
  return {};
}

// The prose right after the section heading `anchor`, if any.
ShortDescription after(const doc::Chapter& c, const std::string& anchor) {
  for (size_t i = 0; i + 1 < c.blocks.size(); ++i) {
    if (c.blocks[i].anchor != anchor) continue;
    const auto* p = std::get_if<doc::Prose>(&c.blocks[i + 1].content);
    if (!p) return {};
    for (const auto& part : p->parts) {
      if (!doc::is_empty(part.value)) return {first_paragraph(part.value), part.lang};
      if (part.stand_in && !doc::is_empty(*part.stand_in)) return {first_paragraph(*part.stand_in), part.stand_in_lang};
    }
    return {};
  }
  return {};
}

}  // namespace

ShortDescription short_description(const doc::Chapter& commitment) {
  // The sections' anchors as compose names them: OGP 2022's brief description, then the
  // description (OGI 2018's section C, a narrative's or OGP 2022's solution), then the problem.
  for (const char* suffix : {"-brief-description", "-c", "-description", "-b", "-problem"}) {
    ShortDescription d = after(commitment, commitment.anchor + suffix);
    if (!d.text.empty()) return d;
  }
  return {};
}

std::string ogp_commitment_url(const Site& site, const SitePlan& plan, const doc::CommitmentRef& c) {
  if (!site.ogp || c.ogp_id.empty() || site.ogp->commitment.empty()) return {};
  for (char ch : c.ogp_id)  // an id is letters and digits ("ID0135"): nothing else enters the address
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) return {};
  auto member = site.ogp->members.find(plan.facts->country);
  if (member == site.ogp->members.end()) return {};
  std::string url = site.ogp->commitment;
  auto fill = [&](const std::string& slot, const std::string& value) {
    const size_t at = url.find(slot);
    if (at != std::string::npos) url.replace(at, slot.size(), value);
  };
  fill("{member}", member->second);
  fill("{id}", c.ogp_id);
  return url;
}

std::string commitment_completion(const Site&, const SitePlan& plan, const doc::CommitmentRef& c, const std::string& lang) {
  const doc::CommitmentProgressFacts* p = plan.facts_in(lang).progress.of(c.number);
  return p ? p->level : std::string();
}

std::string commitment_status(const Site& site, const SitePlan& plan, const doc::CommitmentRef& c, const std::string& lang) {
  return commitment_completion(site, plan, c, lang);
}

}  // namespace renaksi::html
