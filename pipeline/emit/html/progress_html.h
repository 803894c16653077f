// The site's view of a plan's life after Final: a commitment page's progress (its updates with
// evidence, newest first) and IRM ratings with their source, and the home page's progress line.
// Nothing at all when there is nothing to show: no empty label.
#pragma once

#include <functional>
#include <string>

#include "doc/progress_facts.h"
#include "emit/html/html_tree.h"
#include "emit/html/site_context.h"

namespace renaksi::html {

// A period's self-assessment report as a page links it: its address from the page, and its size.
struct ReportLink {
  std::string href;
  size_t bytes = 0;
};

// Appends to `parent` the progress and IRM sections of commitment `number` (none when the facts
// have none); `toc` is called with each section's id and title, for the page's contents;
// `report` gives a period's report in the page's language, when the build made one (an empty
// href: none), linked from that period's update.
void write_commitment_progress(const Site& site, const doc::ProgressFacts& progress, int number, const std::string& lang,
                               xmlNode* parent, const std::function<void(const std::string&, const std::string&)>& toc,
                               const std::function<ReportLink(const std::string& period)>& report = nullptr);

// Reporting period `id` as `progress` prints it ("1 July – 31 December 2019"), else the id.
std::string period_text(const doc::ProgressFacts& progress, const std::string& id);

// "7 of 14 commitments substantial or complete, as of 1 July 2020"; "" when no update names a
// commitment (a draft, a plan without progress data, a plan with IRM ratings only).
std::string progress_line(const Site& site, const doc::ProgressFacts& progress, const std::string& lang);

}  // namespace renaksi::html
