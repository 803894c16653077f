// The compose pass: a checked plan and its parsed prose become one Document per edition.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compose/typography.h"
#include "diff/plan_diff.h"
#include "doc/document.h"
#include "locale/locale.h"
#include "model/plan.h"
#include "profile/template_profile.h"
#include "prose/prose_pass.h"

namespace renaksi {

struct Edition {
  std::string name;                // a language code, or "bilingual"
  std::vector<std::string> langs;  // column order: the administrative language first
};

// Every language of the plan on its own, then (for a plan with two or more languages) the
// bilingual edition of the administrative language beside the first other one.
std::vector<Edition> editions_of(const Plan& plan);

doc::Document compose(const Plan& plan, const TemplateProfile& profile, const ProseStore& prose, const Edition& edition,
                      const Locales& locales);
// The same, taking each prose text's curled form from `curled` (shared with other editions).
doc::Document compose(const Plan& plan, const TemplateProfile& profile, const ProseStore& prose, const Edition& edition,
                      const Locales& locales, CurledProse& curled);

// Every edition of the plan (editions_of), composed; with `changes` (the difference from the
// plan's recorded previous draft), each ends with the change report (changes_chapter.h).
std::vector<doc::Document> compose_editions(const Plan& plan, const TemplateProfile& profile, const ProseStore& prose,
                                            const Locales& locales, const diff::PlanDiff* changes = nullptr);

}  // namespace renaksi
