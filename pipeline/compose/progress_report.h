// The self-assessment report of a Final plan's reporting period, composed as a document of its
// own per edition: a summary (the commitments by completion level, as a chart and a table),
// then per commitment its level, narrative and evidence, its milestones, and what it was at
// its previous update. Laid out and written by the same PDF and Word passes as the plan.
#pragma once

#include <vector>

#include "doc/document.h"
#include "locale/locale.h"
#include "model/plan.h"

namespace renaksi {

// One document per reporting period that has a progress report and per edition of `editions`
// (compose_editions' output for `plan`, whose covers and facts the reports start from), in
// period order, then edition order; each has Document::report_period set. None for a plan that
// is not Final, or without progress reports.
std::vector<doc::Document> compose_progress_reports(const Plan& plan, const std::vector<doc::Document>& editions,
                                                    const Locales& locales);

}  // namespace renaksi
