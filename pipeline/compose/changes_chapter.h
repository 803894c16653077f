// The change report as a chapter of a draft's editions: what changed since the plan's recorded
// previous draft, per commitment and field, each language in its column, deletions and
// insertions as Deleted/Inserted runs with the plain markers around them, so the PDF (bold and
// italic), the Word editions (struck through, underlined) and the site (<del>, <ins>) all read
// without colour.
#pragma once

#include <string>
#include <vector>

#include "diff/plan_diff.h"
#include "doc/document.h"
#include "locale/locale.h"
#include "profile/template_profile.h"

namespace renaksi {

doc::Chapter changes_chapter(const diff::PlanDiff& changes, const TemplateProfile& profile,
                             const std::vector<std::string>& langs, const Locales& locales, const SourceLoc& at);

}  // namespace renaksi
